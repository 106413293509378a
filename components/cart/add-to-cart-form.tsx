"use client";

import { useState, useTransition } from "react";
import { announceCartChanged } from "@/components/storefront/cart-link";
import { buttonClass } from "@/components/ui/button";
import { refusalMessage } from "@/components/ui/refusal";
import { IDLE } from "@/lib/actions/form-state";
import { addToCartAction } from "@/lib/cart/actions";

export interface AddToCartLabels {
  addToCart: string;
  adding: string;
  added: string;
  viewCart: string;
}

/** The button itself: pending state, then an inline confirmation or the refusal (translated by the action). */
export function AddToCartForm({ productId, disabled, cartHref, labels }: { productId: string; disabled?: boolean; cartHref: string; labels: AddToCartLabels }) {
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: true } | { ok: false; message: string } | null>(null);

  function add() {
    setOutcome(null);
    startTransition(async () => {
      const state = await addToCartAction(IDLE, { productId, quantity: 1 });
      if (state.status === "ok") announceCartChanged();
      setOutcome(state.status === "ok" ? { ok: true } : { ok: false, message: refusalMessage(state) ?? "" });
    });
  }

  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={add}
        disabled={disabled || pending}
        aria-disabled={disabled || pending}
        className={buttonClass("primary")}
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
