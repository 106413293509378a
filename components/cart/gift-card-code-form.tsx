"use client";

import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { fieldError } from "@/components/ui/form-alert";
import { IDLE } from "@/lib/actions/form-state";
import { applyGiftCardAction } from "@/lib/cart/gift-card-actions";
import { fillMessage } from "./messages";

export interface GiftCardCodeFormLabels {
  codeLabel: string;
  apply: string;
  applying: string;
  /** "Gift card •••• {last4} added." */
  applied: string;
}

/**
 * The cart's gift-card code field. The cart page re-renders with the card and what it pays;
 * refusals arrive translated from the action (one generic text for codes that are unknown).
 */
export function GiftCardCodeForm({ labels }: { labels: GiftCardCodeFormLabels }) {
  const [state, formAction, pending] = useActionState(applyGiftCardAction, IDLE);
  const errorId = "gift-card-code-error";
  const refusal = fieldError(state, "giftCardCode") ?? (state.status === "error" ? state.error?.message : undefined);
  const added = state.status === "ok" ? state.data : null;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" noValidate data-testid="gift-card-form">
      <div className="flex-1">
        <label htmlFor="gift-card-code" className="block text-sm font-medium text-slate-700">
          {labels.codeLabel}
        </label>
        <input
          id="gift-card-code"
          name="giftCardCode"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          required
          placeholder="XXXX-XXXX-XXXX-XXXX"
          defaultValue={state.status === "error" ? state.values?.giftCardCode : ""}
          key={added ? added.last4 : "entry"}
          aria-invalid={state.status === "error"}
          aria-describedby={state.status === "error" ? errorId : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-mono uppercase"
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
        ) : added ? (
          <span className="text-emerald-700">{fillMessage(labels.applied, { last4: added.last4 })}</span>
        ) : null}
      </p>
    </form>
  );
}
