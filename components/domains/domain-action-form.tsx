"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { IDLE, type FormState } from "@/lib/actions/form-state";

/**
 * A custom-domain form bound to one action: pending label, then the refusal (of the form or of
 * its one field) or `doneLabel`.
 */
export function DomainActionForm({
  action,
  children,
  submitLabel,
  pendingLabel,
  doneLabel,
  variant = "primary",
  className,
}: {
  action: (state: FormState<unknown>, formData: FormData) => Promise<FormState<unknown>>;
  children?: React.ReactNode;
  submitLabel: string;
  pendingLabel: string;
  /** What the form says once the action went through. */
  doneLabel: string;
  variant?: "primary" | "secondary" | "danger";
  className?: string;
}) {
  const [state, formAction, pending] = useActionState<FormState<unknown>, FormData>(action, IDLE);
  const refusal = state.status === "error" ? (state.error ?? Object.values(state.fieldErrors ?? {})[0])?.message : undefined;
  return (
    <form action={formAction} className={className ?? "flex flex-col gap-2"} noValidate>
      {children}
      <div>
        <SubmitButton pending={pending} pendingLabel={pendingLabel} variant={variant}>
          {submitLabel}
        </SubmitButton>
      </div>
      <div aria-live="polite" className="empty:hidden">
        {refusal && <Alert tone="error">{refusal}</Alert>}
        {state.status === "ok" && <Alert tone="success">{doneLabel}</Alert>}
      </div>
    </form>
  );
}
