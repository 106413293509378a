"use client";

import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { fieldError } from "@/components/ui/form-alert";
import { IDLE } from "@/lib/actions/form-state";
import { useStoreCreditAction } from "@/lib/cart/tender-actions";

export interface StoreCreditFormLabels {
  amount: string;
  apply: string;
  applying: string;
}

/**
 * The cart's store-credit field: an amount in the store's currency, offered as what would be
 * used. The cart page re-renders with what the credit pays; refusals arrive translated.
 */
export function StoreCreditForm({ suggested, labels }: { suggested: string; labels: StoreCreditFormLabels }) {
  const [state, formAction, pending] = useActionState(useStoreCreditAction, IDLE);
  const errorId = "cart-credit-error";
  const refusal = fieldError(state, "amount") ?? (state.status === "error" ? state.error?.message : undefined);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" noValidate>
      <div>
        <label htmlFor="cart-credit-amount" className="block text-sm font-medium text-slate-700">
          {labels.amount}
        </label>
        <input
          id="cart-credit-amount"
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          maxLength={40}
          defaultValue={state.status === "error" ? (state.values?.amount ?? suggested) : suggested}
          key={state.status === "error" ? "typed" : suggested}
          aria-invalid={refusal ? true : undefined}
          aria-describedby={refusal ? errorId : undefined}
          className="mt-1 w-40 rounded-md border border-slate-300 px-3 py-2 tabular-nums"
          data-testid="cart-credit-amount"
        />
      </div>
      <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass("secondary")} data-testid="cart-credit-apply">
        {pending ? labels.applying : labels.apply}
      </button>
      <p aria-live="polite" className="w-full min-h-5 text-sm">
        {refusal && (
          <span id={errorId} role="alert" className="text-red-700">
            {refusal}
          </span>
        )}
      </p>
    </form>
  );
}
