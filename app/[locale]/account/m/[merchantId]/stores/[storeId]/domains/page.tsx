import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DomainActionForm } from "@/components/domains/domain-action-form";
import { DomainStatusBadge } from "@/components/domains/domain-status-badge";
import { addDomainAction, removeDomainAction, verifyDomainAction } from "@/lib/domains/actions";
import { loadStoreDomains } from "@/lib/domains/loaders";
import { INTL_TAGS, isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";

type Props = { params: Promise<{ locale: string; merchantId: string; storeId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { merchantId, storeId } = await params;
  const { access } = await loadStoreDomains(merchantId, storeId);
  const t = await getTranslations("Domains");
  return { title: `${t("title")} · ${access.store.name}` };
}

/** A store's custom domains: add one, see the DNS records to create, verify, remove (owners only). */
export default async function StoreDomainsPage({ params }: Props) {
  const { locale: raw, merchantId, storeId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const { access, targets, domains } = await loadStoreDomains(merchantId, storeId);
  const t = await getTranslations("Domains");
  const when = new Intl.DateTimeFormat(INTL_TAGS[locale], { dateStyle: "medium", timeStyle: "short", timeZone: access.store.timeZone });
  const bind = <A extends unknown[], R>(fn: (m: string, s: string, ...rest: A) => R) => fn.bind(null, access.merchantId, access.store.id) as (...rest: A) => R;
  return (
    <section aria-labelledby="domains-title" className="flex flex-col gap-6">
      <header>
        <h1 id="domains-title" className="text-2xl font-bold tracking-tight">
          {t("title")}
        </h1>
        <p className="mt-1 text-slate-600">{t("lead")}</p>
      </header>
      <DomainActionForm action={bind(addDomainAction)} submitLabel={t("add")} pendingLabel={t("adding")} doneLabel={t("results.added")} className="flex max-w-xl flex-col gap-2">
        <label htmlFor="domain" className="text-sm font-medium text-slate-900">
          {t("domain")}
        </label>
        <input id="domain" name="domain" placeholder="shop.example.com" autoComplete="off" spellCheck={false} className="rounded-md border border-slate-300 px-3 py-2 shadow-sm" />
      </DomainActionForm>
      {domains.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {domains.map((d) => (
            <li key={d.id} data-testid="domain-row" data-domain={d.domain} className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="font-mono text-lg font-semibold">{d.domain}</h2>
                <DomainStatusBadge status={d.status} label={t(`status.${d.status}`)} />
              </div>
              <p className="text-sm text-slate-600">
                {d.lastCheckedAt ? t("lastChecked", { date: when.format(d.lastCheckedAt) }) : t("neverChecked")}
                {d.lastError ? ` · ${t(`results.${d.lastError as "txtMissing"}`)}` : ""}
              </p>
              {d.status !== "VERIFIED" && (
                <div className="overflow-x-auto">
                  <p className="text-sm font-medium">{t("recordsLead")}</p>
                  <table className="mt-2 w-full text-left font-mono text-sm">
                    <thead className="text-slate-600">
                      <tr>
                        <th scope="col" className="pr-4">{t("recordType")}</th>
                        <th scope="col" className="pr-4">{t("recordName")}</th>
                        <th scope="col">{t("recordValue")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <tr>
                        <td className="pr-4">TXT</td>
                        <td className="pr-4 break-all">{d.proof.name}</td>
                        <td className="break-all">{d.proof.value}</td>
                      </tr>
                      <tr>
                        <td className="pr-4">CNAME</td>
                        <td className="pr-4 break-all">{d.domain}</td>
                        <td className="break-all">{targets.cname}</td>
                      </tr>
                      {targets.a && (
                        <tr>
                          <td className="pr-4">A</td>
                          <td className="pr-4 break-all">{d.domain}</td>
                          <td>{targets.a}</td>
                        </tr>
                      )}
                    </tbody>
                  </table>
                  {targets.a && <p className="mt-1 text-sm text-slate-600">{t("cnameOrA")}</p>}
                </div>
              )}
              <div className="flex flex-wrap gap-3">
                <DomainActionForm action={bind(verifyDomainAction)} submitLabel={t("verify")} pendingLabel={t("verifying")} doneLabel={t("results.verified")} variant="secondary">
                  <input type="hidden" name="domainId" value={d.id} />
                </DomainActionForm>
                <DomainActionForm action={bind(removeDomainAction)} submitLabel={t("remove")} pendingLabel={t("removing")} doneLabel={t("results.removed")} variant="danger">
                  <input type="hidden" name="domainId" value={d.id} />
                </DomainActionForm>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
