"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ReasonField } from "@/components/ui/reason-field";
import { ActionOutcome, fieldError } from "@/components/ui/form-alert";
import { IDLE, type FormState } from "@/lib/actions/form-state";

type Action = (state: FormState<unknown>, formData: FormData) => Promise<FormState<undefined>>;

const inputClass = "rounded-md border border-slate-300 px-3 py-2";

/** Disables an enabled card, or enables a disabled one again, with a reason. */
export function CardStatusForm({
  action,
  cardId,
  disable,
  labels,
}: {
  action: Action;
  cardId: string;
  /** True: the form disables the card; false: it enables it again. */
  disable: boolean;
  labels: { reason: string; reasonHint: string; submit: string; pending: string; saved: string };
}) {
  const [state, run] = useActionState<FormState<undefined>, FormData>(action, IDLE);
  return (
    <form action={run} className="flex max-w-xl flex-col gap-3" noValidate>
      <input type="hidden" name="cardId" value={cardId} />
      <input type="hidden" name="disabled" value={String(disable)} />
      <ReasonField id={`status-reason-${disable}`} state={state} label={labels.reason} hint={labels.reasonHint} />
      <ActionOutcome state={state} success={labels.saved} refusalTone="error" />
      <div>
        <SubmitButton variant={disable ? "danger" : "primary"} pendingLabel={labels.pending}>
          {labels.submit}
        </SubmitButton>
      </div>
    </form>
  );
}

/** A later last valid day for a card, or "never expires", with a reason. */
export function ExtendCardForm({
  action,
  cardId,
  currentDay,
  labels,
}: {
  action: Action;
  cardId: string;
  /** The card's last valid day now (YYYY-MM-DD), or null when it never expires. */
  currentDay: string | null;
  labels: { expiryDate: string; expiryNever: string; expiresOn: string; reason: string; reasonHint: string; submit: string; pending: string; saved: string };
}) {
  const [state, run] = useActionState<FormState<undefined>, FormData>(action, IDLE);
  const dateError = fieldError(state, "expiresOn");
  const values = state.values ?? {};
  return (
    <form action={run} className="flex max-w-xl flex-col gap-3" noValidate key={JSON.stringify(values)}>
      <input type="hidden" name="cardId" value={cardId} />
      <fieldset className="flex flex-col gap-2">
        <legend className="sr-only">{labels.expiresOn}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="expiry" value="date" defaultChecked={(values.expiry ?? "date") === "date"} />
          {labels.expiryDate}
        </label>
        <div className="ml-6 flex flex-col gap-1">
          <label htmlFor="extend-day" className="text-sm font-medium">
            {labels.expiresOn}
          </label>
          <input
            id="extend-day"
            name="expiresOn"
            type="date"
            defaultValue={values.expiresOn ?? currentDay ?? ""}
            aria-invalid={dateError ? true : undefined}
            aria-describedby={dateError ? "extend-day-error" : undefined}
            className={`${inputClass} w-48`}
          />
          {dateError && (
            <p id="extend-day-error" className="text-sm text-red-700">
              {dateError}
            </p>
          )}
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="expiry" value="never" defaultChecked={values.expiry === "never"} />
          {labels.expiryNever}
        </label>
      </fieldset>
      <ReasonField id="extend-reason" state={state} label={labels.reason} hint={labels.reasonHint} />
      <ActionOutcome state={state} success={labels.saved} refusalTone="error" />
      <div>
        <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
      </div>
    </form>
  );
}
