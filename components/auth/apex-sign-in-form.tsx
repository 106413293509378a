"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { requestSignInEmailAction, signInWithPasswordAction } from "@/lib/auth/actions";
import { INITIAL_AUTH_FORM_STATE } from "@/lib/auth/types";
import type { Locale } from "@/lib/i18n/locales";
import { FormAlert } from "./form-alert";
import { SubmitButton } from "./submit-button";
import { TextField } from "./text-field";

/**
 * The apex sign-in: one email field, then either the password or an emailed link and code.
 * Each button has its own server action; the form shows the outcome of the last one pressed.
 */
export function ApexSignInForm({ locale, callbackUrl }: { locale: Locale; callbackUrl?: string }) {
  const t = useTranslations("Auth.signIn");
  const e = useTranslations("Errors.field");
  const [passwordState, passwordAction] = useActionState(signInWithPasswordAction, INITIAL_AUTH_FORM_STATE);
  const [linkState, linkAction] = useActionState(requestSignInEmailAction, INITIAL_AUTH_FORM_STATE);
  const [last, setLast] = useState<"password" | "link">("password");
  const state = last === "password" ? passwordState : linkState;
  return (
    <form action={passwordAction} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="locale" value={locale} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <FormAlert state={state} />
      <TextField
        id="sign-in-email"
        name="email"
        type="email"
        autoComplete="username"
        required
        label={t("email")}
        defaultValue={state.email}
        error={state.fieldErrors?.email && e(state.fieldErrors.email)}
      />
      <TextField
        id="sign-in-password"
        name="password"
        type="password"
        autoComplete="current-password"
        label={t("password")}
        error={last === "password" && passwordState.fieldErrors?.password ? e(passwordState.fieldErrors.password) : undefined}
      />
      <SubmitButton label={t("submit")} pendingLabel={t("pending")} active={last === "password"} onClick={() => setLast("password")} />
      <div className="flex items-center gap-3 text-sm text-slate-500" aria-hidden="true">
        <span className="h-px flex-1 bg-slate-200" />
        {t("or")}
        <span className="h-px flex-1 bg-slate-200" />
      </div>
      <p className="text-sm text-slate-600">
        <strong className="font-semibold text-slate-900">{t("linkTitle")}</strong> {t("linkLead")}
      </p>
      <SubmitButton
        label={t("linkSubmit")}
        pendingLabel={t("linkPending")}
        variant="secondary"
        formAction={linkAction}
        active={last === "link"}
        onClick={() => setLast("link")}
      />
    </form>
  );
}
