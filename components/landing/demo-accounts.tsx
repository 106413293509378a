import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/locales";
import type { DemoDirectory } from "@/lib/tenancy/demo";
import { localizedPath } from "@/lib/tenancy/urls";

export async function DemoAccounts({ directory, locale }: { directory: DemoDirectory; locale: Locale }) {
  const t = await getTranslations("Landing");
  const tc = await getTranslations("Common");
  return (
    <section aria-labelledby="demo-heading" className="mt-16 rounded-lg border border-amber-300 bg-amber-50 p-6">
      <p className="text-xs font-semibold uppercase tracking-wide text-amber-800">{tc("devOnly")}</p>
      <h2 id="demo-heading" className="mt-1 text-xl font-semibold">
        {t("demoTitle")}
      </h2>
      <p className="mt-2 text-slate-700">
        {t.rich("demoLead", { password: directory.password, code: (chunks) => <code>{chunks}</code> })}
      </p>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-amber-200">
              <th scope="col" className="py-2 pr-4">{t("demoRole")}</th>
              <th scope="col" className="py-2 pr-4">{t("demoEmail")}</th>
              <th scope="col" className="py-2">{t("demoWhere")}</th>
            </tr>
          </thead>
          <tbody>
            {directory.users.map((u) => (
              <tr key={u.email} className="border-b border-amber-100">
                <td className="py-2 pr-4">{t(`roles.${u.key}`)}</td>
                <td className="py-2 pr-4 font-mono">{u.email}</td>
                <td className="py-2">
                  <a className="text-brand-700 underline" href={u.signInUrl}>
                    {u.signInUrl}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="mt-6 font-semibold">{t("demoStores")}</h3>
      <ul className="mt-2 list-disc pl-6 text-sm">
        {directory.stores.map((s) => (
          <li key={s.url}>
            <a className="text-brand-700 underline" href={s.url}>
              {s.name}
            </a>{" "}
            <span className="text-slate-500">{s.url}</span>
          </li>
        ))}
      </ul>
      <p className="mt-4 text-sm text-slate-700">{t("mailboxHint", { path: localizedPath("/admin/emails", locale, "en") })}</p>
    </section>
  );
}
