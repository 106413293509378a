"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { signInWithCodeAction } from "@/lib/auth/actions";
import { INITIAL_AUTH_FORM_STATE } from "@/lib/auth/types";
import type { Locale } from "@/lib/i18n/locales";
import { FormAlert } from "./form-alert";
import { SubmitButton } from "./submit-button";
import { TextField } from "./text-field";

/**
 * The code from the sign-in email. A right code sends the browser to the same callback as the
 * emailed link, as a full page load so the new session cookie is set by that response.
 */
export function CodeSignInForm({ locale, callbackUrl, email }: { locale: Locale; callbackUrl?: string; email?: string }) {
  const t = useTranslations("Auth.checkEmail");
  const s = useTranslations("Auth.signIn");
  const e = useTranslations("Errors.field");
  const [state, action, pending] = useActionState(signInWithCodeAction, INITIAL_AUTH_FORM_STATE);

  useEffect(() => {
    if (state.redirectTo) window.location.assign(state.redirectTo);
  }, [state.redirectTo]);

  return (
    <form action={action} noValidate className="flex flex-col gap-4" aria-busy={pending || !!state.redirectTo}>
      <input type="hidden" name="locale" value={locale} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <FormAlert state={state} />
      <TextField
        id="code-sign-in-email"
        name="email"
        type="email"
        autoComplete="email"
        required
        label={s("email")}
        defaultValue={state.email ?? email}
        error={state.fieldErrors?.email && e(state.fieldErrors.email)}
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
        label={t("code")}
        hint={t("codeHint")}
        className="font-mono text-lg tracking-widest uppercase"
        error={state.fieldErrors?.code && e(state.fieldErrors.code)}
      />
      <SubmitButton label={t("submit")} pendingLabel={t("pending")} />
    </form>
  );
}
