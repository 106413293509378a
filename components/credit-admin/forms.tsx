"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ReasonField } from "@/components/ui/reason-field";
import { ActionOutcome, fieldError } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { IDLE, type FormState } from "@/lib/actions/form-state";

type Action<D> = (state: FormState<unknown>, formData: FormData) => Promise<FormState<D>>;

/** Goodwill credit for a customer: email, currency, amount, reason, optional last day. */
export function GoodwillForm({
  action,
  currencies,
  labels,
}: {
  action: Action<{ ledgerId: string; message: string }>;
  currencies: string[];
  labels: { customerEmail: string; currency: string; amount: string; reason: string; expiresOn: string; expiresOnHint: string; submit: string; submitting: string };
}) {
  const [state, run] = useActionState<FormState<{ ledgerId: string; message: string }>, FormData>(action, IDLE);
  // After a success the form starts empty again; after a refusal it keeps what was typed.
  const values = state.status === "ok" ? {} : (state.values ?? {});
  const currencyError = fieldError(state, "currency");
  return (
    <form action={run} className="grid max-w-2xl gap-3 sm:grid-cols-2" noValidate key={state.status === "ok" ? state.data.ledgerId : JSON.stringify(values)} data-testid="goodwill-form">
      <div className="sm:col-span-2">
        <TextField id="goodwill-email" name="customerEmail" type="email" autoComplete="off" label={labels.customerEmail} defaultValue={values.customerEmail ?? ""} error={fieldError(state, "customerEmail")} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="goodwill-currency" className="text-sm font-medium">
          {labels.currency}
        </label>
        <select
          id="goodwill-currency"
          name="currency"
          defaultValue={values.currency ?? currencies[0]}
          aria-invalid={currencyError ? true : undefined}
          aria-describedby={currencyError ? "goodwill-currency-error" : undefined}
          className="rounded-md border border-slate-300 px-3 py-2"
        >
          {currencies.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        {currencyError && (
          <p id="goodwill-currency-error" className="text-sm text-red-700">
            {currencyError}
          </p>
        )}
      </div>
      <TextField id="goodwill-amount" name="amount" inputMode="decimal" label={labels.amount} defaultValue={values.amount ?? ""} error={fieldError(state, "amount")} />
      <div className="sm:col-span-2">
        <ReasonField id="goodwill-reason" state={state} label={labels.reason} />
      </div>
      <TextField id="goodwill-expires" name="expiresOn" type="date" label={labels.expiresOn} hint={labels.expiresOnHint} defaultValue={values.expiresOn ?? ""} error={fieldError(state, "expiresOn")} />
      <div className="sm:col-span-2" aria-live="polite">
        <ActionOutcome state={state} refusalTone="error" testId="goodwill-outcome" />
      </div>
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel={labels.submitting}>{labels.submit}</SubmitButton>
      </div>
    </form>
  );
}

/** Takes an amount off an account, with the reason. */
export function AdjustDownForm({
  action,
  accountId,
  labels,
}: {
  action: Action<{ ledgerId: string }>;
  accountId: string;
  labels: { amount: string; reason: string; submit: string; submitting: string; done: string };
}) {
  const [state, run] = useActionState<FormState<{ ledgerId: string }>, FormData>(action, IDLE);
  const values = state.status === "ok" ? {} : (state.values ?? {});
  return (
    <form action={run} className="flex max-w-xl flex-col gap-3" noValidate key={state.status === "ok" ? state.data.ledgerId : JSON.stringify(values)} data-testid="adjust-form">
      <input type="hidden" name="accountId" value={accountId} />
      <TextField id="adjust-amount" name="amount" inputMode="decimal" label={labels.amount} className="w-40" defaultValue={values.amount ?? ""} error={fieldError(state, "amount")} />
      <ReasonField id="adjust-reason" state={state} label={labels.reason} />
      <div aria-live="polite">
        <ActionOutcome state={state} success={labels.done} refusalTone="error" testId="adjust-outcome" />
      </div>
      <div>
        <SubmitButton variant="danger" pendingLabel={labels.submitting}>
          {labels.submit}
        </SubmitButton>
      </div>
    </form>
  );
}
