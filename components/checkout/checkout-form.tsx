"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/auth/submit-button";
import { TextField } from "@/components/ui/text-field";
import type { CheckoutFormState } from "@/lib/checkout/actions";

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
  /** Field-level messages by key (required, invalidEmail, ...). */
  fieldErrors: Record<string, string>;
}

/**
 * The "Place order" form. Errors arrive already translated (`errorMessage` by the server for the
 * last state), so this component carries no catalog of its own.
 */
export function CheckoutForm({
  action,
  store,
  locale,
  idempotencyKey,
  expectedTotalCents,
  appliedCouponIds,
  askEmail,
  askShipping,
  countries,
  defaultEmail,
  texts,
  cartHref,
  errorMessages,
}: {
  action: (state: CheckoutFormState, form: FormData) => Promise<CheckoutFormState>;
  store: string;
  locale: string;
  idempotencyKey: string;
  expectedTotalCents: number;
  /** The coupons this page shows as applied: only they may stop the order if they stop qualifying. */
  appliedCouponIds: string[];
  askEmail: boolean;
  askShipping: boolean;
  /** The countries the store ships to, by name, and the one preselected. */
  countries: { options: Array<{ code: string; name: string }>; preselected: string | null };
  defaultEmail?: string;
  texts: CheckoutFormTexts;
  cartHref: string;
  /** Translated message of each possible form-level error, by code. */
  errorMessages: Record<string, string>;
}) {
  const [state, formAction] = useActionState(action, { error: null });
  const fieldError = (name: string) => {
    const key = state.fields?.[name];
    return key ? (texts.fieldErrors[key] ?? texts.fieldErrors.invalid) : undefined;
  };
  const message = state.error ? errorMessages[state.error] : null;
  const filled = message ? message.replace(/\{(\w+)\}/g, (whole, name: string) => String(state.params?.[name] ?? whole)) : message;

  return (
    <form action={formAction} className="flex flex-col gap-6" noValidate>
      <input type="hidden" name="store" value={store} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="expectedTotalCents" value={expectedTotalCents} />
      <input type="hidden" name="appliedCoupons" value={appliedCouponIds.join(",")} />
      <div aria-live="assertive" className="empty:hidden">
        {filled && (
          <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            <p>{filled}</p>
            {state.error !== "invalid" && (
              <a href={cartHref} className="mt-1 inline-block font-medium underline">
                {texts.backToCart}
              </a>
            )}
          </div>
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
            defaultValue={state.values?.email ?? defaultEmail}
            error={fieldError("email")}
          />
        </fieldset>
      )}
      {askShipping && (
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-lg font-semibold">{texts.shipping}</legend>
          <TextField id="shipping-name" name="shipping.name" defaultValue={state.values?.["shipping.name"]} autoComplete="shipping name" required label={texts.name} error={fieldError("shipping.name")} />
          <TextField id="shipping-line1" name="shipping.line1" defaultValue={state.values?.["shipping.line1"]} autoComplete="shipping address-line1" required label={texts.line1} error={fieldError("shipping.line1")} />
          <TextField id="shipping-line2" name="shipping.line2" defaultValue={state.values?.["shipping.line2"]} autoComplete="shipping address-line2" label={texts.line2} error={fieldError("shipping.line2")} />
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            <TextField id="shipping-postal" name="shipping.postalCode" defaultValue={state.values?.["shipping.postalCode"]} autoComplete="shipping postal-code" required label={texts.postalCode} error={fieldError("shipping.postalCode")} />
            <TextField id="shipping-city" name="shipping.city" defaultValue={state.values?.["shipping.city"]} autoComplete="shipping address-level2" required label={texts.city} error={fieldError("shipping.city")} />
            <CountrySelect
              label={texts.country}
              options={countries.options}
              defaultValue={state.values?.["shipping.country"] ?? countries.preselected ?? ""}
              error={fieldError("shipping.country")}
            />
          </div>
        </fieldset>
      )}
      <SubmitButton label={texts.placeOrder} pendingLabel={texts.placing} />
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
