"use client";

import { useActionState, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { formRefusal } from "@/components/ui/form-alert";
import { IDLE } from "@/lib/actions/form-state";
import { usePointsAction } from "@/lib/cart/tender-actions";

export interface UsePointsFormLabels {
  /** The button for each quantity, from 1 up: "Use 500 points: −5,00 €". */
  use: string[];
  /** The quantity field's accessible name ("How many times for Free coffee"). */
  quantity: string;
  pending: string;
}

/**
 * One reward of the cart's "Pay with points" section: a button that pays with it, and a quantity
 * when it fits several times. The cart page re-renders with the points and what they pay;
 * refusals arrive translated from the action.
 */
export function UsePointsForm({ rewardId, labels }: { rewardId: string; labels: UsePointsFormLabels }) {
  const [state, formAction, pending] = useActionState(usePointsAction, IDLE);
  const [quantity, setQuantity] = useState(1);
  const refusal = formRefusal(state);
  const errorId = `cart-points-error-${rewardId}`;
  const max = labels.use.length;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2" data-reward-id={rewardId}>
      <input type="hidden" name="rewardId" value={rewardId} />
      {max > 1 ? (
        <select
          name="quantity"
          aria-label={labels.quantity}
          value={quantity}
          onChange={(e) => setQuantity(Number(e.target.value))}
          className="rounded-md border border-slate-300 px-2 py-2"
        >
          {labels.use.map((_, i) => (
            <option key={i + 1} value={i + 1}>
              {i + 1}
            </option>
          ))}
        </select>
      ) : (
        <input type="hidden" name="quantity" value="1" />
      )}
      <button
        type="submit"
        disabled={pending}
        aria-disabled={pending}
        aria-describedby={refusal ? errorId : undefined}
        className={buttonClass("secondary")}
        data-testid="cart-points-use"
      >
        {pending ? labels.pending : labels.use[Math.min(quantity, max) - 1]}
      </button>
      <p aria-live="polite" className="w-full text-sm empty:hidden">
        {refusal && (
          <span id={errorId} role="alert" className="text-red-700">
            {refusal}
          </span>
        )}
      </p>
    </form>
  );
}
