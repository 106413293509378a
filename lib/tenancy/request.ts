import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { env } from "@/lib/env";
import { INTERNAL_HEADERS } from "./internal";
import { readTenantStamp } from "./stamp";
import type { Tenant } from "./types";
import type { UrlConfig } from "./urls";

/**
 * The one reader of what the proxy stamped on the request (internal.ts): the tenant, the public
 * path, the locale and the request id. Nothing else reads those headers, nor Host or
 * X-Forwarded-Host (tenant-headers.test.ts checks it): the proxy resolved the
 * host once, and clients cannot forge the stamps because the proxy strips them first.
 */

export function urlConfig(): UrlConfig {
  const e = env();
  return { rootDomain: e.PLATFORM_ROOT_DOMAIN, protocol: e.PLATFORM_PROTOCOL };
}

/**
 * The tenant of the current request, as the proxy resolved it from the host: the apex or one
 * store (with the subdomain or custom domain it came through). Null when the request belongs to
 * no tenant (an unknown or www host; a request the proxy did not stamp). Memoized per request.
 * Server components, actions and route handlers only.
 */
export const currentTenant = cache(async (): Promise<Tenant | null> => readTenantStamp(await headers()));

/** The public path (and query) the browser asked for, with its locale prefix if any; null when the proxy did not say. */
export async function currentPath(): Promise<string | null> {
  return (await headers()).get(INTERNAL_HEADERS.path);
}

/** The locale the proxy settled on, for renders that get no [locale] param (not-found); null when none. */
export async function stampedLocale(): Promise<string | null> {
  return (await headers()).get(INTERNAL_HEADERS.locale);
}

/** The id the proxy gave this request (recorded with audit events); null outside a request. */
export async function currentRequestId(): Promise<string | null> {
  try {
    return (await headers()).get(INTERNAL_HEADERS.requestId);
  } catch {
    // Outside a request (worker, scripts).
    return null;
  }
}
