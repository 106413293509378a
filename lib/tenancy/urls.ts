import { PLATFORM_DEFAULT_LOCALE, type Locale } from "@/lib/locales";
import { STOREFRONT_SEGMENT } from "./internal";
import type { Tenant } from "./types";

/**
 * Outbound URLs. Pure module: every outbound URL (redirects after sign-in, links in emails and
 * menus) is built here, on a `Tenant`: the request's own (currentTenant(), so links stay on the
 * host the user is on, subdomain or custom domain), or, outside a request, the apex or a store's
 * subdomain (`platformAddress`, `storeAddress`). A URL needs only the tenant's host and default
 * locale.
 */

export interface UrlConfig {
  rootDomain: string;
  protocol: "http" | "https";
}

/** "/path" with the locale prefix a host expects: none for its default locale. */
export function localizedPath(
  path: string,
  locale: Locale,
  defaultLocale: Locale,
): string {
  const clean = path.startsWith("/") ? path : `/${path}`;
  if (locale === defaultLocale) return clean;
  if (clean === "/" || clean.startsWith("/?") || clean.startsWith("/#"))
    return `/${locale}${clean.slice(1)}`;
  return `/${locale}${clean}`;
}

/** The apex, as a tenant to build URLs on outside a request. */
export function platformAddress(
  config: UrlConfig,
): Pick<Tenant, "host" | "defaultLocale"> {
  return { host: config.rootDomain, defaultLocale: PLATFORM_DEFAULT_LOCALE };
}

/** A store on its platform subdomain, as a tenant to build URLs on outside a request. */
export function storeAddress(
  store: { slug: string; defaultLocale: Locale },
  config: UrlConfig,
): Pick<Tenant, "host" | "defaultLocale"> {
  return {
    host: `${store.slug}.${config.rootDomain}`,
    defaultLocale: store.defaultLocale,
  };
}

/** The origin ("http://fashionhub.localhost:3000") of a tenant. */
export function originOf(
  tenant: Pick<Tenant, "host">,
  config: UrlConfig,
): string {
  return `${config.protocol}://${tenant.host}`;
}

/** An absolute URL for `path` in `locale` on `tenant` (no locale prefix for its default locale). */
export function absoluteUrl(
  tenant: Pick<Tenant, "host" | "defaultLocale">,
  path: string,
  locale: Locale,
  config: UrlConfig,
): string {
  return (
    originOf(tenant, config) + localizedPath(path, locale, tenant.defaultLocale)
  );
}

/**
 * A redirect target that stays on `origin`: relative paths are resolved against it, absolute
 * URLs are kept only when they point at the same origin. Anything else falls back to `fallback`.
 */
export function sameOriginRedirect(
  candidate: string | null | undefined,
  origin: string,
  fallback = "/",
): string {
  const base = new URL(origin);
  if (!candidate) return new URL(fallback, base).toString();
  // "//evil.example" and "/\evil.example" are protocol-relative to browsers.
  if (/^\/[\\/]/.test(candidate)) return new URL(fallback, base).toString();
  try {
    const url = new URL(candidate, base);
    if (url.origin !== base.origin) return new URL(fallback, base).toString();
    return url.toString();
  } catch {
    return new URL(fallback, base).toString();
  }
}

/** The public path without its locale prefix: "/fr/account?x=1" -> "/account?x=1". */
export function stripLocalePrefix(
  path: string,
  locales: readonly Locale[],
): string {
  const match = /^\/([a-z]{2})(?=\/|\?|$)/.exec(path);
  if (match && (locales as readonly string[]).includes(match[1]!)) {
    const rest = path.slice(3);
    return rest.startsWith("/") ? rest : `/${rest}`;
  }
  return path || "/";
}

/**
 * The path a language link re-localizes: the page's path without its locale and, on a storefront,
 * without the internal segment. Takes the public path ("/fr/p/dress") as well as the internal one
 * a page may be rendered under ("/fr/s/fashionhub/p/dress"); both give "/p/dress".
 */
export function pathForLanguageLinks(
  pathname: string,
  locales: readonly Locale[],
  storeSlug: string | null,
): string {
  const rest = stripLocalePrefix(pathname, locales);
  const internal = storeSlug ? `/${STOREFRONT_SEGMENT}/${storeSlug}` : null;
  if (internal && (rest === internal || rest.startsWith(`${internal}/`)))
    return rest.slice(internal.length) || "/";
  return rest;
}

/**
 * `path` with the given query parameters, the empty ones left out (no "?" when none is left).
 * Lists use it for their page links: page 1 is the list's own address.
 */
export function withQuery(
  path: string,
  params: Record<string, string | number | undefined | null>,
): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== "")
      query.set(name, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
