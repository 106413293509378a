"use client";

import { useActionState, useState } from "react";
import { requestSignInEmailAction, signInWithPasswordAction } from "@/lib/auth/actions";
import { INITIAL_AUTH_FORM_STATE } from "@/lib/auth/types";
import type { Locale } from "@/lib/i18n/locales";
import { FormAlert } from "./form-alert";
import type { ApexSignInLabels } from "./labels";
import { SubmitButton } from "./submit-button";
import { TextField } from "@/components/ui/text-field";

/**
 * The apex sign-in: one email field, then either the password or an emailed link and code.
 * Each button has its own server action; the form shows the outcome of the last one pressed.
 */
export function ApexSignInForm({ locale, callbackUrl, labels }: { locale: Locale; callbackUrl?: string; labels: ApexSignInLabels }) {
  const [passwordState, passwordAction] = useActionState(signInWithPasswordAction, INITIAL_AUTH_FORM_STATE);
  const [linkState, linkAction] = useActionState(requestSignInEmailAction, INITIAL_AUTH_FORM_STATE);
  const [last, setLast] = useState<"password" | "link">("password");
  const state = last === "password" ? passwordState : linkState;
  return (
    <form action={passwordAction} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="locale" value={locale} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <FormAlert message={state.alert} />
      <TextField
        id="sign-in-email"
        name="email"
        type="email"
        autoComplete="username"
        required
        label={labels.email}
        defaultValue={state.email}
        error={state.fieldErrors?.email && labels.fieldErrors[state.fieldErrors.email]}
      />
      <TextField
        id="sign-in-password"
        name="password"
        type="password"
        autoComplete="current-password"
        label={labels.password}
        error={last === "password" && passwordState.fieldErrors?.password ? labels.fieldErrors[passwordState.fieldErrors.password] : undefined}
      />
      <SubmitButton label={labels.submit} pendingLabel={labels.pending} active={last === "password"} onClick={() => setLast("password")} />
      <div className="flex items-center gap-3 text-sm text-slate-500" aria-hidden="true">
        <span className="h-px flex-1 bg-slate-200" />
        {labels.or}
        <span className="h-px flex-1 bg-slate-200" />
      </div>
      <p className="text-sm text-slate-600">
        <strong className="font-semibold text-slate-900">{labels.linkTitle}</strong> {labels.linkLead}
      </p>
      <SubmitButton
        label={labels.linkSubmit}
        pendingLabel={labels.linkPending}
        variant="secondary"
        formAction={linkAction}
        active={last === "link"}
        onClick={() => setLast("link")}
      />
    </form>
  );
}
