"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { FormAlert, fieldError, formRefusal } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { IDLE, type FormState } from "@/lib/actions/form-state";

type Action = (state: FormState<unknown>, form: FormData) => Promise<FormState<undefined>>;

/** The merchant's forms on one card of an order: a new recipient (before delivery) and "send again". */
export function CardDeliveryForms({
  cardId,
  recipient,
  changeable,
  changeAction,
  resendAction,
  labels,
}: {
  cardId: string;
  recipient: { name: string; email: string };
  /** The email still waits for its day: the recipient may change. */
  changeable: boolean;
  changeAction: Action;
  resendAction: Action;
  labels: { change: string; name: string; email: string; save: string; saved: string; resend: string; resent: string; onlyBefore: string };
}) {
  const [changeState, change, changing] = useActionState<FormState<undefined>, FormData>(changeAction, IDLE);
  const [resendState, resend, resending] = useActionState<FormState<undefined>, FormData>(resendAction, IDLE);
  const echo = (field: string, fallback: string) => (changeState.status === "error" ? (changeState.values?.[field] ?? fallback) : fallback);
  return (
    <div className="flex flex-col gap-3">
      {changeable ? (
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium">{labels.change}</summary>
          <form action={change} className="mt-3 flex flex-col gap-3">
            <input type="hidden" name="cardId" value={cardId} />
            <TextField id={`recipient-name-${cardId}`} name="name" label={labels.name} defaultValue={echo("name", recipient.name)} required maxLength={120} error={fieldError(changeState, "name")} />
            <TextField id={`recipient-email-${cardId}`} name="email" type="email" label={labels.email} defaultValue={echo("email", recipient.email)} required error={fieldError(changeState, "email")} />
            <SubmitButton pending={changing} className="self-start">
              {labels.save}
            </SubmitButton>
            <FormAlert state={changeState} />
            <p role="status" aria-live="polite" className="text-sm text-emerald-800 empty:hidden">
              {changeState.status === "ok" ? labels.saved : null}
            </p>
          </form>
        </details>
      ) : (
        <p className="text-sm text-slate-600">{labels.onlyBefore}</p>
      )}
      <form action={resend} className="flex flex-col gap-2">
        <input type="hidden" name="cardId" value={cardId} />
        <SubmitButton pending={resending} variant="secondary" className="self-start">
          {labels.resend}
        </SubmitButton>
        <p role={resendState.status === "error" ? "alert" : "status"} aria-live="polite" className={`text-sm empty:hidden ${resendState.status === "ok" ? "text-emerald-800" : "text-red-700"}`}>
          {resendState.status === "ok" ? labels.resent : formRefusal(resendState)}
        </p>
      </form>
    </div>
  );
}
