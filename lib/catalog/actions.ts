"use server";

import { z } from "zod";
import { fail, failFields, ok } from "@/lib/actions/pipeline";
import type { MessageKey } from "@/lib/actions/form-state";
import { merchantStoreAction, type MerchantStoreContext } from "@/lib/auth/action-clients";
import { cacheTags } from "@/lib/cache";
import { PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";
import { archiveProduct, createProduct, updateProduct, type CatalogActor, type ProductWrite } from "./mutations";
import { formatMoney } from "@/lib/money";
import {
  GIFT_CARD_MAX_AMOUNT_CENTS,
  GIFT_CARD_MIN_AMOUNT_CENTS,
  productEditSchema,
  productFormSchema,
  readImageUploads,
  type CatalogFieldError,
  type ProductFormInput,
} from "./schema";
import type { CatalogResult } from "./types";

/**
 * The product forms' server actions: bound to (merchantId, storeId) by the page, the product
 * edited or archived being a hidden field. The pipeline parses the form (field errors, nothing
 * written) behind the store gate with MANAGER (another merchant's store: notFound; staff:
 * forbidden); each calls one mutation and goes back to the product list.
 */

const errorKey = (code: CatalogFieldError): MessageKey => `Catalog.errors.${code}`;

function actorOf(ctx: MerchantStoreContext): CatalogActor {
  return { ...ctx.actor, defaultLocale: ctx.store.defaultLocale };
}

/** The images are checked by their bytes; null when one is not an accepted image. */
async function writeOf({ images, digitalFile, ...input }: ProductFormInput): Promise<ProductWrite | null> {
  const uploads = await readImageUploads(images);
  if (!uploads) return null;
  const digital = digitalFile && input.kind === "DIGITAL" ? new Uint8Array(await digitalFile.arrayBuffer()) : null;
  return { input, images: uploads, digitalFile: digital };
}

/** The gift-card amount limits some refusals name, in the store's currency. */
function giftCardLimits(ctx: MerchantStoreContext) {
  return {
    min: formatMoney(GIFT_CARD_MIN_AMOUNT_CENTS, ctx.store.currency, ctx.locale),
    max: formatMoney(GIFT_CARD_MAX_AMOUNT_CENTS, ctx.store.currency, ctx.locale),
  };
}

async function afterSave(result: CatalogResult<unknown>, ctx: MerchantStoreContext) {
  if (!result.ok) {
    if (result.reason === "notFound") return fail("Catalog.formErrors.notFound");
    return failFields(Object.fromEntries(Object.entries(result.fieldErrors).map(([field, code]) => [field, errorKey(code)])));
  }
  const list = `/account/m/${encodeURIComponent(ctx.merchantId)}/stores/${encodeURIComponent(ctx.store.id)}/products`;
  return ok(undefined, { invalidate: [cacheTags.store(ctx.store.id)], redirectTo: localizedPath(list, ctx.locale, PLATFORM_DEFAULT_LOCALE) });
}

export const createProductAction = merchantStoreAction({ role: "MANAGER" })({
  schema: (ctx) => productFormSchema(ctx.store),
  messages: "Catalog.errors",
  messageParams: giftCardLimits,
  handler: async (input, ctx) => {
    const write = await writeOf(input);
    if (!write) return failFields({ images: "Catalog.errors.imageType" });
    return afterSave(await createProduct(actorOf(ctx), write), ctx);
  },
});

export const updateProductAction = merchantStoreAction({ role: "MANAGER" })({
  schema: (ctx) => z.intersection(productEditSchema, productFormSchema(ctx.store)),
  messages: "Catalog.errors",
  messageParams: giftCardLimits,
  handler: async ({ productId, ...input }, ctx) => {
    if (!productId) return fail("Catalog.formErrors.notFound");
    const write = await writeOf(input);
    if (!write) return failFields({ images: "Catalog.errors.imageType" });
    return afterSave(await updateProduct(actorOf(ctx), productId, write), ctx);
  },
});

export const archiveProductAction = merchantStoreAction({ role: "MANAGER" })({
  schema: productEditSchema,
  messages: "Catalog.errors",
  handler: async ({ productId }, ctx) => {
    if (!productId) return fail("Catalog.formErrors.notFound");
    return afterSave(await archiveProduct(actorOf(ctx), productId), ctx);
  },
});
