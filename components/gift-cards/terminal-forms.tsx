"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import type { GiftCardTerminalDone } from "@/lib/gift-cards/actions";
import { QrScanner } from "@/components/loyalty/qr-scanner";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { ActionOutcome as Outcome, fieldError } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";

type TerminalState = FormState<GiftCardTerminalDone>;
type TerminalAction = (state: TerminalState, formData: FormData) => Promise<TerminalState>;

/**
 * The gift-card search: a code typed (any case, with or without dashes) or read from the card's
 * QR code by the camera, posted to the server (never put in the address). A found card opens below.
 */
export function GiftCardLookupForm({
  action,
  labels,
  autoFocus,
}: {
  action: (state: FormState<undefined>, formData: FormData) => Promise<FormState<undefined>>;
  labels: { code: string; find: string; pending: string; scan: string; stop: string; unsupported: string; denied: string };
  autoFocus: boolean;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex flex-col gap-2" role="search" noValidate>
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <TextField
            id="gift-card-code"
            name="code"
            label={labels.code}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            autoFocus={autoFocus}
            defaultValue={state.values?.code}
            error={fieldError(state, "code")}
            className="font-mono"
          />
        </div>
        <SubmitButton pendingLabel={labels.pending}>{labels.find}</SubmitButton>
        <QrScanner fieldName="code" labels={{ scan: labels.scan, stop: labels.stop, unsupported: labels.unsupported, denied: labels.denied }} />
      </div>
      {state.status === "error" && state.error && (
        <Alert tone="warning" role="alert" data-testid="gift-card-problem">
          {state.error.message}
        </Alert>
      )}
    </form>
  );
}

/** Staff take an amount off the card: the amount typed in the store's currency. */
export function CounterDebitForm({ action, labels }: { action: TerminalAction; labels: { amount: string; submit: string; pending: string } }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <TextField id="gift-card-amount" name="amount" label={labels.amount} inputMode="decimal" autoComplete="off" defaultValue={state.values?.amount} error={fieldError(state, "amount")} />
      <SubmitButton pendingLabel={labels.pending} className="w-full">
        {labels.submit}
      </SubmitButton>
      <Outcome state={state} testId="gift-card-redeem-outcome" />
    </form>
  );
}

/** A manager gives back one counter redemption: a toggle that opens the reason, then the confirm button. */
export function ReverseRedemptionForm({ action, rowId, labels }: { action: TerminalAction; rowId: string; labels: { open: string; reason: string; submit: string; pending: string } }) {
  const [state, formAction] = useActionState(action, IDLE);
  if (state.status === "ok") return <Outcome state={state} testId="gift-card-reverse-outcome" />;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">{labels.open}</summary>
      <form action={formAction} className="mt-2 flex flex-col gap-2">
        <TextField id={`gift-card-reverse-${rowId}`} name="reason" label={labels.reason} required maxLength={300} defaultValue={state.values?.reason} error={fieldError(state, "reason")} />
        <SubmitButton pendingLabel={labels.pending} variant="secondary" className="w-full">
          {labels.submit}
        </SubmitButton>
        <Outcome state={state} testId="gift-card-reverse-outcome" />
      </form>
    </details>
  );
}

/** A manager's correction: a signed amount (12.50 adds, -12.50 takes off) and a reason. */
export function AdjustBalanceForm({ action, labels }: { action: TerminalAction; labels: { amount: string; hint: string; reason: string; submit: string; pending: string } }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <TextField id="gift-card-adjust-amount" name="amount" label={labels.amount} hint={labels.hint} autoComplete="off" defaultValue={state.values?.amount} error={fieldError(state, "amount")} />
      <TextField id="gift-card-adjust-reason" name="reason" label={labels.reason} maxLength={300} defaultValue={state.values?.reason} error={fieldError(state, "reason")} />
      <SubmitButton pendingLabel={labels.pending} variant="secondary" className="w-full">
        {labels.submit}
      </SubmitButton>
      <Outcome state={state} testId="gift-card-adjust-outcome" />
    </form>
  );
}
