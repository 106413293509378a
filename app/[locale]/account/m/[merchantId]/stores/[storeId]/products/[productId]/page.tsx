import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ArchiveProductButton } from "@/components/catalog/archive-product-button";
import { ProductForm } from "@/components/catalog/product-form";
import { productFormText } from "@/components/catalog/product-form-text";
import { requireStoreAccess } from "@/lib/auth/loaders";
import { archiveProductAction, updateProductAction } from "@/lib/catalog/actions";
import { findProductForEdit } from "@/lib/catalog/data";
import type { GiftCardOffer } from "@/lib/gift-cards/rules";
import { currencyDigits, minorToDecimal } from "@/lib/money";
import { pickTranslation, productImageUrl } from "@/lib/catalog/rules";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";

/** The gift-card fields of the form as the merchant typed them (amounts joined by ", "). */
function giftCardFields(offer: GiftCardOffer | null, digits: number): Record<string, string> {
  if (!offer) return {};
  if (offer.kind === "fixed") return { giftCardMode: "fixed", giftCardAmounts: offer.amounts.map((a) => minorToDecimal(a, digits)).join(", ") };
  return { giftCardMode: "range", giftCardMin: minorToDecimal(offer.minCents, digits), giftCardMax: minorToDecimal(offer.maxCents, digits) };
}

type Props = { params: Promise<{ locale: string; merchantId: string; storeId: string; productId: string }> };

/** Managers and owners only; a product of another store or merchant is a 404 like any unknown id. */
async function load(params: Props["params"]) {
  const { merchantId, storeId, productId } = await params;
  const access = await requireStoreAccess(merchantId, storeId, "MANAGER");
  const product = productId.length <= 64 ? await findProductForEdit(access.merchantId, access.store.id, productId) : null;
  if (!product) notFound();
  return { access, product };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { access, product } = await load(params);
  const t = await getTranslations("Catalog.edit");
  const title = pickTranslation(product.translations, access.store.defaultLocale, access.store.defaultLocale)?.title ?? product.slug;
  return { title: t("editTitle", { title }) };
}

export default async function EditProductPage({ params }: Props) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const { access, product } = await load(params);
  const t = await getTranslations("Catalog.edit");
  const tc = await getTranslations("Catalog");
  const title = pickTranslation(product.translations, access.store.defaultLocale, access.store.defaultLocale)?.title ?? product.slug;
  const list = localizedPath(`/account/m/${encodeURIComponent(access.merchantId)}/stores/${encodeURIComponent(access.store.id)}/products`, locale, PLATFORM_DEFAULT_LOCALE);
  const initial: Record<string, string> = {
    slug: product.slug,
    price: minorToDecimal(product.priceCents, currencyDigits(access.store.currency)),
    stock: product.stock === null ? "" : String(product.stock),
    kind: product.kind,
    visibility: product.visibility,
    ...giftCardFields(product.giftCardOffer, currencyDigits(access.store.currency)),
  };
  for (const tr of product.translations) {
    initial[`title.${tr.locale}`] = tr.title;
    initial[`description.${tr.locale}`] = tr.description;
  }
  return (
    <section aria-labelledby="product-title" className="flex flex-col gap-4">
      <h1 id="product-title" className="text-2xl font-bold tracking-tight">
        {t("editTitle", { title })}
      </h1>
      {product.archived ? (
        <p className="text-slate-700">{t("archivedNotice")}</p>
      ) : (
        <>
          <ProductForm
            action={updateProductAction.bind(null, access.merchantId, access.store.id)}
            mode="edit"
            productId={product.id}
            store={{ currency: access.store.currency, defaultLocale: access.store.defaultLocale, locales: access.store.locales }}
            initial={initial}
            images={product.images.map((i, n) => ({ id: i.id, url: productImageUrl(i.storageKey), alt: tc("form.imageAlt", { n: n + 1 }) }))}
            hasDigitalFile={product.hasDigitalFile}
            cancelHref={list}
            text={await productFormText(access.store.currency)}
          />
          <section aria-labelledby="archive-title" className="mt-8 flex flex-col gap-2 border-t border-slate-200 pt-6">
            <h2 id="archive-title" className="text-lg font-semibold">
              {t("archiveTitle")}
            </h2>
            <p className="text-sm text-slate-600">{t("archiveHint")}</p>
            <ArchiveProductButton
              action={archiveProductAction.bind(null, access.merchantId, access.store.id)}
              productId={product.id}
              text={{ button: tc("archive.button"), pending: tc("archive.pending"), confirm: tc("archive.confirm", { title }) }}
            />
          </section>
        </>
      )}
    </section>
  );
}
