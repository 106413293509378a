"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/auth/submit-button";
import type { TerminalState } from "@/lib/loyalty/actions";

const IDLE: TerminalState = { status: "idle" };

/** The outcome of a terminal action: success as a status, a refusal as a warning (not an error). */
function Outcome({ state, testId }: { state: TerminalState; testId: string }) {
  if (state.status === "idle" || (!state.message && !state.fieldError)) return null;
  if (state.status === "success") {
    return (
      <p role="status" data-testid={testId} data-tone="success" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
        {state.message}
      </p>
    );
  }
  return (
    <p
      role="alert"
      data-testid={testId}
      data-tone={state.status}
      className={`rounded-md border px-3 py-2 text-sm ${state.status === "warning" ? "border-amber-300 bg-amber-50 text-amber-900" : "border-red-200 bg-red-50 text-red-800"}`}
    >
      {state.message ?? state.fieldError}
    </p>
  );
}

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
          <input id="terminal-spend" name="spend" inputMode="decimal" autoComplete="off" className="rounded-md border border-slate-300 px-3 py-2" />
        </div>
      )}
      <SubmitButton label={labels.submit} pendingLabel={labels.pending} />
      <Outcome state={state} testId="earn-outcome" />
    </form>
  );
}

export function RedeemButton({ action, labels }: { action: () => Promise<TerminalState>; labels: { submit: string; pending: string; name: string } }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <div className="w-32">
        <SubmitButton label={labels.submit} pendingLabel={labels.pending} variant="secondary" />
      </div>
      <Outcome state={state} testId="redeem-outcome" />
    </form>
  );
}

export function ReverseForm({
  action,
  labels,
}: {
  action: (state: TerminalState, formData: FormData) => Promise<TerminalState>;
  labels: { submit: string; pending: string; reason: string };
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">{labels.submit}</summary>
      <form action={formAction} className="mt-2 flex flex-col gap-2">
        <label className="flex flex-col gap-1">
          <span>{labels.reason}</span>
          <input name="reason" required maxLength={300} className="rounded-md border border-slate-300 px-2 py-1" />
        </label>
        <SubmitButton label={labels.submit} pendingLabel={labels.pending} variant="secondary" />
        <Outcome state={state} testId="reverse-outcome" />
      </form>
    </details>
  );
}
