"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { fieldError } from "@/components/ui/form-alert";
import { IDLE, type FormState } from "@/lib/actions/form-state";

export interface OnlineValueLabels {
  onlineValue: string;
  onlineValueHint: string;
  onlineCurrency: string;
}

/**
 * The online value's fields: an amount (empty: counter only) and the currency, among the
 * merchant's stores' currencies. `idPrefix` keeps the ids of several forms on one page apart.
 */
function OnlineValueFields({
  idPrefix,
  currencies,
  labels,
  values,
  error,
  hideLabels = false,
}: {
  idPrefix: string;
  currencies: string[];
  labels: OnlineValueLabels;
  values: { onlineValue?: string; onlineCurrency?: string };
  error: (name: string) => string | undefined;
  hideLabels?: boolean;
}) {
  const hintId = `${idPrefix}-hint`;
  return (
    <>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${idPrefix}-value`} className={hideLabels ? "sr-only" : "text-sm font-medium"}>
          {labels.onlineValue}
        </label>
        <input
          id={`${idPrefix}-value`}
          name="onlineValue"
          inputMode="decimal"
          defaultValue={values.onlineValue ?? ""}
          aria-invalid={error("onlineValue") ? true : undefined}
          aria-describedby={hideLabels ? undefined : hintId}
          className="w-32 rounded-md border border-slate-300 px-3 py-2"
        />
        {!hideLabels && (
          <p id={hintId} className="text-sm text-slate-600">
            {labels.onlineValueHint}
          </p>
        )}
        {error("onlineValue") && <p className="text-sm text-red-700">{error("onlineValue")}</p>}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${idPrefix}-currency`} className={hideLabels ? "sr-only" : "text-sm font-medium"}>
          {labels.onlineCurrency}
        </label>
        <select
          id={`${idPrefix}-currency`}
          name="onlineCurrency"
          defaultValue={values.onlineCurrency ?? currencies[0]}
          aria-invalid={error("onlineCurrency") ? true : undefined}
          className="w-28 rounded-md border border-slate-300 px-3 py-2"
        >
          {currencies.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        {error("onlineCurrency") && <p className="text-sm text-red-700">{error("onlineCurrency")}</p>}
      </div>
    </>
  );
}

/** The online value of one reward in the rewards list: change it or empty it (counter only). */
export function RewardOnlineValueForm({
  action,
  rewardId,
  initial,
  currencies,
  labels,
}: {
  action: (state: FormState<unknown>, formData: FormData) => Promise<FormState<undefined>>;
  rewardId: string;
  initial: { onlineValue: string; onlineCurrency: string };
  currencies: string[];
  labels: OnlineValueLabels & { submit: string; pending: string; saved: string };
}) {
  const [state, formAction] = useActionState<FormState<undefined>, FormData>(action, IDLE);
  const error = (name: string) => fieldError(state, name);
  const values = state.status === "error" ? (state.values ?? {}) : initial;
  return (
    <form action={formAction} className="flex flex-wrap items-start gap-2" noValidate key={JSON.stringify(values)} data-testid="reward-online-value">
      <input type="hidden" name="rewardId" value={rewardId} />
      <OnlineValueFields idPrefix={`reward-${rewardId}-online`} currencies={currencies} labels={labels} values={values} error={error} hideLabels />
      <SubmitButton pendingLabel={labels.pending} variant="secondary">
        {labels.submit}
      </SubmitButton>
      <p aria-live="polite" className="w-full text-sm empty:hidden">
        {state.error ? <span role="alert" className="text-red-700">{state.error.message}</span> : state.status === "ok" ? <span className="text-green-800">{labels.saved}</span> : null}
      </p>
    </form>
  );
}

/** Adds a reward: its cost, a name (and description) per offered language, and an optional online value. */
export function RewardForm({
  action,
  languages,
  labels,
  currencies,
  onlineLabels,
}: {
  action: (
    state: FormState<unknown>,
    formData: FormData,
  ) => Promise<FormState<undefined>>;
  languages: Array<{
    locale: string;
    name: string;
    nameLabel: string;
    descriptionLabel: string;
  }>;
  labels: { cost: string; submit: string; pending: string; saved: string };
  /** The merchant's stores' currencies (none: no online value to give). */
  currencies: string[];
  onlineLabels: OnlineValueLabels;
}) {
  const [state, formAction] = useActionState<FormState<undefined>, FormData>(
    action,
    IDLE,
  );
  const error = (name: string) => fieldError(state, name);
  const values = state.values ?? {};
  return (
    <form
      action={formAction}
      className="grid max-w-2xl gap-3 sm:grid-cols-2"
      noValidate
      key={JSON.stringify(values)}
    >
      {state.error && (
        <p role="alert" className="text-sm text-red-700 sm:col-span-2">
          {state.error.message}
        </p>
      )}
      {state.status === "ok" && (
        <p role="status" className="text-sm text-green-800 sm:col-span-2">
          {labels.saved}
        </p>
      )}
      <div className="flex flex-col gap-1">
        <label htmlFor="reward-cost" className="text-sm font-medium">
          {labels.cost}
        </label>
        <input
          id="reward-cost"
          name="cost"
          inputMode="numeric"
          defaultValue={values.cost ?? ""}
          aria-invalid={error("cost") ? true : undefined}
          className="rounded-md border border-slate-300 px-3 py-2"
        />
        {error("cost") && (
          <p className="text-sm text-red-700">{error("cost")}</p>
        )}
      </div>
      <div className="hidden sm:block" />
      {currencies.length > 0 && (
        <div className="flex flex-wrap gap-3 sm:col-span-2">
          <OnlineValueFields idPrefix="reward-online" currencies={currencies} labels={onlineLabels} values={values} error={error} />
        </div>
      )}
      {languages.map((l) => (
        <div key={l.locale} className="contents">
          <div className="flex flex-col gap-1">
            <label
              htmlFor={`reward-name-${l.locale}`}
              className="text-sm font-medium"
            >
              {l.nameLabel}
            </label>
            <input
              id={`reward-name-${l.locale}`}
              name={`name_${l.locale}`}
              lang={l.locale}
              defaultValue={values[`name_${l.locale}`] ?? ""}
              className="rounded-md border border-slate-300 px-3 py-2"
            />
            {error(`name_${l.locale}`) && (
              <p className="text-sm text-red-700">
                {error(`name_${l.locale}`)}
              </p>
            )}
          </div>
          <div className="flex flex-col gap-1">
            <label
              htmlFor={`reward-description-${l.locale}`}
              className="text-sm font-medium"
            >
              {l.descriptionLabel}
            </label>
            <input
              id={`reward-description-${l.locale}`}
              name={`description_${l.locale}`}
              lang={l.locale}
              defaultValue={values[`description_${l.locale}`] ?? ""}
              className="rounded-md border border-slate-300 px-3 py-2"
            />
          </div>
        </div>
      ))}
      <div className="w-56">
        <SubmitButton pendingLabel={labels.pending} className="w-full">
          {labels.submit}
        </SubmitButton>
      </div>
    </form>
  );
}
