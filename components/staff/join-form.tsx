"use client";

import { useActionState } from "react";
import { IDLE } from "@/lib/actions/form-state";
import { joinWithCodeAction } from "@/lib/staff/actions";
import { SubmitButton } from "@/components/ui/button";
import { fieldError, FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";

/**
 * The access-code form: the phrase, plus name, email and password for visitors without an
 * account. What was typed stays after a refusal (never the password).
 */
export function JoinForm({ needsAccount, labels }: { needsAccount: boolean; labels: Record<"code" | "accountLegend" | "name" | "email" | "password" | "passwordHint" | "submit" | "submitting", string> }) {
  const [state, formAction, pending] = useActionState(joinWithCodeAction, IDLE);
  const values = state.values ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate key={JSON.stringify(values)}>
      <TextField id="join-code" name="code" label={labels.code} defaultValue={values.code ?? ""} error={fieldError(state, "code")} autoComplete="off" autoCapitalize="none" spellCheck={false} required className="font-mono text-lg" />
      {needsAccount && (
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 text-lg font-semibold">{labels.accountLegend}</legend>
          <TextField id="join-name" name="name" label={labels.name} defaultValue={values.name ?? ""} error={fieldError(state, "name")} autoComplete="name" required />
          <TextField id="join-email" name="email" type="email" label={labels.email} defaultValue={values.email ?? ""} error={fieldError(state, "email")} autoComplete="email" required />
          <TextField id="join-password" name="password" type="password" label={labels.password} hint={labels.passwordHint} error={fieldError(state, "password")} autoComplete="new-password" required />
        </fieldset>
      )}
      <div aria-live="assertive" className="empty:hidden">
        <FormAlert state={state} />
      </div>
      <SubmitButton pending={pending} pendingLabel={labels.submitting} className="self-start px-5 py-2.5">
        {labels.submit}
      </SubmitButton>
    </form>
  );
}
