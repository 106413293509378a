"use client";

import { useState, useTransition } from "react";
import { announceCartChanged } from "@/components/storefront/cart-link";
import { addToCartAction } from "@/lib/cart/actions";
import { fillMessage, type CartErrorMessages } from "./messages";

export interface AddToCartLabels {
  addToCart: string;
  adding: string;
  added: string;
  viewCart: string;
  errors: CartErrorMessages;
}

/** The button itself: pending state, then an inline confirmation or the translated refusal. */
export function AddToCartForm({ productId, disabled, cartHref, labels }: { productId: string; disabled?: boolean; cartHref: string; labels: AddToCartLabels }) {
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: true } | { ok: false; message: string } | null>(null);

  function add() {
    setOutcome(null);
    startTransition(async () => {
      const result = await addToCartAction({ productId, quantity: 1 });
      if (result.ok) announceCartChanged();
      setOutcome(result.ok ? { ok: true } : { ok: false, message: fillMessage(labels.errors[result.error], result.params) });
    });
  }

  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={add}
        disabled={disabled || pending}
        aria-disabled={disabled || pending}
        className="rounded-md bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        data-testid="add-to-cart"
      >
        {pending ? labels.adding : labels.addToCart}
      </button>
      <p aria-live="polite" className="min-h-5 text-sm">
        {outcome?.ok === true ? (
          <span className="text-emerald-700">
            {labels.added}{" "}
            <a href={cartHref} className="font-medium underline underline-offset-2">
              {labels.viewCart}
            </a>
          </span>
        ) : outcome?.ok === false ? (
          <span role="alert" className="text-red-700">
            {outcome.message}
          </span>
        ) : null}
      </p>
    </div>
  );
}
