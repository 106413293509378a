"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/ui/text-field";
import type { Locale } from "@/lib/i18n/locales";
import { joinWithCodeAction } from "@/lib/staff/actions";
import { INITIAL_STAFF_STATE } from "@/lib/staff/types";

/**
 * The access-code form: the phrase, plus name, email and password for visitors without an
 * account. What was typed stays after a refusal (never the password).
 */
export function JoinForm({ locale, needsAccount, labels }: { locale: Locale; needsAccount: boolean; labels: Record<"code" | "accountLegend" | "name" | "email" | "password" | "passwordHint" | "submit" | "submitting", string> }) {
  const t = useTranslations("Staff.errors");
  const [state, formAction, pending] = useActionState(joinWithCodeAction, INITIAL_STAFF_STATE);
  const values = state.values ?? {};
  const fieldError = (name: string) => (state.status === "error" && state.error && state.field === name ? t(state.error) : undefined);
  const formError = state.status === "error" && state.error && !["code", "name", "email", "password"].includes(state.field ?? "") ? t(state.error) : null;
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate key={JSON.stringify(values)}>
      <input type="hidden" name="locale" value={locale} />
      <TextField id="join-code" name="code" label={labels.code} defaultValue={values.code ?? ""} error={fieldError("code")} autoComplete="off" autoCapitalize="none" spellCheck={false} required className="font-mono text-lg" />
      {needsAccount && (
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 text-lg font-semibold">{labels.accountLegend}</legend>
          <TextField id="join-name" name="name" label={labels.name} defaultValue={values.name ?? ""} error={fieldError("name")} autoComplete="name" required />
          <TextField id="join-email" name="email" type="email" label={labels.email} defaultValue={values.email ?? ""} error={fieldError("email")} autoComplete="email" required />
          <TextField id="join-password" name="password" type="password" label={labels.password} hint={labels.passwordHint} error={fieldError("password")} autoComplete="new-password" required />
        </fieldset>
      )}
      <div aria-live="assertive" className="empty:hidden">
        {formError && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {formError}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending} aria-disabled={pending} className="self-start rounded-md bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}
