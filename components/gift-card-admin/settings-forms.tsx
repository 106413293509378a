"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ActionOutcome, fieldError } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { IDLE, type FormState } from "@/lib/actions/form-state";

type Action = (state: FormState<unknown>, formData: FormData) => Promise<FormState<undefined>>;

/** The default expiry of new cards: never, or a number of months or years. */
export function ExpirySettingsForm({
  action,
  initial,
  labels,
}: {
  action: Action;
  initial: { unit: "none" | "months" | "years"; count: number | null };
  labels: { unit: string; none: string; months: string; years: string; count: string; save: string; saving: string; saved: string };
}) {
  const [state, run] = useActionState<FormState<undefined>, FormData>(action, IDLE);
  const values = state.values ?? {};
  const unit = values.unit ?? initial.unit;
  return (
    <form action={run} className="flex max-w-xl flex-col gap-3" noValidate key={JSON.stringify(values)}>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">{labels.unit}</legend>
        {(["none", "months", "years"] as const).map((u) => (
          <label key={u} className="flex items-center gap-2 text-sm">
            <input type="radio" name="unit" value={u} defaultChecked={unit === u} />
            {labels[u]}
          </label>
        ))}
      </fieldset>
      <TextField id="expiry-count" name="count" label={labels.count} inputMode="numeric" className="w-32" defaultValue={values.count ?? (initial.count === null ? "" : String(initial.count))} error={fieldError(state, "count")} />
      <ActionOutcome state={state} success={labels.saved} refusalTone="error" />
      <div>
        <SubmitButton pendingLabel={labels.saving}>{labels.save}</SubmitButton>
      </div>
    </form>
  );
}

/** The bonus promotion of one currency. */
export function PromotionForm({
  action,
  currency,
  initial,
  labels,
}: {
  action: Action;
  currency: string;
  initial: { minPurchase: string; bonus: string; validDays: string; active: boolean };
  labels: { minPurchase: string; bonus: string; validDays: string; active: string; save: string; saving: string; saved: string };
}) {
  const [state, run] = useActionState<FormState<undefined>, FormData>(action, IDLE);
  const values = state.values;
  const id = (name: string) => `promotion-${currency}-${name}`;
  return (
    <form action={run} className="grid max-w-2xl gap-3 sm:grid-cols-3" noValidate key={JSON.stringify(values ?? {})}>
      <input type="hidden" name="currency" value={currency} />
      <TextField id={id("min")} name="minPurchase" label={`${labels.minPurchase} (${currency})`} inputMode="decimal" defaultValue={values?.minPurchase ?? initial.minPurchase} error={fieldError(state, "minPurchase")} />
      <TextField id={id("bonus")} name="bonus" label={`${labels.bonus} (${currency})`} inputMode="decimal" defaultValue={values?.bonus ?? initial.bonus} error={fieldError(state, "bonus")} />
      <TextField id={id("days")} name="validDays" label={labels.validDays} inputMode="numeric" defaultValue={values?.validDays ?? initial.validDays} error={fieldError(state, "validDays")} />
      <label className="flex items-center gap-2 text-sm sm:col-span-3">
        <input type="checkbox" name="active" value="on" defaultChecked={values ? values.active === "on" : initial.active} />
        {labels.active}
      </label>
      <div className="sm:col-span-3">
        {fieldError(state, "currency") && (
          <p role="alert" className="text-sm text-red-700">
            {fieldError(state, "currency")}
          </p>
        )}
        <ActionOutcome state={state} success={labels.saved} refusalTone="error" />
      </div>
      <div className="sm:col-span-3">
        <SubmitButton pendingLabel={labels.saving}>{labels.save}</SubmitButton>
      </div>
    </form>
  );
}

/** Whether customers may move a gift card's balance into their store credit. */
export function GiftCardsToCreditForm({ action, initial, labels }: { action: Action; initial: boolean; labels: { toCredit: string; save: string; saving: string; saved: string } }) {
  const [state, run] = useActionState<FormState<undefined>, FormData>(action, IDLE);
  return (
    <form action={run} className="flex max-w-xl flex-col gap-3" noValidate>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="enabled" value="on" defaultChecked={state.values ? state.values.enabled === "on" : initial} />
        {labels.toCredit}
      </label>
      <ActionOutcome state={state} success={labels.saved} refusalTone="error" />
      <div>
        <SubmitButton pendingLabel={labels.saving}>{labels.save}</SubmitButton>
      </div>
    </form>
  );
}
