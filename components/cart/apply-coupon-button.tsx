"use client";

import { useState, useTransition } from "react";
import { buttonClass } from "@/components/ui/button";
import { refusalMessage } from "@/components/ui/refusal";
import { IDLE } from "@/lib/actions/form-state";
import { applyCouponAction } from "@/lib/cart/actions";

/** "Apply to my cart" on a coupon's page: creates the cart when needed and attaches the code. */
export function ApplyCouponButton({
  code,
  cartHref,
  labels,
}: {
  code: string;
  cartHref: string;
  labels: { apply: string; applying: string; applied: string; notApplied: string; viewCart: string };
}) {
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={pending}
        aria-disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const state = await applyCouponAction(IDLE, { couponCode: code });
            // Already in the cart counts as success: the visitor's intent is fulfilled.
            if (state.status === "ok") setOutcome({ ok: true, message: state.data.applied ? labels.applied : labels.notApplied });
            else if (state.fieldErrors?.couponCode?.key === "Cart.errors.couponAlreadyAdded") setOutcome({ ok: true, message: labels.applied });
            else setOutcome({ ok: false, message: refusalMessage(state) ?? "" });
          })
        }
        className={buttonClass("primary")}
      >
        {pending ? labels.applying : labels.apply}
      </button>
      <p aria-live="polite" className="min-h-5 text-sm">
        {outcome?.ok ? (
          <span className="text-emerald-700">
            {outcome.message}{" "}
            <a href={cartHref} className="font-medium underline underline-offset-2">
              {labels.viewCart}
            </a>
          </span>
        ) : outcome ? (
          <span role="alert" className="text-red-700">
            {outcome.message}
          </span>
        ) : null}
      </p>
    </div>
  );
}
