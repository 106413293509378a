"use client";

import { useOptimistic, useState, useTransition } from "react";
import { announceCartChanged } from "@/components/storefront/cart-link";
import { refusalMessage } from "@/components/ui/refusal";
import { IDLE } from "@/lib/actions/form-state";
import { removeCartItemAction, setCartItemQuantityAction } from "@/lib/cart/actions";
import { parseTypedQuantity } from "@/lib/cart/quantity";
import type { Locale } from "@/lib/locales";
import { formatMoney } from "@/lib/money";
import { fillMessage } from "./messages";

export interface CartLineItem {
  lineId: string;
  productId: string;
  title: string;
  /** The line's name in the controls' labels (a gift card's says its amount and recipient). */
  labelTitle?: string;
  /** Gift cards: their amount and delivery, each a line of text. */
  details?: string[];
  /** Shown instead of "unavailable" when the line cannot be bought as it is (a gift card's amount no longer offered). */
  notice?: string;
  href: string;
  unitPriceCents: number;
  quantity: number;
  maxQuantity: number;
  available: boolean;
  /** No longer sold: no price, no quantity control, only "Remove". */
  noLongerSold: boolean;
}

export interface CartLinesLabels {
  quantityOf: string;
  increase: string;
  decrease: string;
  removeItem: string;
  remove: string;
  unitPrice: string;
  unavailable: string;
  noLongerSold: string;
  saving: string;
  /** What a typed quantity out of bounds is told (the box checks it before asking the server). */
  invalidQuantity: string;
}

type Change = { lineId: string; quantity: number };

/**
 * Cart lines with optimistic quantity changes: the new quantity and line total show at once,
 * the server confirms (or refuses with the reason it translated, and the line snaps back).
 */
export function CartLines({ lines, currency, locale, labels }: { lines: CartLineItem[]; currency: string; locale: Locale; labels: CartLinesLabels }) {
  const [optimisticLines, applyChange] = useOptimistic(lines, (current, change: Change) =>
    change.quantity <= 0
      ? current.filter((l) => l.lineId !== change.lineId)
      : current.map((l) => (l.lineId === change.lineId ? { ...l, quantity: change.quantity } : l)),
  );
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const money = (cents: number) => formatMoney(cents, currency, locale);
  const label = (template: string, title: string) => fillMessage(template, { title });

  function change(lineId: string, quantity: number) {
    setError(null);
    startTransition(async () => {
      applyChange({ lineId, quantity });
      const state = quantity <= 0 ? await removeCartItemAction(IDLE, { lineId }) : await setCartItemQuantityAction(IDLE, { lineId, quantity });
      if (state.status === "ok") announceCartChanged();
      else setError(refusalMessage(state) ?? null);
    });
  }

  /**
   * The typed quantity, on Enter or when the box loses focus. Anything but a whole number from 1
   * to the maximum is refused with the same message as too large a number, and the box shows
   * the line's quantity again; the line is never removed from here.
   */
  function applyTyped(input: HTMLInputElement, line: CartLineItem) {
    const quantity = parseTypedQuantity(input.value);
    if (quantity === null) {
      input.value = String(line.quantity);
      setError(labels.invalidQuantity);
      return;
    }
    input.value = String(quantity);
    if (quantity !== line.quantity) change(line.lineId, quantity);
  }

  return (
    <div>
      <ul className="divide-y divide-slate-200 border-y border-slate-200" data-testid="cart-lines">
        {optimisticLines.map((line) => (
          <li key={line.lineId} className="flex flex-wrap items-center gap-4 py-4" data-testid="cart-line">
            <div className="min-w-48 flex-1">
              <a href={line.href} className="font-medium hover:underline">
                {line.title}
              </a>
              {line.details?.map((detail) => (
                <p key={detail} className="text-sm text-slate-700 wrap-anywhere">
                  {detail}
                </p>
              ))}
              {line.noLongerSold ? (
                <p className="text-sm text-amber-700" data-testid="cart-line-no-longer-sold">
                  {labels.noLongerSold}
                </p>
              ) : (
                <p className="text-sm text-slate-600">{fillMessage(labels.unitPrice, { price: money(line.unitPriceCents) })}</p>
              )}
              {!line.available && !line.noLongerSold && <p className="text-sm text-amber-700">{line.notice ?? labels.unavailable}</p>}
            </div>
            {!line.noLongerSold && (
              <>
                <div className="flex items-center gap-1">
                  <button
                    type="button"
                    className="h-8 w-8 rounded border border-slate-300 disabled:opacity-50"
                    aria-label={label(labels.decrease, line.labelTitle ?? line.title)}
                    disabled={!line.available || line.quantity <= 1}
                    onClick={() => change(line.lineId, line.quantity - 1)}
                  >
                    −
                  </button>
                  <input
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={line.maxQuantity}
                    step={1}
                    aria-label={label(labels.quantityOf, line.labelTitle ?? line.title)}
                    className="h-8 w-14 rounded border border-slate-300 text-center"
                    key={`${line.lineId}:${line.quantity}`}
                    defaultValue={line.quantity}
                    disabled={!line.available}
                    onKeyDown={(event) => {
                      if (event.key !== "Enter") return;
                      event.preventDefault();
                      applyTyped(event.currentTarget, line);
                    }}
                    onBlur={(event) => applyTyped(event.currentTarget, line)}
                  />
                  <button
                    type="button"
                    className="h-8 w-8 rounded border border-slate-300 disabled:opacity-50"
                    aria-label={label(labels.increase, line.labelTitle ?? line.title)}
                    disabled={!line.available || line.quantity >= line.maxQuantity}
                    onClick={() => change(line.lineId, line.quantity + 1)}
                  >
                    +
                  </button>
                </div>
                <p className="w-28 text-right font-medium tabular-nums">{money(line.unitPriceCents * line.quantity)}</p>
              </>
            )}
            <button
              type="button"
              className="text-sm text-slate-600 underline-offset-2 hover:underline"
              aria-label={label(labels.removeItem, line.labelTitle ?? line.title)}
              onClick={() => change(line.lineId, 0)}
            >
              {labels.remove}
            </button>
          </li>
        ))}
      </ul>
      <p aria-live="polite" className="mt-2 min-h-5 text-sm">
        {error ? (
          <span role="alert" className="text-red-700">
            {error}
          </span>
        ) : pending ? (
          <span className="text-slate-500">{labels.saving}</span>
        ) : null}
      </p>
    </div>
  );
}
