"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { fieldError, FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { IDLE } from "@/lib/actions/form-state";
import { requestSignInEmailAction } from "@/lib/auth/actions";
import type { EmailSignInLabels } from "./labels";

/** Asks for a sign-in email (link + code); on success the action moves on to "check your email". */
export function EmailSignInForm({
  callbackUrl,
  labels,
  defaultEmail,
}: {
  callbackUrl?: string;
  labels: EmailSignInLabels;
  defaultEmail?: string;
}) {
  const [state, action] = useActionState(requestSignInEmailAction, IDLE);
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <FormAlert state={state} />
      <TextField
        id="email-sign-in-email"
        name="email"
        type="email"
        autoComplete="email"
        required
        label={labels.email}
        defaultValue={state.values?.email ?? defaultEmail}
        error={fieldError(state, "email")}
      />
      <SubmitButton pendingLabel={labels.pending} className="w-full">
        {labels.submit}
      </SubmitButton>
    </form>
  );
}
