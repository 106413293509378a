"use client";

import { useActionState, useEffect } from "react";
import { signInWithCodeAction } from "@/lib/auth/actions";
import { INITIAL_AUTH_FORM_STATE } from "@/lib/auth/types";
import type { Locale } from "@/lib/i18n/locales";
import { FormAlert } from "./form-alert";
import type { CodeSignInLabels } from "./labels";
import { SubmitButton } from "./submit-button";
import { TextField } from "@/components/ui/text-field";

/**
 * The code from the sign-in email. A right code sends the browser to the same callback as the
 * emailed link, as a full page load so the new session cookie is set by that response.
 */
export function CodeSignInForm({
  locale,
  callbackUrl,
  email,
  labels,
}: {
  locale: Locale;
  callbackUrl?: string;
  email?: string;
  labels: CodeSignInLabels;
}) {
  const [state, action, pending] = useActionState(signInWithCodeAction, INITIAL_AUTH_FORM_STATE);

  useEffect(() => {
    if (state.redirectTo) window.location.assign(state.redirectTo);
  }, [state.redirectTo]);

  return (
    <form action={action} noValidate className="flex flex-col gap-4" aria-busy={pending || !!state.redirectTo}>
      <input type="hidden" name="locale" value={locale} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <FormAlert message={state.alert} />
      <TextField
        id="code-sign-in-email"
        name="email"
        type="email"
        autoComplete="email"
        required
        label={labels.email}
        defaultValue={state.email ?? email}
        error={state.fieldErrors?.email && labels.fieldErrors[state.fieldErrors.email]}
      />
      <TextField
        id="code-sign-in-code"
        name="code"
        type="text"
        inputMode="text"
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={12}
        required
        label={labels.code}
        hint={labels.codeHint}
        className="font-mono text-lg tracking-widest uppercase"
        error={state.fieldErrors?.code && labels.fieldErrors[state.fieldErrors.code]}
      />
      <SubmitButton label={labels.submit} pendingLabel={labels.pending} />
    </form>
  );
}
