import "server-only";
import { cache } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { Storefront } from "@/lib/tenancy/loaders";
import { findStorefrontProfile } from "./data";
import { storeTextsFor, type StoreTexts } from "./schema";

export interface StorefrontProfile extends StoreTexts {
  /** Path of the logo on the storefront's own host, or null. */
  logoUrl: string | null;
  contact: { email: string | null; phone: string | null; address: string | null };
}

/** The storefront's texts in `locale` (with the default locale's as fallback), logo and contacts. */
export const loadStorefrontProfile = cache(async (store: Storefront, locale: Locale): Promise<StorefrontProfile> => {
  const row = await findStorefrontProfile(store.merchantId, store.id);
  const texts = storeTextsFor(row?.translations ?? [], locale, store.defaultLocale, row?.name ?? store.name);
  return {
    ...texts,
    logoUrl: row?.logoKey ? `/api/files/${row.logoKey}` : null,
    contact: { email: row?.contactEmail ?? null, phone: row?.contactPhone ?? null, address: row?.contactAddress ?? null },
  };
});
