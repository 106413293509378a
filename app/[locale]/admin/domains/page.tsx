import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DomainActionForm } from "@/components/domains/domain-action-form";
import { DomainStatusBadge } from "@/components/domains/domain-status-badge";
import { DataTable } from "@/components/layout/data-table";
import { recheckDomainAction } from "@/lib/domains/actions";
import { loadAdminDomains } from "@/lib/domains/loaders";
import { INTL_TAGS, isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { DEFAULT_TIME_ZONE } from "@/lib/time";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({
    locale: isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE,
    namespace: "Domains.admin",
  });
  return { title: t("title") };
}

/** Every custom domain of the platform with its state and last check; re-check on demand. */
export default async function AdminDomainsPage({ params }: Props) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const domains = await loadAdminDomains();
  const [t, ta] = await Promise.all([
    getTranslations("Domains"),
    getTranslations("Domains.admin"),
  ]);
  const when = new Intl.DateTimeFormat(INTL_TAGS[locale], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: DEFAULT_TIME_ZONE,
  });
  return (
    <section
      aria-labelledby="admin-domains-title"
      className="flex flex-col gap-4"
    >
      <h1
        id="admin-domains-title"
        className="text-3xl font-bold tracking-tight"
      >
        {ta("title")}
      </h1>
      {domains.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600">
          {ta("empty")}
        </p>
      ) : (
        <DataTable
          columns={[
            { label: t("domain") },
            { label: ta("store") },
            { label: ta("state") },
            { label: ta("lastCheck") },
            { label: ta("actions") },
          ]}
        >
          {domains.map((d) => (
            <tr
              key={d.id}
              data-testid="admin-domain-row"
              data-domain={d.domain}
            >
              <td className="py-2 pr-4 font-mono">{d.domain}</td>
              <td className="py-2 pr-4">
                {d.store.name} · {d.merchant.name}
              </td>
              <td className="py-2 pr-4">
                <DomainStatusBadge
                  status={d.status}
                  label={t(`status.${d.status}`)}
                />
              </td>
              <td className="py-2 pr-4">
                {d.lastCheckedAt
                  ? when.format(d.lastCheckedAt)
                  : t("neverChecked")}
                {d.lastError
                  ? ` · ${t(`results.${d.lastError as "txtMissing"}`)}`
                  : ""}
              </td>
              <td className="py-2">
                <DomainActionForm
                  action={recheckDomainAction}
                  submitLabel={ta("recheck")}
                  pendingLabel={t("verifying")}
                  doneLabel={t("results.verified")}
                  variant="secondary"
                >
                  <input type="hidden" name="domainId" value={d.id} />
                </DomainActionForm>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
