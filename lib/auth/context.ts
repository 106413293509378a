import { isLocale, type Locale } from "@/lib/locales";
import type { Tenant } from "@/lib/tenancy/types";
import { localizedPath } from "@/lib/tenancy/urls";

/**
 * Locales and paths on the host of the request's `Tenant` (currentTenant()): the apex or one
 * store, on the exact host it came in on. Pure module.
 */

/** The locale a path or same-origin URL is in, judged by its first segment; the host's default otherwise. */
export function localeOfPath(candidate: string | null | undefined, tenant: Tenant): Locale {
  if (!candidate) return tenant.defaultLocale;
  try {
    const url = new URL(candidate, tenant.origin);
    const first = url.pathname.split("/")[1];
    return url.origin === tenant.origin && isLocale(first) && tenant.locales.includes(first) ? first : tenant.defaultLocale;
  } catch {
    return tenant.defaultLocale;
  }
}

/** A path on the host of `tenant` in `locale` (no prefix for the host's default locale). */
export function hostPath(tenant: Tenant, path: string, locale: Locale): string {
  return localizedPath(path, tenant.locales.includes(locale) ? locale : tenant.defaultLocale, tenant.defaultLocale);
}
