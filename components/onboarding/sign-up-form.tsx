"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { fieldError } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { IDLE } from "@/lib/actions/form-state";
import type { Locale } from "@/lib/locales";
import { checkSlugAction, signUpMerchantAction } from "@/lib/onboarding/actions";
import { suggestSlug, type SlugAvailability } from "@/lib/onboarding/rules";

const SELECT = "rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm";

/**
 * Sign-up as a merchant: the account (when nobody is signed in), the business and its first
 * store. The slug is checked live while typing; the server checks it again on submit.
 */
export function SignUpForm({
  locale,
  needsAccount,
  currencies,
  localeNames,
  rootDomain,
}: {
  locale: Locale;
  needsAccount: boolean;
  currencies: readonly string[];
  localeNames: Record<Locale, string>;
  rootDomain: string;
}) {
  const t = useTranslations("Onboarding.form");
  const te = useTranslations("Onboarding.errors");
  const [state, formAction, pending] = useActionState(signUpMerchantAction, IDLE);
  const values = state.values ?? {};
  const str = (name: string) => values[name] ?? "";
  const [storeName, setStoreName] = useState(str("storeName"));
  const [slug, setSlug] = useState(str("slug"));
  const [slugEdited, setSlugEdited] = useState(!!str("slug"));
  const [check, setCheck] = useState<{ slug: string; result: SlugAvailability } | null>(null);
  // Kept here, not echoed by the action: the form shows the same choice again after a refusal.
  const [chosenLocales, setChosenLocales] = useState<string[]>([locale]);
  const [defaultLocale, setDefaultLocale] = useState<Locale>((str("defaultLocale") as Locale) || locale);
  const latest = useRef("");

  const effectiveSlug = slugEdited ? slug : suggestSlug(storeName);

  useEffect(() => {
    const value = effectiveSlug.trim();
    latest.current = value;
    if (!value) return;
    const timer = setTimeout(() => {
      void checkSlugAction(IDLE, { slug: value }).then((answer) => {
        if (answer.status === "ok" && latest.current === value) setCheck({ slug: value, result: answer.data.result });
      });
    }, 300);
    return () => clearTimeout(timer);
  }, [effectiveSlug]);

  const error = (field: string) => fieldError(state, field);
  const liveCheck = check && check.slug === effectiveSlug.trim() ? check.result : null;

  return (
    <form action={formAction} className="flex max-w-xl flex-col gap-6" noValidate key={JSON.stringify(state.values ?? {})}>
      {needsAccount && (
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 text-lg font-semibold">{t("accountLegend")}</legend>
          <TextField id="signup-name" name="name" label={t("name")} autoComplete="name" defaultValue={str("name")} error={error("name")} required />
          <TextField id="signup-email" name="email" type="email" label={t("email")} autoComplete="email" defaultValue={str("email")} error={error("email")} required />
          <TextField id="signup-password" name="password" type="password" label={t("password")} hint={t("passwordHint")} autoComplete="new-password" error={error("password")} required />
        </fieldset>
      )}
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("businessLegend")}</legend>
        <TextField id="signup-merchant" name="merchantName" label={t("merchantName")} defaultValue={str("merchantName")} error={error("merchantName")} required />
        <TextField
          id="signup-store"
          name="storeName"
          label={t("storeName")}
          value={storeName}
          onChange={(e) => setStoreName(e.target.value)}
          error={error("storeName")}
          required
        />
        <div className="flex flex-col gap-1">
          <TextField
            id="signup-slug"
            name="slug"
            label={t("slug")}
            hint={t("slugHint", { host: `${effectiveSlug || "…"}.${rootDomain}` })}
            value={effectiveSlug}
            onChange={(e) => {
              setSlugEdited(true);
              setSlug(e.target.value);
            }}
            autoComplete="off"
            spellCheck={false}
            error={error("slug")}
            required
          />
          <p aria-live="polite" data-testid="slug-check" className={`text-sm ${liveCheck === "available" ? "text-green-700" : "text-red-700"}`}>
            {liveCheck && !error("slug") ? (liveCheck === "available" ? t("slugAvailable") : te(liveCheck)) : ""}
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="signup-currency" className="text-sm font-medium text-slate-900">
            {t("currency")}
          </label>
          <select id="signup-currency" name="currency" defaultValue={str("currency") || "EUR"} className={SELECT}>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="signup-default-locale" className="text-sm font-medium text-slate-900">
            {t("defaultLocale")}
          </label>
          <select
            id="signup-default-locale"
            name="defaultLocale"
            value={defaultLocale}
            onChange={(e) => setDefaultLocale(e.target.value as Locale)}
            className={SELECT}
          >
            {(Object.keys(localeNames) as Locale[]).map((l) => (
              <option key={l} value={l}>
                {localeNames[l]}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-900">{t("locales")}</legend>
          <p className="text-sm text-slate-600">{t("localesHint")}</p>
          <div className="mt-2 flex flex-wrap gap-4">
            {(Object.keys(localeNames) as Locale[]).map((l) => (
              <label key={l} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  name="locales"
                  value={l}
                  checked={l === defaultLocale || chosenLocales.includes(l)}
                  onChange={(e) => setChosenLocales((now) => (e.target.checked ? [...now, l] : now.filter((x) => x !== l)))}
                  disabled={l === defaultLocale}
                />
                {localeNames[l]}
              </label>
            ))}
          </div>
        </fieldset>
      </fieldset>
      {state.status === "error" && <Alert tone="error">{state.error?.message ?? t("fixErrors")}</Alert>}
      <SubmitButton pending={pending} pendingLabel={t("submitting")} className="px-5 py-2.5">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
