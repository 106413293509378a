"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonClass, SubmitButton } from "@/components/ui/button";
import { ActionOutcome, formRefusal } from "@/components/ui/form-alert";
import { IDLE, type FormState } from "@/lib/actions/form-state";

type Action<D> = (state: FormState<unknown>, formData: FormData) => Promise<FormState<D>>;

/** Withdraws an outstanding request, after the merchant confirms. */
export function CancelRequestButton({
  action,
  requestId,
  labels,
}: {
  action: Action<undefined>;
  requestId: string;
  labels: { cancel: string; cancelling: string; confirm: string; done: string };
}) {
  const [state, run, pending] = useActionState<FormState<undefined>, FormData>(action, IDLE);
  const refusal = formRefusal(state);
  return (
    <form
      action={run}
      className="flex flex-col gap-2"
      data-testid="cancel-request-form"
      onSubmit={(event) => {
        if (!window.confirm(labels.confirm)) event.preventDefault();
      }}
    >
      <input type="hidden" name="requestId" value={requestId} />
      <SubmitButton variant="danger" pending={pending} pendingLabel={labels.cancelling} className="self-start text-sm">
        {labels.cancel}
      </SubmitButton>
      <div aria-live="polite">
        {state.status === "ok" && <Alert tone="success">{labels.done}</Alert>}
        {refusal && (
          <Alert tone="error" data-testid="cancel-request-refusal">
            {refusal}
          </Alert>
        )}
      </div>
    </form>
  );
}

/** Sends the payer's grouped reminder, exactly as rendered for them, to the merchant who clicks only. */
export function TestReminderButton({
  action,
  payerId,
  labels,
}: {
  action: Action<{ to: string }>;
  payerId: string;
  /** `sentTo` holds "{email}". */
  labels: { send: string; sending: string; sentTo: string; hint: string };
}) {
  const [state, run, pending] = useActionState<FormState<{ to: string }>, FormData>(action, IDLE);
  const refusal = formRefusal(state);
  return (
    <form action={run} className="flex flex-col gap-2" data-testid="test-reminder-form">
      <input type="hidden" name="payerId" value={payerId} />
      <p id="test-reminder-hint" className="text-sm text-slate-600">
        {labels.hint}
      </p>
      <SubmitButton variant="secondary" pending={pending} pendingLabel={labels.sending} className="self-start text-sm" aria-describedby="test-reminder-hint">
        {labels.send}
      </SubmitButton>
      <div aria-live="polite">
        {state.status === "ok" && (
          <Alert tone="success" data-testid="test-reminder-sent">
            {labels.sentTo.replace("{email}", state.data.to)}
          </Alert>
        )}
        {refusal && <Alert tone="warning" role="alert">{refusal}</Alert>}
      </div>
    </form>
  );
}

/** Makes a payment request of an unpaid, cancelled order; the action opens the request's page. */
export function RequestFromOrderButton({
  action,
  orderId,
  labels,
}: {
  action: Action<{ requestId: string }>;
  orderId: string;
  labels: { submit: string; submitting: string; hint: string };
}) {
  const [state, run, pending] = useActionState<FormState<{ requestId: string }>, FormData>(action, IDLE);
  const refusal = formRefusal(state);
  return (
    <form action={run} className="flex flex-col gap-2" data-testid="request-from-order-form">
      <input type="hidden" name="orderId" value={orderId} />
      <p id="request-from-order-hint" className="max-w-2xl text-sm text-slate-600">
        {labels.hint}
      </p>
      <SubmitButton pending={pending} pendingLabel={labels.submitting} className="self-start" aria-describedby="request-from-order-hint">
        {labels.submit}
      </SubmitButton>
      <div aria-live="polite">{refusal && <Alert tone="error">{refusal}</Alert>}</div>
    </form>
  );
}

/** A request's pay link, to read, select and copy (the merchant may send it by hand). */
export function PayLink({ url, labels }: { url: string; labels: { label: string; hint: string; copy: string; copied: string; copyFailed: string } }) {
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="pay-link" className="text-sm font-medium text-slate-900">
        {labels.label}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="pay-link"
          type="text"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby="pay-link-hint"
          data-testid="pay-link"
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-900"
        />
        <button
          type="button"
          className={buttonClass("secondary", "text-sm")}
          onClick={() => {
            navigator.clipboard?.writeText(url).then(
              () => setCopy("copied"),
              () => setCopy("failed"),
            );
          }}
        >
          {copy === "copied" ? labels.copied : labels.copy}
        </button>
      </div>
      <p id="pay-link-hint" className="text-sm text-slate-600">
        {labels.hint}
      </p>
      <p role="status" aria-live="polite" className={copy === "failed" ? "text-sm text-red-700" : "sr-only"}>
        {copy === "copied" ? labels.copied : copy === "failed" ? labels.copyFailed : ""}
      </p>
    </div>
  );
}

/** The reminder schedule: every 7, 14 or 30 days or never, and in how many reminders a request appears at most. */
export function ReminderSettingsForm({
  action,
  initial,
  options,
  labels,
}: {
  action: Action<{ saved: boolean }>;
  initial: { interval: string; maxReminders: string };
  options: { intervals: Array<{ value: string; label: string }>; maxReminders: number };
  labels: { interval: string; maxReminders: string; maxRemindersHint: string; save: string; saving: string; saved: string };
}) {
  const [state, run] = useActionState<FormState<{ saved: boolean }>, FormData>(action, IDLE);
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const errorOf = (field: string) => (state.status === "error" ? state.fieldErrors?.[field]?.message : undefined);
  return (
    <form action={run} className="flex max-w-xl flex-col gap-4" noValidate key={JSON.stringify(values)} data-testid="reminder-settings-form">
      {(
        [
          ["interval", labels.interval, options.intervals, undefined],
          [
            "maxReminders",
            labels.maxReminders,
            Array.from({ length: options.maxReminders }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })),
            labels.maxRemindersHint,
          ],
        ] as const
      ).map(([field, label, choices, hint]) => {
        const error = errorOf(field);
        const describedBy = [hint ? `reminder-${field}-hint` : null, error ? `reminder-${field}-error` : null].filter(Boolean).join(" ") || undefined;
        return (
          <div key={field} className="flex flex-col gap-1">
            <label htmlFor={`reminder-${field}`} className="text-sm font-medium text-slate-900">
              {label}
            </label>
            <select
              id={`reminder-${field}`}
              name={field}
              defaultValue={values[field] ?? initial[field]}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
              className="w-fit rounded-md border border-slate-300 bg-white px-3 py-2"
            >
              {choices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
            {hint && (
              <p id={`reminder-${field}-hint`} className="text-sm text-slate-600">
                {hint}
              </p>
            )}
            {error && (
              <p id={`reminder-${field}-error`} className="text-sm text-red-700">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <div aria-live="polite">
        <ActionOutcome state={state} success={labels.saved} refusalTone="error" testId="reminder-settings-outcome" />
      </div>
      <div>
        <SubmitButton pendingLabel={labels.saving}>{labels.save}</SubmitButton>
      </div>
    </form>
  );
}
