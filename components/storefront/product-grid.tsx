import { getTranslations } from "next-intl/server";
import { giftCardPriceText } from "@/components/gift-cards/price";
import { productImageUrl } from "@/lib/catalog/rules";
import type { ProductCard } from "@/lib/catalog/types";
import type { Locale } from "@/lib/locales";
import { formatMoney } from "@/lib/money";
import { localizedPath } from "@/lib/tenancy/urls";

/** The storefront's product cards; each one links to its product page. */
export async function ProductGrid({
  products,
  currency,
  locale,
  defaultLocale,
}: {
  products: ProductCard[];
  currency: string;
  locale: Locale;
  defaultLocale: Locale;
}) {
  const [t, tg] = await Promise.all([getTranslations("Catalog.storefront"), getTranslations("GiftCards.product")]);
  const money = (cents: number) => formatMoney(cents, currency, locale);
  return (
    <ul className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {products.map((p) => (
        <li key={p.id} className="overflow-hidden rounded-lg border border-slate-200 shadow-sm">
          <a href={localizedPath(`/p/${p.slug}`, locale, defaultLocale)} className="flex h-full flex-col hover:bg-slate-50">
            {p.imageKey ? (
              // eslint-disable-next-line @next/next/no-img-element -- served by our own file route, already sized by the merchant
              <img src={productImageUrl(p.imageKey)} alt="" className="aspect-square w-full object-cover" loading="lazy" />
            ) : (
              <div aria-hidden="true" className="aspect-square w-full bg-slate-100" />
            )}
            <div className="flex flex-col gap-1 p-4">
              <h3 className="font-medium">{p.title}</h3>
              <p className="text-slate-700">{p.giftCardOffer ? giftCardPriceText(p.giftCardOffer, money, (price) => tg("from", { price })) : money(p.priceCents)}</p>
              {p.stock === 0 && <p className="text-sm text-red-700">{t("soldOut")}</p>}
            </div>
          </a>
        </li>
      ))}
    </ul>
  );
}
