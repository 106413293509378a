import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/** The translated 404 text, then `action` (a way back, when there is one); the page around it provides the <main> landmark. */
export function NotFoundMessage({ action }: { action?: ReactNode }) {
  const t = useTranslations("NotFound");
  return (
    <section className="mx-auto flex min-h-[60vh] max-w-xl flex-col items-center justify-center gap-3 p-8 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-slate-600">{t("body")}</p>
      {action}
    </section>
  );
}
