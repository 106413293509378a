/** Names shared by the proxy and the pages it rewrites to. Pure module. */

/** The internal route segment of storefronts: app/[locale]/s/[store]. Never reachable from the apex. */
export const STOREFRONT_SEGMENT = "s";

/**
 * An internal page that renders the translated 404 page; the proxy rewrites unknown hosts and
 * forbidden paths to it with status 404 (a real page keeps the layout's <html lang>, which
 * Next's notFound() error shell drops).
 */
export const NOT_FOUND_PATH = "/not-found-host";

/**
 * Headers the proxy sets on the requests it passes on (and strips from what clients send). Only
 * proxy.ts writes them and only lib/tenancy/request.ts reads them, the tenant through stamp.ts
 * (tenant-headers.test.ts checks it).
 */
export const INTERNAL_HEADERS = {
  /** The request's `Tenant`, as JSON (stamp.ts). */
  tenant: "x-patron-tenant",
  /** The public path (and query) the browser asked for, before any rewrite. */
  path: "x-patron-path",
  /** The locale the proxy settled on, for renders that get no [locale] param (not-found). */
  locale: "x-patron-locale",
  /** One id per request, recorded with audit events. */
  requestId: "x-request-id",
} as const;
