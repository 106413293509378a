import "server-only";
import { env } from "@/lib/env";
import { isLocale, PLATFORM_DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { findStoreRoutingByDomain, findStoreRoutingBySlug } from "@/lib/tenancy/data";
import { resolveHost } from "@/lib/tenancy/host";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { localizedPath } from "@/lib/tenancy/urls";
import { sessionHost } from "./host-binding";

/** Who a request to the auth machinery is for: the apex or one store, on which exact host. */
export type AuthHostContext =
  | { kind: "platform"; host: string; origin: string; defaultLocale: Locale; locales: readonly Locale[] }
  | {
      kind: "store";
      host: string;
      origin: string;
      storeId: StoreId;
      merchantId: MerchantId;
      defaultLocale: Locale;
      locales: readonly Locale[];
    };

/**
 * Classifies a Host (or X-Forwarded-Host) header. Null for hosts that serve nothing: unknown
 * names, www (which only redirects), store subdomains and domains that no store has.
 */
export async function resolveAuthContext(rawHost: string | null | undefined): Promise<AuthHostContext | null> {
  const e = env();
  const host = sessionHost(rawHost);
  if (!host) return null;
  const origin = `${e.PLATFORM_PROTOCOL}://${host}`;
  const target = resolveHost(host, e.PLATFORM_ROOT_DOMAIN);
  switch (target.kind) {
    case "platform":
      return { kind: "platform", host, origin, defaultLocale: PLATFORM_DEFAULT_LOCALE, locales: ["en", "fr", "de", "lb"] };
    case "store":
    case "custom-domain": {
      const store =
        target.kind === "store" ? await findStoreRoutingBySlug(target.slug) : await findStoreRoutingByDomain(target.domain);
      if (!store) return null;
      return {
        kind: "store",
        host,
        origin,
        storeId: store.storeId as StoreId,
        merchantId: store.merchantId as MerchantId,
        defaultLocale: store.defaultLocale,
        locales: store.locales,
      };
    }
    default:
      return null;
  }
}

/** The locale a path or same-origin URL is in, judged by its first segment; the host's default otherwise. */
export function localeOfPath(candidate: string | null | undefined, ctx: AuthHostContext): Locale {
  if (!candidate) return ctx.defaultLocale;
  try {
    const url = new URL(candidate, ctx.origin);
    const first = url.pathname.split("/")[1];
    return url.origin === ctx.origin && isLocale(first) && ctx.locales.includes(first) ? first : ctx.defaultLocale;
  } catch {
    return ctx.defaultLocale;
  }
}

/** A path on the host of `ctx` in `locale` (no prefix for the host's default locale). */
export function hostPath(ctx: AuthHostContext, path: string, locale: Locale): string {
  return localizedPath(path, ctx.locales.includes(locale) ? locale : ctx.defaultLocale, ctx.defaultLocale);
}
