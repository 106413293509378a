"use client";

import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { fieldError, FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { IDLE } from "@/lib/actions/form-state";
import { requestSignInEmailAction, signInWithPasswordAction } from "@/lib/auth/actions";
import type { ApexSignInLabels } from "./labels";

/**
 * The apex sign-in: one email field, then either the password or an emailed link and code.
 * Each button has its own server action; the form shows the outcome of the last one pressed.
 */
export function ApexSignInForm({ callbackUrl, labels }: { callbackUrl?: string; labels: ApexSignInLabels }) {
  const [passwordState, passwordAction, passwordPending] = useActionState(signInWithPasswordAction, IDLE);
  const [linkState, linkAction, linkPending] = useActionState(requestSignInEmailAction, IDLE);
  const [last, setLast] = useState<"password" | "link">("password");
  const state = last === "password" ? passwordState : linkState;
  return (
    <form action={passwordAction} noValidate className="flex flex-col gap-4">
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <FormAlert state={state} />
      <TextField
        id="sign-in-email"
        name="email"
        type="email"
        autoComplete="username"
        required
        label={labels.email}
        defaultValue={state.values?.email}
        error={fieldError(state, "email")}
      />
      <TextField
        id="sign-in-password"
        name="password"
        type="password"
        autoComplete="current-password"
        label={labels.password}
        error={last === "password" ? fieldError(passwordState, "password") : undefined}
      />
      {/* Both buttons wait while either action runs; only the pressed one says it is working. */}
      <SubmitButton pendingLabel={labels.pending} pending={passwordPending} disabled={linkPending} onClick={() => setLast("password")} className="w-full">
        {labels.submit}
      </SubmitButton>
      <div className="flex items-center gap-3 text-sm text-slate-500" aria-hidden="true">
        <span className="h-px flex-1 bg-slate-200" />
        {labels.or}
        <span className="h-px flex-1 bg-slate-200" />
      </div>
      <p className="text-sm text-slate-600">
        <strong className="font-semibold text-slate-900">{labels.linkTitle}</strong> {labels.linkLead}
      </p>
      <SubmitButton
        pendingLabel={labels.linkPending}
        variant="secondary"
        formAction={linkAction}
        pending={linkPending}
        disabled={passwordPending}
        onClick={() => setLast("link")}
        className="w-full"
      >
        {labels.linkSubmit}
      </SubmitButton>
    </form>
  );
}
