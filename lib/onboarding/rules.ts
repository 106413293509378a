import { RESERVED_SUBDOMAINS } from "@/lib/tenancy/host";

/**
 * Store slug rules for onboarding. Pure: the live availability check and the sign-up action use
 * the same answers, and the database's unique index settles races.
 */

/** Why a slug cannot be used, before asking the database. */
export type SlugProblem = "required" | "slugFormat" | "slugReserved";

/** What the live check tells the form. */
export type SlugAvailability = "available" | "slugTaken" | SlugProblem;

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Slugs are typed by people: trimmed and lower-cased before any check. */
export function normalizeSlug(raw: string): string {
  return raw.trim().toLowerCase();
}

/** The problem of a normalized slug, or null when only the database can say more. */
export function slugProblem(slug: string): SlugProblem | null {
  if (!slug) return "required";
  if (slug.length < 2 || slug.length > 63 || !LABEL.test(slug)) return "slugFormat";
  if (RESERVED_SUBDOMAINS.has(slug)) return "slugReserved";
  return null;
}

/** A slug suggestion from a store name ("Café Léa" -> "cafe-lea"); may still be taken. */
export function suggestSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/g, "");
}

/** The currencies a store can sell in. */
export const STORE_CURRENCIES = ["EUR", "CHF", "GBP", "USD"] as const;
export type StoreCurrency = (typeof STORE_CURRENCIES)[number];
