"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import type { AdminActionDone } from "@/lib/admin/types";
import { SubmitButton } from "@/components/ui/button";
import { formRefusal } from "@/components/ui/form-alert";

/**
 * One admin button (suspend, reactivate, grant or revoke admin, send a sign-in link) as a form
 * posting to its server action, with the pending state and the outcome inline. A refusal comes
 * translated in the action's state; the texts of what was done come as props, so no message
 * namespace travels to the browser.
 */
export function AdminActionForm({
  action,
  fields,
  label,
  pendingLabel,
  done,
  tone = "primary",
}: {
  action: (state: FormState<unknown>, formData: FormData) => Promise<FormState<AdminActionDone>>;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  /** Translated texts of what the action may have done. */
  done: Partial<Record<AdminActionDone, string>>;
  tone?: "primary" | "danger";
}) {
  const [state, formAction, pending] = useActionState<FormState<AdminActionDone>, FormData>(action, IDLE);
  const message = pending ? "" : state.status === "ok" ? (done[state.data] ?? "") : (formRefusal(state) ?? "");
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton pending={pending} pendingLabel={pendingLabel} variant={tone === "danger" ? "danger" : "primary"} className="text-sm">
        {label}
      </SubmitButton>
      <p role="status" aria-live="polite" className={state.status === "error" ? "text-sm text-red-700" : "text-sm text-emerald-700"}>
        {message}
      </p>
    </form>
  );
}
