"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { fieldError } from "@/components/ui/form-alert";
import { IDLE, type FormState } from "@/lib/actions/form-state";

/** One merchant action on an order (fulfil, refund) with its pending state and its outcome. */
export function OrderActionButton({
  action,
  orderId,
  label,
  pendingLabel,
  doneLabel,
  confirm,
  variant = "primary",
}: {
  /** The action, bound to the merchant and the store. */
  action: (state: FormState<unknown>, form: FormData) => Promise<FormState<undefined>>;
  orderId: string;
  label: string;
  pendingLabel: string;
  /** What the button says once the action went through. */
  doneLabel: string;
  confirm?: string;
  variant?: "primary" | "secondary";
}) {
  const [state, formAction, pending] = useActionState<FormState<undefined>, FormData>(action, IDLE);
  const message = state.status === "ok" ? doneLabel : state.status === "error" ? (state.error?.message ?? fieldError(state, "orderId")) : null;
  return (
    <form
      action={formAction}
      className="flex flex-col gap-2"
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      <input type="hidden" name="orderId" value={orderId} />
      <SubmitButton pending={pending} pendingLabel={pendingLabel} variant={variant} className="self-start">
        {label}
      </SubmitButton>
      <p aria-live="polite" role="status" className={`text-sm empty:hidden ${state.status === "ok" ? "text-emerald-800" : "text-red-700"}`}>
        {message}
      </p>
    </form>
  );
}
