"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ActionOutcome, fieldError } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { IDLE, type FormState } from "@/lib/actions/form-state";

/**
 * The pay button of a payment request: the request and its link's token ride along hidden; a
 * payer the store has no email for gives one for the receipt. Success leaves the page (the
 * action redirects to the payment provider); a refusal is announced under the button.
 */
export function PayRequestForm({
  action,
  requestId,
  token,
  askEmail,
  labels,
}: {
  action: (state: FormState<unknown>, formData: FormData) => Promise<FormState<unknown>>;
  requestId: string;
  token: string;
  askEmail: boolean;
  labels: { email: string; emailHint: string; pay: string; paying: string };
}) {
  const [state, run] = useActionState<FormState<unknown>, FormData>(action, IDLE);
  return (
    <form action={run} key={state.status === "error" ? JSON.stringify(state.values ?? {}) : "initial"} className="flex flex-col gap-4" noValidate data-testid="pay-request-form">
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="token" value={token} />
      {askEmail && (
        <TextField
          id="pay-request-email"
          name="email"
          type="email"
          label={labels.email}
          hint={labels.emailHint}
          autoComplete="email"
          required
          defaultValue={state.values?.email ?? ""}
          error={fieldError(state, "email")}
        />
      )}
      <div aria-live="polite">
        <ActionOutcome state={state} refusalTone="error" testId="pay-request-outcome" />
      </div>
      <div>
        <SubmitButton pendingLabel={labels.paying} className="w-full sm:w-auto" data-testid="pay-request-submit">
          {labels.pay}
        </SubmitButton>
      </div>
    </form>
  );
}
