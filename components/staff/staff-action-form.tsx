"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { INITIAL_STAFF_STATE, type StaffFormState } from "@/lib/staff/types";

const BUTTONS = {
  primary: "rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60",
  secondary: "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-50 disabled:opacity-60",
  danger: "rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60",
};

/**
 * A form of the staff area bound to one server action: shows the pending label while it runs,
 * then the translated refusal (role="alert") or the success message (role="status"). The
 * fields are the server-rendered children.
 */
export function StaffActionForm({
  action,
  children,
  submitLabel,
  pendingLabel,
  doneMessage,
  variant = "primary",
  className,
  submitName,
  submitValue,
}: {
  action: (state: StaffFormState, formData: FormData) => Promise<StaffFormState>;
  children?: React.ReactNode;
  submitLabel: string;
  pendingLabel: string;
  /** Shown after success; "{phrase}" is replaced by the new access code. */
  doneMessage?: string;
  variant?: keyof typeof BUTTONS;
  className?: string;
  submitName?: string;
  submitValue?: string;
}) {
  const t = useTranslations("Staff.errors");
  const [state, formAction, pending] = useActionState(action, INITIAL_STAFF_STATE);
  return (
    <form action={formAction} className={className ?? "flex flex-col gap-3"} noValidate>
      {children}
      <div>
        <button type="submit" name={submitName} value={submitValue} disabled={pending} aria-disabled={pending} className={BUTTONS[variant]}>
          {pending ? pendingLabel : submitLabel}
        </button>
      </div>
      <div aria-live="polite" className="empty:hidden">
        {state.status === "error" && state.error && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {t(state.error)}
          </p>
        )}
        {state.status === "done" && doneMessage && (
          <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
            {state.phrase ? doneMessage.replace("{phrase}", state.phrase) : doneMessage}
          </p>
        )}
      </div>
    </form>
  );
}
