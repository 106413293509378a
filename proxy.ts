import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { LOCALES, negotiateLocale, PLATFORM_DEFAULT_LOCALE, type Locale } from "@/lib/locales";
import { env } from "@/lib/env";
import { classifyInternalPath, isHttpsRequest, newNonce, pageSecurityHeaders } from "@/lib/security/headers";
import { resolveHost } from "@/lib/tenancy/host";
import { INTERNAL_HEADERS, NOT_FOUND_PATH, STOREFRONT_SEGMENT } from "@/lib/tenancy/internal";
import { classifyPath } from "@/lib/tenancy/path";
import { tenantOfHost } from "@/lib/tenancy/resolve";
import { stampTenant } from "@/lib/tenancy/stamp";
import type { StoreTenant, Tenant } from "@/lib/tenancy/types";

// proxy.ts is Next 16's name for middleware.ts. It does only host -> tenant -> locale -> rewrite.
// It is the only reader of the Host header: the tenant it resolves is stamped on the request
// (lib/tenancy/stamp.ts) and read back with currentTenant().

const platformIntl = createMiddleware({
  locales: LOCALES,
  defaultLocale: PLATFORM_DEFAULT_LOCALE,
  localePrefix: "as-needed",
  localeDetection: false,
  alternateLinks: false,
});

const storeIntl = new Map<string, ReturnType<typeof createMiddleware>>();
function intlFor(store: StoreTenant) {
  const key = `${store.defaultLocale}|${store.locales.join(",")}`;
  let handler = storeIntl.get(key);
  if (!handler) {
    handler = createMiddleware({
      locales: store.locales,
      defaultLocale: store.defaultLocale,
      localePrefix: "as-needed",
      localeDetection: false,
      localeCookie: false,
      alternateLinks: false,
    });
    storeIntl.set(key, handler);
  }
  return handler;
}

/** Request headers without any internal header a client may have forged, stamped with the request's tenant. */
function cleanHeaders(request: NextRequest, tenant: Tenant | null = null): Headers {
  const headers = new Headers(request.headers);
  for (const name of Object.values(INTERNAL_HEADERS)) headers.delete(name);
  headers.set(INTERNAL_HEADERS.path, request.nextUrl.pathname + request.nextUrl.search);
  headers.set(INTERNAL_HEADERS.requestId, crypto.randomUUID());
  stampTenant(headers, tenant);
  return headers;
}

/** True for the API routes: they serve no pages, so they are only stamped (no locale, no rewrite). */
function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

/**
 * The security headers of the page at the internal `pathname` (policy: lib/security/headers.ts).
 * Pages rendered per request get a fresh CSP nonce, put on the request too: Next reads it there
 * and stamps it on every script it writes. The cached storefront pages render without one (a
 * nonce would make them per request), and a policy a client sent never reaches a render.
 */
function securityHeaders(request: NextRequest, pathname: string, headers: Headers): Record<string, string> {
  const { cached, terminal } = classifyInternalPath(pathname, STOREFRONT_SEGMENT);
  const https = isHttpsRequest(request.headers.get("x-forwarded-proto"), env().PLATFORM_PROTOCOL);
  const page = { nonce: cached ? null : newNonce(), camera: terminal, https, dev: process.env.NODE_ENV === "development" };
  const response = pageSecurityHeaders(page);
  headers.delete("content-security-policy");
  if (page.nonce) headers.set("content-security-policy", response["content-security-policy"]!);
  return response;
}

function rewriteTo(request: NextRequest, pathname: string, headers: Headers, status?: number): NextResponse {
  const url = request.nextUrl.clone();
  url.pathname = pathname;
  headers.set(INTERNAL_HEADERS.locale, pathname.split("/")[1] ?? PLATFORM_DEFAULT_LOCALE);
  const security = securityHeaders(request, pathname, headers);
  const response = NextResponse.rewrite(url, { request: { headers }, status });
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

function notFound(request: NextRequest, locales: readonly Locale[] = LOCALES, fallback: Locale = PLATFORM_DEFAULT_LOCALE, status = 404) {
  const locale = negotiateLocale(request.headers.get("accept-language"), locales, fallback);
  return rewriteTo(request, `/${locale}${NOT_FOUND_PATH}`, cleanHeaders(request), status);
}

/**
 * The answer for a path no host may ask for: an internal segment (404, however it is encoded) or a
 * path the router could not decode or a URL with a control character (400, with the same translated
 * page instead of Next's bare one or a database error).
 */
function refusePath(request: NextRequest, locales?: readonly Locale[], fallback?: Locale): NextResponse | null {
  const path = classifyPath(request.nextUrl.pathname, request.nextUrl.search);
  if (path.kind === "public") return null;
  return notFound(request, locales, fallback, path.kind === "malformed" ? 400 : 404);
}

/** The locale-prefixed path next-intl settled on (after its own rewrite, if any). */
function intlPath(response: Response, request: NextRequest): string {
  const rewrite = response.headers.get("x-middleware-rewrite");
  return rewrite ? new URL(rewrite).pathname : request.nextUrl.pathname;
}

export async function proxy(request: NextRequest) {
  const rootDomain = process.env.PLATFORM_ROOT_DOMAIN ?? "localhost:3000";
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const target = resolveHost(host, rootDomain);

  // Route handlers decide for themselves what a host without a tenant gets (health checks answer
  // on any host); they only need the tenant, and no forged stamp.
  if (isApiPath(request.nextUrl.pathname)) {
    return NextResponse.next({ request: { headers: cleanHeaders(request, await tenantOfHost(target, host)) } });
  }

  switch (target.kind) {
    case "www": {
      const url = new URL(request.nextUrl.pathname + request.nextUrl.search, `${request.nextUrl.protocol}//${rootDomain}`);
      return NextResponse.redirect(url, 308);
    }
    case "unknown":
      return notFound(request);
    case "platform": {
      // The storefront segment exists only behind a store host.
      const refused = refusePath(request);
      if (refused) return refused;
      const response = platformIntl(request);
      if (response.headers.has("location")) return response;
      const tenant = await tenantOfHost(target, host);
      if (!tenant) return notFound(request);
      return rewriteTo(request, intlPath(response, request), cleanHeaders(request, tenant));
    }
    case "subdomain":
    case "custom-domain": {
      const store = await tenantOfHost(target, host);
      if (store?.kind !== "store") return notFound(request);
      const refused = refusePath(request, store.locales, store.defaultLocale);
      if (refused) return refused;
      const response = intlFor(store)(request);
      if (response.headers.has("location")) return response;
      const [, locale = store.defaultLocale, ...rest] = intlPath(response, request).split("/");
      const headers = cleanHeaders(request, store);
      const tail = rest.filter(Boolean).join("/");
      return rewriteTo(request, `/${locale}/${STOREFRONT_SEGMENT}/${store.slug}${tail ? `/${tail}` : ""}`, headers);
    }
  }
}

export const config = {
  // Every path, dots included (a path the proxy skips reaches the router undecided), but not Next's
  // own assets. The API routes are only stamped with their tenant (see isApiPath).
  matcher: ["/((?!_next/|_vercel/).*)"],
};
