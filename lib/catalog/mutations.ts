import "server-only";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { db, Prisma, type Tx } from "@/lib/db";
import type { Locale } from "@/lib/locales";
import { deleteFiles, newStorageKey, putFile } from "@/lib/storage";
import { IMAGE_TYPES } from "@/lib/storage/keys";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { MAX_IMAGES, NO_GIFT_CARD_OFFER, type ImageUpload, type ProductFormInput } from "./schema";
import type { CatalogResult } from "./types";

/**
 * Catalog writes for the merchant area. Callers (the actions) have passed the store gate with
 * MANAGER or above; these functions trust the ids they get from it and nothing else: the
 * product is always looked up with merchant and store in the `where`. Files are written before
 * the transaction and removed again when it fails, so a failed save leaves nothing behind.
 */

export interface CatalogActor {
  merchantId: MerchantId;
  storeId: StoreId;
  userId: string;
  defaultLocale: Locale;
}

export interface ProductWrite {
  input: Omit<ProductFormInput, "images" | "digitalFile">;
  images: ImageUpload[];
  digitalFile: Uint8Array | null;
}

function translationRows(input: ProductWrite["input"]) {
  return Object.entries(input.translations)
    .filter(([, t]) => t.title !== "")
    .map(([locale, t]) => ({ locale, title: t.title, description: t.description }));
}

async function storeUploads(merchantId: MerchantId, write: ProductWrite): Promise<{ imageKeys: string[]; digitalKey: string | null }> {
  const written: string[] = [];
  try {
    const imageKeys: string[] = [];
    for (const image of write.images) {
      const key = newStorageKey(`images/${merchantId}`, IMAGE_TYPES[image.type]);
      await putFile(key, image.bytes);
      written.push(key);
      imageKeys.push(key);
    }
    let digitalKey: string | null = null;
    if (write.digitalFile) {
      digitalKey = newStorageKey(`digital/${merchantId}`);
      await putFile(digitalKey, write.digitalFile);
      written.push(digitalKey);
    }
    return { imageKeys, digitalKey };
  } catch (error) {
    await deleteFiles(written);
    throw error;
  }
}

function isSlugConflict(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function slugTaken(tx: Tx, actor: CatalogActor, slug: string, exceptId?: string): Promise<boolean> {
  const other = await tx.product.findFirst({
    where: { merchantId: actor.merchantId, storeId: actor.storeId, slug, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  return other !== null;
}

/** The offer columns: a gift card's amounts (the DB checks their shape), cleared for other kinds. */
function giftCardColumns(input: ProductWrite["input"]) {
  const offer = input.kind === "GIFT_CARD" ? input.giftCard : NO_GIFT_CARD_OFFER;
  return { giftCardAmounts: offer.amounts, giftCardMinCents: offer.minCents, giftCardMaxCents: offer.maxCents };
}

const SLUG_TAKEN = { ok: false, reason: "invalid", fieldErrors: { slug: "slugTaken" } } as const;

/** Creates a product with its translations and images. A digital product must come with its file. */
export async function createProduct(actor: CatalogActor, write: ProductWrite): Promise<CatalogResult<{ id: string }>> {
  const { input } = write;
  if (input.kind === "DIGITAL" && !write.digitalFile) {
    return { ok: false, reason: "invalid", fieldErrors: { digitalFile: "digitalFileRequired" } };
  }
  const uploads = await storeUploads(actor.merchantId, write);
  try {
    const result = await db.$transaction(async (tx): Promise<CatalogResult<{ id: string }>> => {
      if (await slugTaken(tx, actor, input.slug)) return SLUG_TAKEN;
      const product = await tx.product.create({
        data: {
          merchantId: actor.merchantId,
          storeId: actor.storeId,
          slug: input.slug,
          priceCents: input.price,
          stock: input.stock,
          kind: input.kind,
          visibility: input.visibility,
          ...giftCardColumns(input),
          digitalFileKey: input.kind === "DIGITAL" ? uploads.digitalKey : null,
          translations: { create: translationRows(input) },
          // merchantId comes with the (productId, merchantId) relation.
          images: { create: uploads.imageKeys.map((storageKey, position) => ({ storageKey, position })) },
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        merchantId: actor.merchantId,
        actorUserId: actor.userId,
        action: "product.create",
        targetType: "Product",
        targetId: product.id,
        data: { storeId: actor.storeId, slug: input.slug, priceCents: input.price, visibility: input.visibility },
      });
      return { ok: true, value: product };
    });
    if (!result.ok) await deleteFiles([...uploads.imageKeys, ...(uploads.digitalKey ? [uploads.digitalKey] : [])]);
    else if (input.kind !== "DIGITAL" && uploads.digitalKey) await deleteFiles([uploads.digitalKey]);
    return result;
  } catch (error) {
    await deleteFiles([...uploads.imageKeys, ...(uploads.digitalKey ? [uploads.digitalKey] : [])]);
    if (isSlugConflict(error)) return SLUG_TAKEN;
    throw error;
  }
}

/**
 * Updates a product of the actor's store: fields, translations (a blank optional translation
 * is removed), removed and added images, and a replaced digital file. Archived products are
 * read-only. Another store's or merchant's product id: notFound, nothing changed.
 */
export async function updateProduct(actor: CatalogActor, productId: string, write: ProductWrite): Promise<CatalogResult<{ id: string }>> {
  const { input } = write;
  const uploads = await storeUploads(actor.merchantId, write);
  const fresh = [...uploads.imageKeys, ...(uploads.digitalKey ? [uploads.digitalKey] : [])];
  let removedKeys: string[] = [];
  try {
    const result = await db.$transaction(async (tx): Promise<CatalogResult<{ id: string }>> => {
      const where = { id: productId, merchantId: actor.merchantId, storeId: actor.storeId, archivedAt: null };
      const current = await tx.product.findFirst({
        where,
        select: { id: true, digitalFileKey: true, images: { select: { id: true, storageKey: true, position: true } } },
      });
      if (!current) return { ok: false, reason: "notFound" };
      if (await slugTaken(tx, actor, input.slug, current.id)) return SLUG_TAKEN;
      const digitalFileKey = input.kind === "DIGITAL" ? (uploads.digitalKey ?? current.digitalFileKey) : current.digitalFileKey;
      if (input.kind === "DIGITAL" && !digitalFileKey) {
        return { ok: false, reason: "invalid", fieldErrors: { digitalFile: "digitalFileRequired" } };
      }
      const removed = current.images.filter((i) => input.removeImageIds.includes(i.id));
      const kept = current.images.length - removed.length;
      if (kept + uploads.imageKeys.length > MAX_IMAGES) return { ok: false, reason: "invalid", fieldErrors: { images: "tooManyImages" } };
      const nextPosition = current.images.reduce((max, i) => Math.max(max, i.position + 1), 0);
      await tx.product.updateMany({
        where: { id: current.id, merchantId: actor.merchantId, storeId: actor.storeId },
        data: {
          slug: input.slug,
          priceCents: input.price,
          stock: input.stock,
          kind: input.kind,
          visibility: input.visibility,
          ...giftCardColumns(input),
          digitalFileKey,
          updatedAt: new Date(),
        },
      });
      const rows = translationRows(input);
      await tx.productTranslation.deleteMany({ where: { productId: current.id, locale: { notIn: rows.map((r) => r.locale) } } });
      for (const row of rows) {
        await tx.productTranslation.upsert({
          where: { productId_locale: { productId: current.id, locale: row.locale } },
          create: { productId: current.id, ...row },
          update: { title: row.title, description: row.description },
        });
      }
      if (removed.length > 0) {
        await tx.productImage.deleteMany({ where: { merchantId: actor.merchantId, productId: current.id, id: { in: removed.map((i) => i.id) } } });
      }
      if (uploads.imageKeys.length > 0) {
        await tx.productImage.createMany({
          data: uploads.imageKeys.map((storageKey, i) => ({ merchantId: actor.merchantId, productId: current.id, storageKey, position: nextPosition + i })),
        });
      }
      await recordAuditEvent(tx, {
        merchantId: actor.merchantId,
        actorUserId: actor.userId,
        action: "product.update",
        targetType: "Product",
        targetId: current.id,
        data: {
          storeId: actor.storeId,
          slug: input.slug,
          priceCents: input.price,
          visibility: input.visibility,
          imagesAdded: uploads.imageKeys.length,
          imagesRemoved: removed.length,
          digitalFileReplaced: input.kind === "DIGITAL" && uploads.digitalKey !== null,
        },
      });
      removedKeys = removed.map((i) => i.storageKey);
      return { ok: true, value: { id: current.id } };
    });
    if (!result.ok) await deleteFiles(fresh);
    else {
      // Replaced digital files stay: orders placed before the change may still deliver them.
      if (input.kind !== "DIGITAL" && uploads.digitalKey) await deleteFiles([uploads.digitalKey]);
      await deleteFiles(removedKeys);
    }
    return result;
  } catch (error) {
    await deleteFiles(fresh);
    if (isSlugConflict(error)) return SLUG_TAKEN;
    throw error;
  }
}

/**
 * Archives a product of the actor's store: it leaves the storefront and can no longer be bought,
 * while past orders keep their lines. Archiving twice is a no-op success.
 */
export async function archiveProduct(actor: CatalogActor, productId: string): Promise<CatalogResult<{ id: string }>> {
  return db.$transaction(async (tx) => {
    const product = await tx.product.findFirst({
      where: { id: productId, merchantId: actor.merchantId, storeId: actor.storeId },
      select: { id: true, archivedAt: true, slug: true },
    });
    if (!product) return { ok: false, reason: "notFound" } as const;
    if (product.archivedAt) return { ok: true, value: { id: product.id } } as const;
    await tx.product.updateMany({
      where: { id: product.id, merchantId: actor.merchantId, storeId: actor.storeId },
      data: { archivedAt: new Date(), updatedAt: new Date() },
    });
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: "product.archive",
      targetType: "Product",
      targetId: product.id,
      data: { storeId: actor.storeId, slug: product.slug },
    });
    return { ok: true, value: { id: product.id } } as const;
  });
}
