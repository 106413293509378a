import { getTranslations } from "next-intl/server";
import { giftCardPriceText } from "@/components/gift-cards/price";
import { productImageUrl } from "@/lib/catalog/rules";
import type { StorefrontProduct } from "@/lib/catalog/types";
import type { Locale } from "@/lib/locales";
import { formatMoney } from "@/lib/money";
import { localizedPath } from "@/lib/tenancy/urls";

/** Few enough left to say how many. */
const LOW_STOCK = 5;

/** A storefront product page: images, title, price, stock state and description. */
export async function ProductDetails({
  product,
  currency,
  locale,
  defaultLocale,
  backLabel,
  children,
}: {
  product: StorefrontProduct;
  currency: string;
  locale: Locale;
  defaultLocale: Locale;
  backLabel: string;
  /** The buy controls (add to cart). */
  children?: React.ReactNode;
}) {
  const [t, tg] = await Promise.all([getTranslations("Catalog.storefront"), getTranslations("GiftCards.product")]);
  const money = (cents: number) => formatMoney(cents, currency, locale);
  const price = product.giftCardOffer ? giftCardPriceText(product.giftCardOffer, money, (p) => tg("from", { price: p })) : money(product.priceCents);
  const [main, ...more] = product.imageKeys;
  const soldOut = product.stock === 0;
  const stockText =
    product.stock === null ? t("inStock") : soldOut ? t("soldOut") : product.stock <= LOW_STOCK ? t("fewLeft", { count: product.stock }) : t("inStock");
  return (
    <article className="flex flex-col gap-6">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <a href={localizedPath("/", locale, defaultLocale)} className="text-brand-700 underline">
          {backLabel}
        </a>
      </nav>
      <div className="grid gap-8 md:grid-cols-2">
        <div className="flex flex-col gap-2">
          {main ? (
            // eslint-disable-next-line @next/next/no-img-element -- served by our own file route
            <img src={productImageUrl(main)} alt={t("imageAlt", { title: product.title, n: 1 })} className="w-full rounded-lg border border-slate-200 object-cover" />
          ) : (
            <div aria-hidden="true" className="aspect-square w-full rounded-lg bg-slate-100" />
          )}
          {more.length > 0 && (
            <ul className="grid grid-cols-4 gap-2">
              {more.map((key, i) => (
                <li key={key}>
                  {/* eslint-disable-next-line @next/next/no-img-element -- served by our own file route */}
                  <img src={productImageUrl(key)} alt={t("imageAlt", { title: product.title, n: i + 2 })} className="aspect-square w-full rounded border border-slate-200 object-cover" loading="lazy" />
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="flex flex-col gap-4">
          <h1 className="text-3xl font-bold tracking-tight wrap-anywhere">{product.title}</h1>
          <p className="text-2xl font-semibold" data-testid="product-price">
            {price}
          </p>
          <p className={soldOut ? "font-medium text-red-700" : "text-green-800"}>{stockText}</p>
          {product.kind === "DIGITAL" && <p className="text-sm text-slate-600">{t("digitalNote")}</p>}
          {children}
          {product.description && <div className="whitespace-pre-line text-slate-800 wrap-anywhere">{product.description}</div>}
        </div>
      </div>
    </article>
  );
}
