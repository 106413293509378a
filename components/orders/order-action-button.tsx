"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/auth/submit-button";
import type { OrderActionState } from "@/lib/orders/actions";

/** One merchant action on an order (fulfil, refund) with its pending state and translated outcome. */
export function OrderActionButton({
  action,
  merchantId,
  storeId,
  orderId,
  label,
  pendingLabel,
  messages,
  confirm,
  variant = "primary",
}: {
  action: (state: OrderActionState, form: FormData) => Promise<OrderActionState>;
  merchantId: string;
  storeId: string;
  orderId: string;
  label: string;
  pendingLabel: string;
  /** Translated outcome messages by error code, plus "done". */
  messages: Record<string, string>;
  confirm?: string;
  variant?: "primary" | "secondary";
}) {
  const [state, formAction] = useActionState(action, { result: null });
  const message = state.result ? (state.result.ok ? messages.done : messages[state.result.error]) : null;
  return (
    <form
      action={formAction}
      className="flex flex-col gap-2"
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      <input type="hidden" name="merchantId" value={merchantId} />
      <input type="hidden" name="storeId" value={storeId} />
      <input type="hidden" name="orderId" value={orderId} />
      <div className="w-fit">
        <SubmitButton label={label} pendingLabel={pendingLabel} variant={variant} />
      </div>
      <p aria-live="polite" role="status" className={`text-sm empty:hidden ${state.result?.ok ? "text-emerald-800" : "text-red-700"}`}>
        {message}
      </p>
    </form>
  );
}
