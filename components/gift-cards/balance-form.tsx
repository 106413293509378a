"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import type { GiftCardBalanceView } from "@/lib/gift-cards/actions";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { fieldError } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";

type BalanceState = FormState<GiftCardBalanceView>;

/**
 * The storefront's balance check: the code is posted to the server (never put in the address)
 * and the card's balance, status and last valid day are shown under the form.
 */
export function GiftCardBalanceForm({
  action,
  labels,
}: {
  action: (state: BalanceState, formData: FormData) => Promise<BalanceState>;
  labels: { code: string; hint: string; submit: string; pending: string; balance: string; status: string; validUntil: string; noExpiry: string };
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <div className="flex flex-col gap-6">
      <form action={formAction} className="flex flex-col gap-3" noValidate>
        <TextField
          id="gift-card-balance-code"
          name="code"
          label={labels.code}
          hint={labels.hint}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          defaultValue={state.values?.code}
          error={fieldError(state, "code")}
          className="font-mono"
        />
        <SubmitButton pendingLabel={labels.pending} className="self-start">
          {labels.submit}
        </SubmitButton>
        {state.status === "error" && state.error && (
          <Alert tone="warning" role="alert" data-testid="gift-card-balance-problem">
            {state.error.message}
          </Alert>
        )}
      </form>
      {state.status === "ok" && (
        <div role="status" className="rounded-xl border border-slate-200 p-6" data-testid="gift-card-balance-result">
          <h2 className="text-lg font-semibold">{state.data.title}</h2>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
            <dt className="font-medium text-slate-700">{labels.balance}</dt>
            <dd className="text-2xl font-bold tabular-nums" data-testid="gift-card-balance-amount">
              {state.data.balance}
            </dd>
            <dt className="font-medium text-slate-700">{labels.status}</dt>
            <dd data-status={state.data.status}>{state.data.statusLabel}</dd>
            <dt className="font-medium text-slate-700">{labels.validUntil}</dt>
            <dd>{state.data.validUntil ?? labels.noExpiry}</dd>
          </dl>
        </div>
      )}
    </div>
  );
}
