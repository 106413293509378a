"use client";

import { useState, useTransition } from "react";
import { applyCouponCode } from "@/lib/cart/actions";
import { fillMessage, type CartErrorMessages } from "./messages";

/** "Apply to my cart" on a coupon's page: creates the cart when needed and attaches the code. */
export function ApplyCouponButton({
  code,
  cartHref,
  labels,
}: {
  code: string;
  cartHref: string;
  labels: { apply: string; applying: string; applied: string; notApplied: string; viewCart: string; errors: CartErrorMessages };
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
            const result = await applyCouponCode(code);
            // Already in the cart counts as success: the visitor's intent is fulfilled.
            if (result.status === "applied" || result.error === "couponAlreadyAdded") setOutcome({ ok: true, message: labels.applied });
            else if (result.status === "notApplied") setOutcome({ ok: true, message: labels.notApplied });
            else setOutcome({ ok: false, message: fillMessage(labels.errors[result.error ?? "unavailable"], { minutes: result.retryAfterMinutes ?? 1 }) });
          })
        }
        className="rounded-md bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
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
