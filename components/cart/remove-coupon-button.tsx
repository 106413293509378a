"use client";

import { useTransition } from "react";
import { IDLE } from "@/lib/actions/form-state";
import { removeCouponAction } from "@/lib/cart/actions";

/** The X next to an attached coupon. */
export function RemoveCouponButton({ couponId, label }: { couponId: string; label: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={pending}
      onClick={() => startTransition(async () => void (await removeCouponAction(IDLE, { couponId })))}
      className="flex h-7 w-7 items-center justify-center rounded-full text-slate-500 hover:bg-slate-100 hover:text-slate-900 disabled:opacity-50"
    >
      <span aria-hidden="true">×</span>
    </button>
  );
}
