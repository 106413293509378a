"use client";

import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { fieldError } from "@/components/ui/form-alert";
import { IDLE } from "@/lib/actions/form-state";
import { applyCouponAction } from "@/lib/cart/actions";
import { fillMessage } from "./messages";

export interface CouponCodeFormLabels {
  codeLabel: string;
  apply: string;
  applying: string;
  applied: string;
  /** "Code {code} added, but it does not apply…: {reason}". */
  notApplied: string;
}

/**
 * The cart's discount code field; the cart refreshes itself through revalidation. `reasons`
 * holds, by code, why each coupon on the cart does not apply (rendered by the page), so the
 * message after adding one can say why. Refusals arrive translated from the action.
 */
export function CouponCodeForm({ labels, reasons }: { labels: CouponCodeFormLabels; reasons: Record<string, string> }) {
  const [state, formAction, pending] = useActionState(applyCouponAction, IDLE);
  const errorId = "coupon-code-error";
  const refusal = fieldError(state, "couponCode") ?? (state.status === "error" ? state.error?.message : undefined);
  const added = state.status === "ok" ? state.data : null;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" noValidate>
      <div className="flex-1">
        <label htmlFor="coupon-code" className="block text-sm font-medium text-slate-700">
          {labels.codeLabel}
        </label>
        <input
          id="coupon-code"
          name="couponCode"
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={64}
          required
          defaultValue={state.status === "error" ? state.values?.couponCode : ""}
          key={added ? added.code : "entry"}
          aria-invalid={state.status === "error"}
          aria-describedby={state.status === "error" ? errorId : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 uppercase"
        />
      </div>
      <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass("secondary")}>
        {pending ? labels.applying : labels.apply}
      </button>
      <p aria-live="polite" className="w-full min-h-5 text-sm">
        {refusal ? (
          <span id={errorId} role="alert" className="text-red-700">
            {refusal}
          </span>
        ) : added?.applied ? (
          <span className="text-emerald-700">{fillMessage(labels.applied, { code: added.code })}</span>
        ) : added ? (
          <span className="text-amber-800">{fillMessage(labels.notApplied, { code: added.code, reason: reasons[added.code] ?? "" })}</span>
        ) : null}
      </p>
    </form>
  );
}
