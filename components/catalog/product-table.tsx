import { getTranslations } from "next-intl/server";
import { productImageUrl } from "@/lib/catalog/rules";
import type { ProductListItem } from "@/lib/catalog/types";
import type { Locale } from "@/lib/locales";
import { formatMoney } from "@/lib/money";

const BADGE: Record<ProductListItem["visibility"] | "ARCHIVED", string> = {
  PUBLIC: "bg-green-100 text-green-800",
  HIDDEN: "bg-amber-100 text-amber-900",
  DRAFT: "bg-slate-100 text-slate-700",
  ARCHIVED: "bg-slate-200 text-slate-700",
};

/** The merchant area's product list. `editHref` is null for members who may only look. */
export async function ProductTable({
  products,
  currency,
  locale,
  editHref,
}: {
  products: ProductListItem[];
  currency: string;
  locale: Locale;
  editHref: ((id: string) => string) | null;
}) {
  const t = await getTranslations("Catalog");
  const number = new Intl.NumberFormat(locale);
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("list.caption")}</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4">
              {t("list.product")}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t("list.price")}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t("list.stock")}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t("list.visibility")}
            </th>
            {editHref && (
              <th scope="col" className="py-2">
                <span className="sr-only">{t("list.actions")}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {products.map((p) => (
            <tr key={p.id} className="border-b border-slate-100">
              <td className="py-2 pr-4">
                <div className="flex items-center gap-3">
                  {p.imageKey ? (
                    // eslint-disable-next-line @next/next/no-img-element -- served by our own file route
                    <img src={productImageUrl(p.imageKey)} alt="" className="h-10 w-10 rounded object-cover" />
                  ) : (
                    <div aria-hidden="true" className="h-10 w-10 rounded bg-slate-100" />
                  )}
                  <div>
                    <p className="font-medium">{p.title}</p>
                    <p className="text-slate-600">
                      /{p.slug} · {t(`kind.${p.kind}`)}
                    </p>
                  </div>
                </div>
              </td>
              <td className="py-2 pr-4">{formatMoney(p.priceCents, currency, locale)}</td>
              <td className="py-2 pr-4">{p.stock === null ? t("list.unlimited") : number.format(p.stock)}</td>
              <td className="py-2 pr-4">
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${BADGE[p.archived ? "ARCHIVED" : p.visibility]}`}>
                  {p.archived ? t("list.archived") : t(`visibility.${p.visibility}`)}
                </span>
              </td>
              {editHref && (
                <td className="py-2 text-right">
                  {!p.archived && (
                    <a href={editHref(p.id)} className="font-medium text-brand-700 underline">
                      {t("list.edit")}
                      <span className="sr-only"> – {p.title}</span>
                    </a>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
