"use client";

import { useActionState } from "react";
import { requestSignInEmailAction } from "@/lib/auth/actions";
import { INITIAL_AUTH_FORM_STATE } from "@/lib/auth/types";
import type { Locale } from "@/lib/i18n/locales";
import { FormAlert } from "./form-alert";
import type { EmailSignInLabels } from "./labels";
import { SubmitButton } from "./submit-button";
import { TextField } from "@/components/ui/text-field";

/** Asks for a sign-in email (link + code); on success the action moves on to "check your email". */
export function EmailSignInForm({
  locale,
  callbackUrl,
  labels,
  defaultEmail,
}: {
  locale: Locale;
  callbackUrl?: string;
  labels: EmailSignInLabels;
  defaultEmail?: string;
}) {
  const [state, action] = useActionState(requestSignInEmailAction, INITIAL_AUTH_FORM_STATE);
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="locale" value={locale} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <FormAlert message={state.alert} />
      <TextField
        id="email-sign-in-email"
        name="email"
        type="email"
        autoComplete="email"
        required
        label={labels.email}
        defaultValue={state.email ?? defaultEmail}
        error={state.fieldErrors?.email && labels.fieldErrors[state.fieldErrors.email]}
      />
      <SubmitButton label={labels.submit} pendingLabel={labels.pending} />
    </form>
  );
}
