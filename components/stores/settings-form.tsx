"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { fieldError } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import type { Locale } from "@/lib/locales";

const AREA = "rounded-md border border-slate-300 px-3 py-2 text-slate-900 shadow-sm";

/** A store's settings: texts per offered locale, logo, contact details, open or closed. */
export function StoreSettingsForm({
  action,
  initial,
  locales,
  defaultLocale,
  localeNames,
  logoUrl,
  locale,
  paymentMinimum,
  timeZones,
}: {
  action: (state: FormState<unknown>, formData: FormData) => Promise<FormState<undefined>>;
  initial: Record<string, string>;
  locales: Locale[];
  defaultLocale: Locale;
  localeNames: Record<Locale, string>;
  logoUrl: string | null;
  locale: Locale;
  /** The payment provider's smallest charge, formatted in the store's currency. */
  paymentMinimum: string;
  /** The IANA zones the store may count its days in. */
  timeZones: string[];
}) {
  const t = useTranslations("StoreSettings.form");
  const [state, formAction, pending] = useActionState<FormState<undefined>, FormData>(action, IDLE);
  const values = state.status === "error" && state.values ? state.values : initial;
  const error = (field: string) => fieldError(state, field);
  const area = (id: string, name: string, label: string, rows: number) => {
    const message = error(name);
    return (
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium text-slate-900">
          {label}
        </label>
        <textarea id={id} name={name} rows={rows} defaultValue={values[name] ?? ""} aria-invalid={message ? true : undefined} aria-describedby={message ? `${id}-error` : undefined} className={AREA} />
        {message && (
          <p id={`${id}-error`} className="text-sm text-red-700">
            {message}
          </p>
        )}
      </div>
    );
  };
  const ordered = [defaultLocale, ...locales.filter((l) => l !== defaultLocale)];

  return (
    <form action={formAction} className="flex max-w-2xl flex-col gap-8" noValidate key={state.status === "error" ? JSON.stringify(state.values) : "initial"}>
      <input type="hidden" name="locale" value={locale} />
      {ordered.map((l) => (
        <fieldset key={l} className="flex flex-col gap-4 rounded-lg border border-slate-200 p-4">
          <legend className="px-1 font-semibold">
            {localeNames[l]} {l === defaultLocale ? `(${t("defaultLocale")})` : ""}
          </legend>
          {l !== defaultLocale && <p className="text-sm text-slate-600">{t("fallbackHint", { language: localeNames[defaultLocale] })}</p>}
          <TextField id={`name-${l}`} name={`name.${l}`} label={t("name")} defaultValue={values[`name.${l}`] ?? ""} error={error(`name.${l}`)} required={l === defaultLocale} />
          <TextField id={`tagline-${l}`} name={`tagline.${l}`} label={t("tagline")} defaultValue={values[`tagline.${l}`] ?? ""} error={error(`tagline.${l}`)} />
          {area(`description-${l}`, `description.${l}`, t("description"), 4)}
          {area(`closed-${l}`, `closedMessage.${l}`, t("closedMessage"), 2)}
        </fieldset>
      ))}
      <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 font-semibold">{t("logo")}</legend>
        {/* eslint-disable-next-line @next/next/no-img-element -- served by our own file route */}
        {logoUrl && <img src={logoUrl} alt={t("currentLogo")} className="h-16 w-auto max-w-full self-start object-contain object-left" />}
        <div className="flex flex-col gap-1">
          <label htmlFor="logo" className="text-sm font-medium text-slate-900">
            {t("uploadLogo")}
          </label>
          <input id="logo" name="logo" type="file" accept="image/png,image/jpeg,image/webp,image/gif" aria-describedby="logo-hint" className="w-full" />
          <p id="logo-hint" className="text-sm text-slate-600">
            {t("logoHint")}
          </p>
          {error("logo") && <p className="text-sm text-red-700">{error("logo")}</p>}
        </div>
        {logoUrl && (
          <label className="flex items-center gap-2">
            <input type="checkbox" name="removeLogo" /> {t("removeLogo")}
          </label>
        )}
      </fieldset>
      <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 font-semibold">{t("contact")}</legend>
        <TextField id="contactEmail" name="contactEmail" type="email" label={t("contactEmail")} defaultValue={values.contactEmail ?? ""} error={error("contactEmail")} />
        <TextField id="contactPhone" name="contactPhone" type="tel" label={t("contactPhone")} defaultValue={values.contactPhone ?? ""} error={error("contactPhone")} />
        {area("contactAddress", "contactAddress", t("contactAddress"), 3)}
      </fieldset>
      <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 font-semibold">{t("shipping")}</legend>
        <TextField
          id="shippingCountries"
          name="shippingCountries"
          label={t("shippingCountries")}
          hint={t("shippingCountriesHint")}
          defaultValue={values.shippingCountries ?? ""}
          error={error("shippingCountries")}
          required
        />
      </fieldset>
      <div className="flex flex-col gap-1 rounded-lg border border-slate-200 p-4">
        <label htmlFor="timeZone" className="font-semibold">
          {t("timeZone")}
        </label>
        <select
          id="timeZone"
          name="timeZone"
          defaultValue={values.timeZone ?? ""}
          aria-invalid={error("timeZone") ? true : undefined}
          aria-describedby={error("timeZone") ? "timeZone-hint timeZone-error" : "timeZone-hint"}
          className={AREA}
        >
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </select>
        <p id="timeZone-hint" className="text-sm text-slate-600">
          {t("timeZoneHint")}
        </p>
        {error("timeZone") && (
          <p id="timeZone-error" className="text-sm text-red-700">
            {error("timeZone")}
          </p>
        )}
      </div>
      <fieldset className="flex flex-col gap-2 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 font-semibold">{t("status")}</legend>
        {(["OPEN", "CLOSED"] as const).map((s) => (
          <label key={s} className="flex items-center gap-2">
            <input type="radio" name="status" value={s} defaultChecked={(values.status ?? "OPEN") === s} />
            {t(s === "OPEN" ? "open" : "closed")}
          </label>
        ))}
        <p className="text-sm text-slate-600">{t("closedHint")}</p>
      </fieldset>
      <fieldset className="flex flex-col gap-2 rounded-lg border border-slate-200 p-4" aria-describedby="small-orders-hint">
        <legend className="px-1 font-semibold">{t("smallOrders")}</legend>
        <p id="small-orders-hint" className="text-sm text-slate-600">
          {t("smallOrdersHint", { minimum: paymentMinimum })}
        </p>
        {(["WAIVE", "REFUSE"] as const).map((policy) => (
          <label key={policy} className="flex items-center gap-2">
            <input type="radio" name="smallOrderPolicy" value={policy} defaultChecked={(values.smallOrderPolicy ?? "WAIVE") === policy} />
            {t(policy === "WAIVE" ? "smallOrdersWaive" : "smallOrdersRefuse")}
          </label>
        ))}
        {error("smallOrderPolicy") && <p className="text-sm text-red-700">{error("smallOrderPolicy")}</p>}
      </fieldset>
      <div aria-live="polite" className="empty:hidden">
        {state.status === "ok" && <Alert tone="success">{t("saved")}</Alert>}
        {state.status === "error" && <Alert tone="error">{state.error?.message ?? t("fixErrors")}</Alert>}
      </div>
      <SubmitButton pending={pending} pendingLabel={t("saving")} className="self-start">
        {t("save")}
      </SubmitButton>
    </form>
  );
}
