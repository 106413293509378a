"use client";

import { useTransition } from "react";
import { IDLE } from "@/lib/actions/form-state";
import { removeCouponAction } from "@/lib/cart/actions";
import { removeGiftCardAction } from "@/lib/cart/gift-card-actions";
import { removePointsAction, removeStoreCreditAction } from "@/lib/cart/tender-actions";

/** The X next to a coupon, a gift card, the points or the store credit in the cart; the page re-renders without it. */
export function RemoveCodeButton({ kind, id = "", label }: { kind: "coupon" | "giftCard" | "points" | "storeCredit"; id?: string; label: string }) {
  const [pending, startTransition] = useTransition();
  const remove = () =>
    kind === "coupon"
      ? removeCouponAction(IDLE, { couponId: id })
      : kind === "giftCard"
        ? removeGiftCardAction(IDLE, { giftCardId: id })
        : kind === "points"
          ? removePointsAction(IDLE, {})
          : removeStoreCreditAction(IDLE, {});
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={pending}
      onClick={() => startTransition(async () => void (await remove()))}
      className="flex h-7 w-7 items-center justify-center rounded-full text-slate-500 hover:bg-slate-100 hover:text-slate-900 disabled:opacity-50"
    >
      <span aria-hidden="true">×</span>
    </button>
  );
}
