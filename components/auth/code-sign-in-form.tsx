"use client";

import { useActionState, useEffect } from "react";
import { SubmitButton } from "@/components/ui/button";
import { fieldError, FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { IDLE } from "@/lib/actions/form-state";
import { signInWithCodeAction } from "@/lib/auth/actions";
import type { CodeSignInLabels } from "./labels";

/**
 * The code from the sign-in email. A right code sends the browser to the same callback as the
 * emailed link, as a full page load so the new session cookie is set by that response.
 */
export function CodeSignInForm({
  callbackUrl,
  email,
  labels,
}: {
  callbackUrl?: string;
  email?: string;
  labels: CodeSignInLabels;
}) {
  const [state, action, pending] = useActionState(signInWithCodeAction, IDLE);
  const redirectTo = state.status === "ok" ? state.data.redirectTo : undefined;

  useEffect(() => {
    if (redirectTo) window.location.assign(redirectTo);
  }, [redirectTo]);

  return (
    <form action={action} noValidate className="flex flex-col gap-4" aria-busy={pending || !!redirectTo}>
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <FormAlert state={state} />
      <TextField
        id="code-sign-in-email"
        name="email"
        type="email"
        autoComplete="email"
        required
        label={labels.email}
        defaultValue={state.values?.email ?? email}
        error={fieldError(state, "email")}
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
        error={fieldError(state, "code")}
      />
      <SubmitButton pendingLabel={labels.pending} className="w-full">
        {labels.submit}
      </SubmitButton>
    </form>
  );
}
