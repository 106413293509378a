"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { formRefusal } from "@/components/ui/form-alert";
import { IDLE, type FormState } from "@/lib/actions/form-state";

/**
 * The unsubscribe page's button. A POST (not the link itself), so a mail scanner that opens the
 * link stops nothing; once done, the confirmation replaces the button.
 */
export function StopRemindersForm({
  action,
  payerId,
  token,
  labels,
}: {
  action: (state: FormState<unknown>, formData: FormData) => Promise<FormState<{ stopped: boolean }>>;
  payerId: string;
  token: string;
  labels: { submit: string; submitting: string; done: string };
}) {
  const [state, run] = useActionState<FormState<{ stopped: boolean }>, FormData>(action, IDLE);
  const refusal = formRefusal(state);
  return (
    <div aria-live="polite">
      {state.status === "ok" ? (
        <Alert tone="success" data-testid="stop-reminders-done">
          {labels.done}
        </Alert>
      ) : (
        <form action={run} className="flex flex-col gap-3" data-testid="stop-reminders-form">
          <input type="hidden" name="payerId" value={payerId} />
          <input type="hidden" name="token" value={token} />
          {refusal && <Alert tone="error">{refusal}</Alert>}
          <div>
            <SubmitButton pendingLabel={labels.submitting}>{labels.submit}</SubmitButton>
          </div>
        </form>
      )}
    </div>
  );
}
