"use client";

import { useActionState } from "react";
import { applyCouponAction, type CouponFormState } from "@/lib/cart/actions";
import { fillMessage, type CartErrorMessages } from "./messages";

export interface CouponCodeFormLabels {
  codeLabel: string;
  apply: string;
  applying: string;
  applied: string;
  /** "Code {code} added, but it does not apply…: {reason}". */
  notApplied: string;
  errors: CartErrorMessages;
}

const INITIAL: CouponFormState = { status: "idle" };

/**
 * The cart's discount code field; the cart refreshes itself through revalidation. `reasons`
 * holds, by code, why each coupon on the cart does not apply (rendered by the page), so the
 * message after adding one can say why.
 */
export function CouponCodeForm({ labels, reasons }: { labels: CouponCodeFormLabels; reasons: Record<string, string> }) {
  const [state, formAction, pending] = useActionState(applyCouponAction, INITIAL);
  const errorId = "coupon-code-error";
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" noValidate>
      <div className="flex-1">
        <label htmlFor="coupon-code" className="block text-sm font-medium text-slate-700">
          {labels.codeLabel}
        </label>
        <input
          id="coupon-code"
          name="code"
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={64}
          required
          defaultValue={state.status === "error" ? state.code : ""}
          key={state.status === "applied" || state.status === "notApplied" ? state.code : "entry"}
          aria-invalid={state.status === "error"}
          aria-describedby={state.status === "error" ? errorId : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 uppercase"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        aria-disabled={pending}
        className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50 disabled:opacity-60"
      >
        {pending ? labels.applying : labels.apply}
      </button>
      <p aria-live="polite" className="w-full min-h-5 text-sm">
        {state.status === "error" && state.error ? (
          <span id={errorId} role="alert" className="text-red-700">
            {fillMessage(labels.errors[state.error], { minutes: state.retryAfterMinutes ?? 1 })}
          </span>
        ) : state.status === "applied" ? (
          <span className="text-emerald-700">{fillMessage(labels.applied, { code: state.code ?? "" })}</span>
        ) : state.status === "notApplied" ? (
          <span className="text-amber-800">{fillMessage(labels.notApplied, { code: state.code ?? "", reason: reasons[state.code ?? ""] ?? "" })}</span>
        ) : null}
      </p>
    </form>
  );
}
