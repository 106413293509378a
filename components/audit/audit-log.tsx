import { ResultTable } from "@/components/admin/result-table";
import { getLocale, getTranslations } from "next-intl/server";
import { formatterFor } from "@/lib/i18n/format";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import type { AuditView } from "@/lib/audit-log/loaders";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";

const fieldClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";

/**
 * The audit log: GET filters (action, actor, merchant for admins, days) and the events, newest
 * first. Malformed filters show what is wrong and list nothing.
 */
export async function AuditLog({
  view,
  action,
  showMerchant,
}: {
  view: AuditView;
  action: string;
  showMerchant: boolean;
}) {
  const t = await getTranslations("Audit");
  const locale = await getLocale();
  const format = formatterFor(
    isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE,
    view.timeZone,
  );
  const values: Record<string, string | undefined> = view.ok
    ? {
        action: view.filter.action,
        actor: view.filter.actor,
        merchant: view.filter.merchant,
        from: view.filter.from,
        to: view.filter.to,
      }
    : view.raw;
  const hrefOf = (page: number) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(values)) if (v) p.set(k, v);
    if (page > 1) p.set("page", String(page));
    const text = p.toString();
    return text ? `${action}?${text}` : action;
  };
  const text = (name: "action" | "actor" | "merchant", type = "search") => (
    <label className="block text-sm font-medium text-slate-700">
      {t(`filters.${name}`)}
      <input
        type={type}
        name={name}
        defaultValue={values[name] ?? ""}
        placeholder={t(`filters.${name}Placeholder`)}
        maxLength={254}
        autoComplete="off"
        className={fieldClass}
      />
    </label>
  );
  const date = (name: "from" | "to") => (
    <label className="block text-sm font-medium text-slate-700">
      {t(`filters.${name}`)}
      <input
        type="date"
        name={name}
        defaultValue={values[name] ?? ""}
        className={fieldClass}
      />
    </label>
  );

  return (
    <div className="flex flex-col gap-4">
      <form
        method="get"
        action={action}
        className="rounded-lg border border-slate-200 bg-slate-50 p-4"
      >
        <fieldset>
          <legend className="sr-only">{t("filters.legend")}</legend>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {text("action")}
            {text("actor")}
            {showMerchant && text("merchant")}
            {date("from")}
            {date("to")}
          </div>
          <div className="mt-4 flex items-center gap-3">
            <button
              type="submit"
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              {t("filters.apply")}
            </button>
            <a
              href={action}
              className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
            >
              {t("filters.reset")}
            </a>
          </div>
        </fieldset>
      </form>

      {!view.ok ? (
        <Alert tone="error">
          <p className="font-medium">{t("errors.title")}</p>
          <ul className="mt-1 list-disc pl-5">
            {view.errors.map((e) => (
              <li key={e}>{t(`errors.${e}`)}</li>
            ))}
          </ul>
        </Alert>
      ) : view.page.rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ResultTable
          caption={t("caption")}
          total={t("total", { count: view.page.total })}
          columns={[
            { label: t("columns.time") },
            { label: t("columns.action") },
            { label: t("columns.target") },
            { label: t("columns.actor") },
            ...(showMerchant ? [{ label: t("columns.merchant") }] : []),
            { label: t("columns.details") },
          ]}
          page={view.page}
          hrefOf={hrefOf}
          alignTop
        >
          {view.page.rows.map((e) => (
            <tr key={e.id}>
              <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                <time dateTime={e.createdAt.toISOString()}>
                  {format.dateTime(e.createdAt, {
                    dateStyle: "short",
                    timeStyle: "medium",
                  })}
                </time>
              </td>
              <td className="px-3 py-2">
                <code className="font-mono text-xs">{e.action}</code>
              </td>
              <td className="px-3 py-2 text-slate-700">
                {e.targetType}
                {e.targetId && (
                  <code className="block break-all font-mono text-xs text-slate-500">
                    {e.targetId}
                  </code>
                )}
              </td>
              <td className="px-3 py-2 break-all">
                {e.actorEmail ?? t("system")}
              </td>
              {showMerchant && (
                <td className="px-3 py-2 text-slate-700">
                  {e.merchant?.name ?? t("platform")}
                </td>
              )}
              <td className="px-3 py-2 text-xs text-slate-600">
                {e.details && (
                  <code className="block max-w-xs break-all font-mono">
                    {e.details}
                  </code>
                )}
                {e.requestId && (
                  <span className="block">
                    {t("requestId")}{" "}
                    <code className="break-all font-mono">{e.requestId}</code>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </ResultTable>
      )}
    </div>
  );
}
