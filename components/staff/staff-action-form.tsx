"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { Alert } from "@/components/ui/alert";
import { SubmitButton, type ButtonVariant } from "@/components/ui/button";
import { formRefusal } from "@/components/ui/form-alert";

/**
 * A form of the staff area bound to one server action: shows the pending label while it runs,
 * then the refusal the action translated (role="alert") or the success message (role="status").
 * The fields are the server-rendered children, so a field's refusal is shown as the form's.
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
  action: (state: FormState<unknown>, formData: FormData) => Promise<FormState<{ phrase?: string } | undefined>>;
  children?: React.ReactNode;
  submitLabel: string;
  pendingLabel: string;
  /** Shown after success; "{phrase}" is replaced by the new access code. */
  doneMessage?: string;
  variant?: ButtonVariant;
  className?: string;
  submitName?: string;
  submitValue?: string;
}) {
  const [state, formAction, pending] = useActionState<FormState<{ phrase?: string } | undefined>, FormData>(action, IDLE);
  const refusal = formRefusal(state);
  const phrase = state.status === "ok" ? state.data?.phrase : undefined;
  return (
    <form action={formAction} className={className ?? "flex flex-col gap-3"} noValidate>
      {children}
      <div>
        <SubmitButton name={submitName} value={submitValue} pending={pending} pendingLabel={pendingLabel} variant={variant} className={variant === "primary" ? undefined : "px-3 py-1.5 text-sm"}>
          {submitLabel}
        </SubmitButton>
      </div>
      <div aria-live="polite" className="empty:hidden">
        {refusal && <Alert tone="error">{refusal}</Alert>}
        {state.status === "ok" && doneMessage && <Alert tone="success">{phrase ? doneMessage.replace("{phrase}", phrase) : doneMessage}</Alert>}
      </div>
    </form>
  );
}
