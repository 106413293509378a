import "server-only";
import { env } from "@/lib/env";
import { LOCALES, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { findStoreRoutingByDomain, findStoreRoutingBySlug } from "./data";
import { hostWithPort, resolveHost, type HostKind } from "./host";
import type { Tenant } from "./types";

/**
 * The tenant a classified host belongs to: the apex, or the store answering to the subdomain or
 * verified custom domain (through the routing cache). Null for hosts that serve no tenant
 * (www, which only redirects, reserved and unknown names, names no store has). `rawHost` is the
 * header the host was classified from; the tenant keeps it, port included, as its `host`.
 *
 * Called by the proxy only, once per request; everything else reads its answer with
 * `currentTenant()`.
 */
export async function tenantOfHost(target: HostKind, rawHost: string | null | undefined): Promise<Tenant | null> {
  const host = hostWithPort(rawHost);
  if (!host) return null;
  const origin = `${env().PLATFORM_PROTOCOL}://${host}`;
  switch (target.kind) {
    case "platform":
      return { kind: "platform", host, origin, defaultLocale: PLATFORM_DEFAULT_LOCALE, locales: LOCALES };
    case "subdomain":
    case "custom-domain": {
      const store =
        target.kind === "subdomain" ? await findStoreRoutingBySlug(target.slug) : await findStoreRoutingByDomain(target.domain);
      return store ? { ...store, host, origin } : null;
    }
    default:
      return null;
  }
}

/** `tenantOfHost` for a raw Host header (test support and scripts that play a request). */
export function resolveTenant(rawHost: string | null | undefined): Promise<Tenant | null> {
  return tenantOfHost(resolveHost(rawHost, env().PLATFORM_ROOT_DOMAIN), rawHost);
}
