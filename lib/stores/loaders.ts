import "server-only";
import type { Locale } from "@/lib/locales";
import type { PublicStorefront } from "@/lib/tenancy/loaders";
import { storeTextsFor, type StoreTexts } from "./schema";

export interface StorefrontProfile extends StoreTexts {
  /** Path of the logo on the storefront's own host, or null. */
  logoUrl: string | null;
  contact: { email: string | null; phone: string | null; address: string | null };
}

/**
 * The storefront's texts in `locale` (with the default locale's as fallback), logo and contacts,
 * from what loadStorefront already read with the store.
 */
export function storefrontProfile(store: PublicStorefront, locale: Locale): StorefrontProfile {
  const { profile } = store;
  return {
    ...storeTextsFor(profile.translations, locale, store.defaultLocale, store.name),
    logoUrl: profile.logoKey ? `/api/files/${profile.logoKey}` : null,
    contact: { email: profile.contactEmail, phone: profile.contactPhone, address: profile.contactAddress },
  };
}
