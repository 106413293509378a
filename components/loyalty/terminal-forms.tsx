"use client";

import { useActionState, useState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import type { TerminalDone } from "@/lib/loyalty/actions";
import { ActionOutcome as Outcome } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/button";

type TerminalState = FormState<TerminalDone>;

/** Stamps: one button. Points: the amount spent, then the button. */
export function EarnForm({
  action,
  mode,
  labels,
}: {
  action: (state: TerminalState, formData: FormData) => Promise<TerminalState>;
  mode: "POINTS" | "STAMPS";
  labels: { submit: string; pending: string; spend: string };
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      {mode === "POINTS" && (
        <div className="flex flex-col gap-1">
          <label htmlFor="terminal-spend" className="text-sm font-medium">
            {labels.spend}
          </label>
          <input
            id="terminal-spend"
            name="spend"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={state.values?.spend}
            className="rounded-md border border-slate-300 px-3 py-2"
          />
        </div>
      )}
      <SubmitButton pendingLabel={labels.pending} className="w-full">
        {labels.submit}
      </SubmitButton>
      <Outcome state={state} testId="earn-outcome" field="spend" />
    </form>
  );
}

/**
 * Redeeming takes points off the card for good, so it asks first: "Redeem" shows what will be
 * taken, and only "Yes, redeem" submits. Disabled (with the reason beside it) when the card
 * does not hold enough; the server checks again under the card's lock.
 */
export function RedeemButton({
  action,
  disabled,
  labels,
}: {
  action: (state: TerminalState, formData: FormData) => Promise<TerminalState>;
  disabled: boolean;
  labels: { submit: string; pending: string; name: string; confirm: string; yes: string; no: string };
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const [confirming, setConfirming] = useState(false);
  // Once the action answered, the question is closed (its outcome shows below the button).
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    setConfirming(false);
  }
  return (
    <form action={formAction} className="flex flex-col items-end gap-2">
      {confirming ? (
        <div role="group" aria-label={labels.confirm} className="flex flex-col items-end gap-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm">
          <p>{labels.confirm}</p>
          <div className="flex gap-2">
            <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium">
              {labels.no}
            </button>
            <div className="w-36">
              <SubmitButton pendingLabel={labels.pending} className="w-full">
                {labels.yes}
              </SubmitButton>
            </div>
          </div>
        </div>
      ) : (
        <button
          type="button"
          disabled={disabled}
          onClick={() => setConfirming(true)}
          className="w-32 rounded-md border border-slate-300 px-3 py-2 font-medium text-slate-900 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50"
        >
          {labels.submit}
          <span className="sr-only"> – {labels.name}</span>
        </button>
      )}
      <Outcome state={state} testId="redeem-outcome" />
    </form>
  );
}

/**
 * A manager's reversal of one movement: a toggle that opens the reason, then a confirm button
 * with its own wording. The form stays after it succeeded (the row is then marked reversed) so
 * that its message stays where the manager looked.
 */
export function ReverseForm({
  action,
  reversed,
  labels,
}: {
  action: (state: TerminalState, formData: FormData) => Promise<TerminalState>;
  /** The movement is reversed already: nothing to offer, only this form's own success message. */
  reversed: boolean;
  labels: { open: string; submit: string; pending: string; reason: string };
}) {
  const [state, formAction] = useActionState(action, IDLE);
  if (reversed) return <Outcome state={state} testId="reverse-outcome" />;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">{labels.open}</summary>
      <form action={formAction} className="mt-2 flex flex-col gap-2">
        <label className="flex flex-col gap-1">
          <span>{labels.reason}</span>
          <input name="reason" required maxLength={300} defaultValue={state.values?.reason} className="rounded-md border border-slate-300 px-2 py-1" />
        </label>
        <SubmitButton pendingLabel={labels.pending} variant="secondary" className="w-full">
          {labels.submit}
        </SubmitButton>
        <Outcome state={state} testId="reverse-outcome" field="reason" />
      </form>
    </details>
  );
}
