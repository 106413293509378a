import { getTranslations } from "next-intl/server";
import { EMAIL_STATUSES } from "@/lib/email/types";
import { NO_MERCHANT, type MailboxFilter } from "@/lib/email/schema";
import type { TemplateName } from "@/lib/email/templates/registry";

const fieldClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";

/** The outbox filters: a plain GET form, so every filtered view has its own URL. */
export async function MailboxFilters({
  action,
  filter,
  templates,
  merchants,
}: {
  action: string;
  filter: MailboxFilter;
  templates: readonly TemplateName[];
  merchants: Array<{ id: string; name: string }>;
}) {
  const t = await getTranslations("Mailbox");
  return (
    <form method="get" action={action} className="mt-6 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <fieldset>
        <legend className="sr-only">{t("filters.legend")}</legend>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <label className="block text-sm font-medium text-slate-700">
            {t("filters.status")}
            <select name="status" defaultValue={filter.status ?? ""} className={fieldClass}>
              <option value="">{t("filters.any")}</option>
              {EMAIL_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium text-slate-700">
            {t("filters.template")}
            <select name="template" defaultValue={filter.template ?? ""} className={fieldClass}>
              <option value="">{t("filters.any")}</option>
              {templates.map((template) => (
                <option key={template} value={template}>
                  {t(`templates.${template}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium text-slate-700">
            {t("filters.merchant")}
            <select name="merchant" defaultValue={filter.merchant ?? ""} className={fieldClass}>
              <option value="">{t("filters.any")}</option>
              <option value={NO_MERCHANT}>{t("filters.noMerchant")}</option>
              {merchants.map((merchant) => (
                <option key={merchant.id} value={merchant.id}>
                  {merchant.name}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium text-slate-700">
            {t("filters.recipient")}
            <input
              type="search"
              name="recipient"
              defaultValue={filter.recipient ?? ""}
              placeholder={t("filters.recipientPlaceholder")}
              autoComplete="off"
              maxLength={254}
              className={fieldClass}
            />
          </label>
        </div>
        <div className="mt-4 flex items-center gap-3">
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {t("filters.apply")}
          </button>
          <a href={action} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("filters.reset")}
          </a>
        </div>
      </fieldset>
    </form>
  );
}
