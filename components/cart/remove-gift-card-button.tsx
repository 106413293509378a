"use client";

import { useTransition } from "react";
import { IDLE } from "@/lib/actions/form-state";
import { removeGiftCardAction } from "@/lib/cart/gift-card-actions";

/** The X next to a gift card entered in the cart. */
export function RemoveGiftCardButton({ giftCardId, label }: { giftCardId: string; label: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={pending}
      onClick={() => startTransition(async () => void (await removeGiftCardAction(IDLE, { giftCardId })))}
      className="flex h-7 w-7 items-center justify-center rounded-full text-slate-500 hover:bg-slate-100 hover:text-slate-900 disabled:opacity-50"
    >
      <span aria-hidden="true">×</span>
    </button>
  );
}
