"use client";

import { useActionState } from "react";
import type { AdminActionState } from "@/lib/admin/types";

const initial: AdminActionState = { status: "idle" };

/**
 * One admin button (suspend, reactivate, grant or revoke admin, send a sign-in link) as a form
 * posting to its server action, with the pending state and the translated outcome inline.
 * Texts come as props, so no message namespace travels to the browser.
 */
export function AdminActionForm({
  action,
  fields,
  label,
  pendingLabel,
  outcomes,
  tone = "primary",
}: {
  action: (state: AdminActionState, formData: FormData) => Promise<AdminActionState>;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  /** Translated texts of every reason the action can return. */
  outcomes: Record<string, string>;
  tone?: "primary" | "danger";
}) {
  const [state, formAction, pending] = useActionState(action, initial);
  const message = state.status === "idle" || pending ? "" : (outcomes[state.reason] ?? "");
  const button =
    tone === "danger"
      ? "rounded-md border border-red-300 bg-white px-4 py-2 text-sm font-medium text-red-800 hover:bg-red-50 disabled:cursor-wait disabled:opacity-70"
      : "rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70";
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={pending} aria-disabled={pending} className={button}>
        {pending ? pendingLabel : label}
      </button>
      <p role="status" aria-live="polite" className={state.status === "error" ? "text-sm text-red-700" : "text-sm text-emerald-700"}>
        {message}
      </p>
    </form>
  );
}
