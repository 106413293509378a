"use client";

import { useActionState, useEffect, useState } from "react";
import { announceCartChanged } from "@/components/storefront/cart-link";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { fieldError } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import type { CartChange } from "@/lib/cart/actions";
import { addGiftCardToCartAction } from "@/lib/cart/actions";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/locales";
import { addDays, todayKey } from "@/lib/time";
import { fillMessage } from "@/components/cart/messages";

export interface GiftCardPurchaseText {
  amountLegend: string;
  amountLabel: string;
  amountHint: string;
  forLegend: string;
  forMe: string;
  forSomeoneElse: string;
  forMeHint: string;
  recipientName: string;
  recipientEmail: string;
  message: string;
  /** With {count} and {max}. */
  messageCounter: string;
  deliverOn: string;
  deliverOnHint: string;
  language: string;
  quantity: string;
  quantityHint: string;
  add: string;
  adding: string;
  added: string;
  viewCart: string;
}

export interface GiftCardPurchaseFormProps {
  productId: string;
  /** Fixed amounts as the buyer picks them (value: the amount as the form sends it), or null for a typed amount. */
  amounts: Array<{ value: string; label: string }> | null;
  /** The store's zone: the delivery day is a day there. */
  timeZone: string;
  /** The page's language, the email's by default. */
  locale: Locale;
  messageMax: number;
  maxDaysAhead: number;
  disabled?: boolean;
  cartHref: string;
  text: GiftCardPurchaseText;
}

interface Answer {
  state: FormState<CartChange>;
  seq: number;
}

const inputClass = "rounded-md border px-3 py-2 text-slate-900 shadow-sm";

function FieldError({
  id,
  message,
}: {
  id: string;
  message: string | undefined;
}) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="text-sm text-red-700">
      {message}
    </p>
  );
}

/**
 * The product page's gift-card form: the amount, who the card is for (the buyer, or a recipient
 * with a message and a delivery day in the store's time zone), the email's language and how
 * many cards. The server checks everything again; its refusals show under their fields.
 */
export function GiftCardPurchaseForm({
  productId,
  amounts,
  timeZone,
  locale,
  messageMax,
  maxDaysAhead,
  disabled,
  cartHref,
  text,
}: GiftCardPurchaseFormProps) {
  // Each answer is numbered: the form is drawn anew from it (the typed values after a refusal, a
  // fresh form after a card was added), even when two answers are alike.
  const [{ state, seq }, formAction] = useActionState<Answer, FormData>(
    async (previous, formData) => ({ state: await addGiftCardToCartAction(previous.state, formData), seq: previous.seq + 1 }),
    { state: IDLE, seq: 0 },
  );
  const values = state.values ?? {};
  const [recipient, setRecipient] = useState(
    values.recipient === "other" ? "other" : "me",
  );
  const [message, setMessage] = useState(values.message ?? "");
  const error = (field: string) => fieldError(state, field);
  // Rendered only once the buyer picks "someone else", so it is the browser's clock, in the store's zone.
  const today = todayKey(timeZone);

  useEffect(() => {
    if (state.status === "ok") announceCartChanged();
  }, [state]);

  return (
    <form
      key={seq}
      action={formAction}
      className="flex flex-col gap-5"
      noValidate
      data-testid="gift-card-form"
    >
      <input type="hidden" name="productId" value={productId} />
      <div aria-live="assertive" className="empty:hidden">
        {state.status === "error" && state.error && (
          <Alert tone="error">{state.error.message}</Alert>
        )}
      </div>

      {amounts ? (
        <fieldset
          className="flex flex-col gap-2"
          aria-describedby={error("amount") ? "amount-error" : undefined}
        >
          <legend className="mb-1 font-medium">{text.amountLegend}</legend>
          <div className="flex flex-wrap gap-2">
            {amounts.map((a, i) => (
              <label
                key={a.value}
                className="flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 has-checked:border-brand-600 has-checked:ring-1 has-checked:ring-brand-600"
              >
                <input
                  type="radio"
                  name="amount"
                  value={a.value}
                  defaultChecked={
                    values.amount ? values.amount === a.value : i === 0
                  }
                />
                <span className="tabular-nums">{a.label}</span>
              </label>
            ))}
          </div>
          <FieldError id="amount-error" message={error("amount")} />
        </fieldset>
      ) : (
        <div className="flex flex-col gap-1">
          <TextField
            id="amount"
            name="amount"
            label={text.amountLabel}
            hint={text.amountHint}
            defaultValue={values.amount ?? ""}
            inputMode="decimal"
            required
            error={error("amount")}
          />
        </div>
      )}

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">{text.forLegend}</legend>
        <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="recipient"
              value="me"
              checked={recipient === "me"}
              onChange={() => setRecipient("me")}
            />
            {text.forMe}
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="recipient"
              value="other"
              checked={recipient === "other"}
              onChange={() => setRecipient("other")}
            />
            {text.forSomeoneElse}
          </label>
        </div>
        {recipient === "me" ? (
          <p className="text-sm text-slate-600">{text.forMeHint}</p>
        ) : (
          <div className="flex flex-col gap-3 rounded-md border border-slate-200 p-4">
            <div className="flex flex-col gap-1">
              <TextField
                id="recipientName"
                name="recipientName"
                label={text.recipientName}
                defaultValue={values.recipientName ?? ""}
                autoComplete="off"
                maxLength={120}
                required
                error={error("recipientName")}
              />
            </div>
            <div className="flex flex-col gap-1">
              <TextField
                id="recipientEmail"
                name="recipientEmail"
                type="email"
                label={text.recipientEmail}
                defaultValue={values.recipientEmail ?? ""}
                autoComplete="off"
                required
                error={error("recipientEmail")}
              />
            </div>
            <div className="flex flex-col gap-1">
              <label
                htmlFor="message"
                className="text-sm font-medium text-slate-900"
              >
                {text.message}
              </label>
              <textarea
                id="message"
                name="message"
                rows={4}
                maxLength={messageMax}
                value={message}
                onChange={(e) => setMessage(e.target.value)}
                aria-invalid={error("message") ? true : undefined}
                aria-describedby={`message-counter${error("message") ? " message-error" : ""}`}
                className={`${inputClass} ${error("message") ? "border-red-600" : "border-slate-300"}`}
              />
              <p
                id="message-counter"
                className="text-sm text-slate-600"
                aria-live="polite"
              >
                {fillMessage(text.messageCounter, {
                  count: message.length,
                  max: messageMax,
                })}
              </p>
              <FieldError id="message-error" message={error("message")} />
            </div>
            <div className="flex flex-col gap-1">
              <TextField
                id="deliverOn"
                name="deliverOn"
                type="date"
                label={text.deliverOn}
                hint={text.deliverOnHint}
                defaultValue={values.deliverOn || today}
                min={today}
                max={addDays(today, maxDaysAhead)}
                required
                error={error("deliverOn")}
              />
            </div>
          </div>
        )}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label
            htmlFor="gift-card-locale"
            className="text-sm font-medium text-slate-900"
          >
            {text.language}
          </label>
          <select
            id="gift-card-locale"
            name="locale"
            defaultValue={values.locale ?? locale}
            className={`${inputClass} border-slate-300`}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
          <FieldError id="locale-error" message={error("locale")} />
        </div>
        <div className="flex flex-col gap-1">
          <TextField
            id="quantity"
            name="quantity"
            type="number"
            label={text.quantity}
            hint={text.quantityHint}
            defaultValue={values.quantity ?? "1"}
            min={1}
            max={99}
            step={1}
            inputMode="numeric"
          />
        </div>
      </div>

      <div className="space-y-2">
        <SubmitButton
          pendingLabel={text.adding}
          disabled={disabled}
          data-testid="add-gift-card"
        >
          {text.add}
        </SubmitButton>
        <p aria-live="polite" className="min-h-5 text-sm">
          {state.status === "ok" && (
            <span className="text-emerald-700">
              {text.added}{" "}
              <a
                href={cartHref}
                className="font-medium underline underline-offset-2"
              >
                {text.viewCart}
              </a>
            </span>
          )}
        </p>
      </div>
    </form>
  );
}
