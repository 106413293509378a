import type { Metadata } from "next";
import { notFound } from "next/navigation";
import {
  getFormatter,
  getTranslations,
  setRequestLocale,
} from "next-intl/server";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { EmailPreview } from "@/components/email/email-preview";
import { EmailStatusBadge } from "@/components/email/email-status-badge";
import { RefreshWhileQueued } from "@/components/email/refresh-while-queued";
import { ResendEmailButton } from "@/components/email/resend-email-button";
import { loadEmailMessage } from "@/lib/admin/loaders";
import { isTemplateName } from "@/lib/email/templates/registry";
import { isLocale, LOCALE_NAMES, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";
import { Alert } from "@/components/ui/alert";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({
    locale: isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE,
    namespace: "Mailbox",
  });
  return { title: t("metaTitle") };
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-2 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900 sm:col-span-2 sm:mt-0">
        {children}
      </dd>
    </div>
  );
}

export default async function EmailMessagePage({ params }: Props) {
  const { locale: raw, id } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const view = await loadEmailMessage(id);
  if (!view) notFound();
  const { message, rendered, renderError, links } = view;
  const t = await getTranslations("Mailbox");
  const format = await getFormatter();
  const when = (date: Date) => (
    <time dateTime={date.toISOString()}>
      {format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" })}
    </time>
  );
  const none = <span className="text-slate-500">{t("detail.none")}</span>;

  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <AdminNav locale={locale} current="emails" />
      <a
        href={localizedPath("/admin/emails", locale, PLATFORM_DEFAULT_LOCALE)}
        className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
      >
        ← {t("detail.back")}
      </a>
      <h1 className="mt-4 text-2xl font-bold tracking-tight break-words">
        {message.subject}
      </h1>

      <dl className="mt-6 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white px-4">
        <Field label={t("detail.recipient")}>
          <span className="break-all">{message.to}</span>
        </Field>
        <Field label={t("detail.status")}>
          <EmailStatusBadge status={message.status} sendAfter={message.sendAfter} />
        </Field>
        <Field label={t("detail.attempts")}>
          <span className="tabular-nums">{message.attempts}</span>
        </Field>
        <Field label={t("detail.lastError")}>
          {message.lastError ? (
            <pre className="whitespace-pre-wrap break-words font-mono text-xs text-red-800">
              {message.lastError}
            </pre>
          ) : (
            none
          )}
        </Field>
        <Field label={t("detail.created")}>{when(message.createdAt)}</Field>
        <Field label={t("detail.sentAt")}>
          {message.sentAt ? when(message.sentAt) : none}
        </Field>
        <Field label={t("detail.template")}>
          {isTemplateName(message.template)
            ? t(`templates.${message.template}`)
            : message.template}
        </Field>
        <Field label={t("detail.locale")}>
          {isLocale(message.locale)
            ? LOCALE_NAMES[message.locale]
            : message.locale}
        </Field>
        <Field label={t("detail.merchant")}>
          {message.merchant?.name ?? none}
        </Field>
        <Field label={t("detail.providerMessageId")}>
          {message.providerMessageId ? (
            <code className="break-all font-mono text-xs">
              {message.providerMessageId}
            </code>
          ) : (
            none
          )}
        </Field>
        <Field label={t("detail.idempotencyKey")}>
          <code className="break-all font-mono text-xs">
            {message.idempotencyKey}
          </code>
        </Field>
      </dl>

      <div className="mt-6">
        <ResendEmailButton id={message.id} />
      </div>

      {rendered ? (
        <EmailPreview rendered={rendered} links={links} />
      ) : (
        <Alert tone="error" className="mt-8">
          {t("detail.renderFailed", { error: renderError ?? "" })}
        </Alert>
      )}
      <RefreshWhileQueued active={message.status === "QUEUED"} />
    </div>
  );
}
