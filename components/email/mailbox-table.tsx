import { getFormatter, getTranslations } from "next-intl/server";
import { isTemplateName } from "@/lib/email/templates/registry";
import type { MailboxRow } from "@/lib/email/types";
import { EmailStatusBadge } from "./email-status-badge";

/** The outbox rows; each subject links to the message. */
export async function MailboxTable({ rows, hrefOf }: { rows: MailboxRow[]; hrefOf: (id: string) => string }) {
  const t = await getTranslations("Mailbox");
  const format = await getFormatter();
  return (
    <div className="relative mt-6 overflow-x-auto rounded-lg border border-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{t("tableCaption")}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">{t("columns.created")}</th>
            <th scope="col" className="px-3 py-2">{t("columns.recipient")}</th>
            <th scope="col" className="px-3 py-2">{t("columns.subject")}</th>
            <th scope="col" className="px-3 py-2">{t("columns.template")}</th>
            <th scope="col" className="px-3 py-2">{t("columns.merchant")}</th>
            <th scope="col" className="px-3 py-2">{t("columns.status")}</th>
            <th scope="col" className="px-3 py-2 text-right">{t("columns.attempts")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                <time dateTime={row.createdAt.toISOString()}>{format.dateTime(row.createdAt, { dateStyle: "short", timeStyle: "medium" })}</time>
              </td>
              <td className="px-3 py-2 break-all">{row.to}</td>
              <td className="px-3 py-2">
                <a href={hrefOf(row.id)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {row.subject}
                </a>
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-slate-600">{isTemplateName(row.template) ? t(`templates.${row.template}`) : row.template}</td>
              <td className="px-3 py-2 text-slate-600">{row.merchant?.name ?? "—"}</td>
              <td className="px-3 py-2">
                <EmailStatusBadge status={row.status} sendAfter={row.sendAfter} />
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{row.attempts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
