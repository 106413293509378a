import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { MailboxFilters } from "@/components/email/mailbox-filters";
import { MailboxPagination } from "@/components/email/mailbox-pagination";
import { MailboxTable } from "@/components/email/mailbox-table";
import { RefreshWhileQueued } from "@/components/email/refresh-while-queued";
import { loadMailbox } from "@/lib/admin/loaders";
import { MAILBOX_RECIPIENT_MAX, type MailboxFilter } from "@/lib/email/schema";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";
import { Alert } from "@/components/ui/alert";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({
    locale: isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE,
    namespace: "Mailbox",
  });
  return { title: t("metaTitle") };
}

function query(filter: MailboxFilter, page: number): string {
  const params = new URLSearchParams();
  for (const key of ["status", "template", "merchant", "recipient"] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export default async function MailboxPage({ params, searchParams }: Props) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const view = await loadMailbox(await searchParams);
  const t = await getTranslations("Mailbox");
  const ta = await getTranslations("AdminArea");
  const base = localizedPath("/admin/emails", locale, PLATFORM_DEFAULT_LOCALE);
  const filtered = Boolean(
    view.filter.status ||
    view.filter.template ||
    view.filter.merchant ||
    view.filter.recipient,
  );

  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <AdminNav locale={locale} current="emails" />
      <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("lead")}</p>
      {view.devMailbox && (
        <p className="mt-4 rounded-md border border-brand-600/20 bg-brand-50 p-3 text-sm text-brand-700">
          {t("devModeNotice")}
        </p>
      )}

      {view.pageIgnored && (
        <Alert tone="warning" role="alert" className="mt-4">
          {ta("mailbox.pageIgnored")}
        </Alert>
      )}

      <MailboxFilters
        action={base}
        filter={view.filter}
        templates={view.templates}
        merchants={view.merchants}
      />

      {view.page === null ? (
        <Alert tone="error" className="mt-6">
          <p className="font-medium">{ta("mailbox.refused")}</p>
          <ul className="mt-1 list-disc pl-5">
            {view.refused.map((field) => (
              <li key={field}>
                {field === "status" && ta("mailbox.refusedStatus")}
                {field === "template" && ta("mailbox.refusedTemplate")}
                {field === "merchant" && ta("mailbox.refusedMerchant")}
                {field === "recipient" &&
                  ta("mailbox.refusedRecipient", {
                    max: MAILBOX_RECIPIENT_MAX,
                  })}
              </li>
            ))}
          </ul>
        </Alert>
      ) : view.page.rows.length === 0 ? (
        <div className="mt-6 rounded-lg border border-dashed border-slate-300 p-10 text-center">
          {filtered ? (
            <p className="text-slate-700">{t("emptyFiltered")}</p>
          ) : (
            <>
              <h2 className="text-lg font-semibold">{t("emptyTitle")}</h2>
              <p className="mt-2 text-slate-600">{t("emptyBody")}</p>
            </>
          )}
        </div>
      ) : (
        <>
          <p className="mt-6 text-sm text-slate-600" aria-live="polite">
            {t("total", { count: view.page.total })}
          </p>
          <MailboxTable
            rows={view.page.rows}
            hrefOf={(id) => `${base}/${encodeURIComponent(id)}`}
          />
          <MailboxPagination
            page={view.page.page}
            pageCount={view.page.pageCount}
            hrefOfPage={(p) => `${base}${query(view.filter, p)}`}
          />
        </>
      )}
      <RefreshWhileQueued
        active={view.page?.rows.some((row) => row.status === "QUEUED") ?? false}
      />
    </div>
  );
}
