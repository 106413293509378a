"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { fieldError } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { IDLE, type FormState } from "@/lib/actions/form-state";

export interface CheckoutFormTexts {
  contact: string;
  email: string;
  emailHint: string;
  shipping: string;
  name: string;
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  country: string;
  placeOrder: string;
  placing: string;
  backToCart: string;
}

/**
 * The "Place order" form. Refusals arrive translated from the action, so this component carries
 * no catalogue of its own; what was typed comes back with them.
 */
export function CheckoutForm({
  action,
  idempotencyKey,
  expectedTotalCents,
  expectedAmountDueCents,
  appliedCouponIds,
  askEmail,
  askShipping,
  countries,
  defaultEmail,
  texts,
  cartHref,
}: {
  action: (state: FormState<unknown>, form: FormData) => Promise<FormState<unknown>>;
  idempotencyKey: string;
  expectedTotalCents: number;
  /** The amount due after gift cards that this page shows. */
  expectedAmountDueCents: number;
  /** The coupons this page shows as applied: only they may stop the order if they stop qualifying. */
  appliedCouponIds: string[];
  askEmail: boolean;
  askShipping: boolean;
  /** The countries the store ships to, by name, and the one preselected. */
  countries: { options: Array<{ code: string; name: string }>; preselected: string | null };
  defaultEmail?: string;
  texts: CheckoutFormTexts;
  cartHref: string;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const error = state.status === "error" ? state.error : undefined;
  const values = state.status === "error" ? state.values : undefined;

  return (
    <form action={formAction} className="flex flex-col gap-6" noValidate>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="expectedTotalCents" value={expectedTotalCents} />
      <input type="hidden" name="expectedAmountDueCents" value={expectedAmountDueCents} />
      <input type="hidden" name="appliedCoupons" value={appliedCouponIds.join(",")} />
      <div aria-live="assertive" className="empty:hidden">
        {error && (
          <Alert tone="error">
            <p>{error.message}</p>
            {error.key !== "Checkout.errors.invalid" && (
              <a href={cartHref} className="mt-1 inline-block font-medium underline">
                {texts.backToCart}
              </a>
            )}
          </Alert>
        )}
      </div>
      {askEmail && (
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-lg font-semibold">{texts.contact}</legend>
          <TextField
            id="checkout-email"
            name="email"
            type="email"
            autoComplete="email"
            required
            label={texts.email}
            hint={texts.emailHint}
            defaultValue={values?.email ?? defaultEmail}
            error={fieldError(state, "email")}
          />
        </fieldset>
      )}
      {askShipping && (
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-lg font-semibold">{texts.shipping}</legend>
          <TextField id="shipping-name" name="shipping.name" defaultValue={values?.["shipping.name"]} autoComplete="shipping name" required label={texts.name} error={fieldError(state, "shipping.name")} />
          <TextField id="shipping-line1" name="shipping.line1" defaultValue={values?.["shipping.line1"]} autoComplete="shipping address-line1" required label={texts.line1} error={fieldError(state, "shipping.line1")} />
          <TextField id="shipping-line2" name="shipping.line2" defaultValue={values?.["shipping.line2"]} autoComplete="shipping address-line2" label={texts.line2} error={fieldError(state, "shipping.line2")} />
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            <TextField id="shipping-postal" name="shipping.postalCode" defaultValue={values?.["shipping.postalCode"]} autoComplete="shipping postal-code" required label={texts.postalCode} error={fieldError(state, "shipping.postalCode")} />
            <TextField id="shipping-city" name="shipping.city" defaultValue={values?.["shipping.city"]} autoComplete="shipping address-level2" required label={texts.city} error={fieldError(state, "shipping.city")} />
            <CountrySelect
              label={texts.country}
              options={countries.options}
              defaultValue={values?.["shipping.country"] ?? countries.preselected ?? ""}
              error={fieldError(state, "shipping.country")}
            />
          </div>
        </fieldset>
      )}
      <SubmitButton pendingLabel={texts.placing} className="w-full">
        {texts.placeOrder}
      </SubmitButton>
    </form>
  );
}

/** The store's shipping countries as a list, labelled and described like the TextFields beside it. */
function CountrySelect({
  label,
  options,
  defaultValue,
  error,
}: {
  label: string;
  options: Array<{ code: string; name: string }>;
  defaultValue: string;
  error?: string;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="shipping-country" className="text-sm font-medium text-slate-900">
        {label}
      </label>
      <select
        id="shipping-country"
        name="shipping.country"
        autoComplete="shipping country"
        required
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "shipping-country-error" : undefined}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm"
      >
        {options.map((option) => (
          <option key={option.code} value={option.code}>
            {option.name}
          </option>
        ))}
      </select>
      {error && (
        <p id="shipping-country-error" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
