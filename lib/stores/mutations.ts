import "server-only";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/locales";
import { deleteFiles, newStorageKey, putFile } from "@/lib/storage";
import { IMAGE_TYPES, type ImageType } from "@/lib/storage/keys";
import { routingChanged } from "@/lib/tenancy/mutations";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import type { StoreSettingsInput } from "./schema";

/** Who changes a store's settings: produced from the store gate (OWNER) only. */
export interface StoreActor {
  merchantId: MerchantId;
  storeId: StoreId;
  userId: string;
  defaultLocale: Locale;
  locales: readonly Locale[];
}

/** Without `smallOrderPolicy` or `timeZone` the store keeps its current one. */
export type StoreSettingsWrite = Omit<StoreSettingsInput, "logo" | "smallOrderPolicy"> & {
  logo: { bytes: Uint8Array; type: ImageType } | null;
  smallOrderPolicy?: StoreSettingsInput["smallOrderPolicy"];
};

/**
 * Saves a store's texts per locale, contacts, status, small-order policy, time zone and logo in one transaction with its audit
 * event. The store's own name follows the default locale's name. A new logo is written before
 * the transaction (and removed if it fails); the replaced one is removed after the commit.
 * False when the store is not the actor's.
 */
export async function updateStoreSettings(actor: StoreActor, write: StoreSettingsWrite): Promise<boolean> {
  const newLogoKey = write.logo ? newStorageKey(`images/${actor.merchantId}`, IMAGE_TYPES[write.logo.type]) : null;
  if (write.logo && newLogoKey) await putFile(newLogoKey, write.logo.bytes);
  let replaced: string | null = null;
  try {
    const ok = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<Array<{ logoKey: string | null; status: string }>>`
        SELECT "logoKey", "status"::text AS "status" FROM "Store" WHERE "id" = ${actor.storeId} AND "merchantId" = ${actor.merchantId} FOR UPDATE`;
      const current = rows[0];
      if (!current) return false;
      const logoKey = newLogoKey ?? (write.removeLogo ? null : current.logoKey);
      if (logoKey !== current.logoKey) replaced = current.logoKey;
      const defaultTexts = write.texts[actor.defaultLocale]!;
      await tx.store.update({
        where: { id: actor.storeId },
        data: {
          name: defaultTexts.name,
          status: write.status,
          smallOrderPolicy: write.smallOrderPolicy,
          timeZone: write.timeZone,
          contactEmail: write.contactEmail,
          contactPhone: write.contactPhone,
          contactAddress: write.contactAddress,
          shippingCountries: write.shippingCountries,
          logoKey,
        },
      });
      const kept = Object.keys(write.texts) as Locale[];
      await tx.storeTranslation.deleteMany({ where: { storeId: actor.storeId, merchantId: actor.merchantId, locale: { notIn: kept } } });
      for (const locale of kept) {
        const texts = write.texts[locale]!;
        await tx.storeTranslation.upsert({
          where: { storeId_locale: { storeId: actor.storeId, locale } },
          create: { storeId: actor.storeId, merchantId: actor.merchantId, locale, ...texts },
          update: texts,
        });
      }
      await recordAuditEvent(tx, {
        merchantId: actor.merchantId,
        actorUserId: actor.userId,
        action: "store.update",
        targetType: "store",
        targetId: actor.storeId,
        data: {
          status: write.status,
          statusChanged: current.status !== write.status,
          smallOrderPolicy: write.smallOrderPolicy,
          timeZone: write.timeZone,
          locales: kept,
          logo: newLogoKey ? "replaced" : write.removeLogo && current.logoKey ? "removed" : "kept",
        },
      });
      await routingChanged(tx);
      return true;
    });
    if (!ok && newLogoKey) await deleteFiles([newLogoKey]);
    if (ok && replaced) await deleteFiles([replaced]);
    return ok;
  } catch (error) {
    if (newLogoKey) await deleteFiles([newLogoKey]);
    throw error;
  }
}
