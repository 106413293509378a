"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ActionOutcome, fieldError } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { IDLE, type FormState } from "@/lib/actions/form-state";

/** A gift-card code to move into the customer's store credit. */
export function ClaimGiftCardForm({
  action,
  labels,
}: {
  action: (state: FormState<unknown>, formData: FormData) => Promise<FormState<{ message: string }>>;
  labels: { code: string; submit: string; submitting: string };
}) {
  const [state, run] = useActionState<FormState<{ message: string }>, FormData>(action, IDLE);
  return (
    <form action={run} className="flex max-w-md flex-col gap-3" noValidate data-testid="claim-form">
      <TextField id="claim-code" name="giftCardCode" label={labels.code} autoComplete="off" autoCapitalize="characters" spellCheck={false} error={fieldError(state, "giftCardCode")} />
      <div aria-live="polite">
        <ActionOutcome state={state} refusalTone="error" testId="claim-outcome" />
      </div>
      <div>
        <SubmitButton pendingLabel={labels.submitting}>{labels.submit}</SubmitButton>
      </div>
    </form>
  );
}
