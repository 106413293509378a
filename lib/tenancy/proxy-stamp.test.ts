import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { INTERNAL_HEADERS } from "./internal";
import { readTenantStamp } from "./stamp";
import type { MerchantId, StoreId } from "./types";

/**
 * The round trip of the tenant context: the proxy resolves the host and stamps the tenant on the
 * request it passes on; what it stamped reads back as that tenant, and a stamp a client sent
 * never survives. The store lookup is stubbed (its cache is tested against PostgreSQL in
 * data.integration.test.ts).
 */

const routing = vi.hoisted(() => ({
  bySlug: new Map<string, object>(),
  byDomain: new Map<string, object>(),
}));
vi.mock("./data", () => ({
  findStoreRoutingBySlug: async (slug: string) => routing.bySlug.get(slug) ?? null,
  findStoreRoutingByDomain: async (domain: string) => routing.byDomain.get(domain) ?? null,
}));

// The proxy reads the settings (lib/env.ts); no database is reached with the lookup stubbed.
vi.stubEnv("DATABASE_URL", "postgresql://unused@127.0.0.1:1/unused");
vi.stubEnv("PLATFORM_ROOT_DOMAIN", "localhost:3000");
vi.stubEnv("PLATFORM_PROTOCOL", "http");

const { proxy } = await import("@/proxy");

const fashionhub = {
  kind: "store" as const,
  storeId: "store-1" as StoreId,
  merchantId: "merchant-1" as MerchantId,
  slug: "fashionhub",
  defaultLocale: "fr" as const,
  locales: ["fr", "en"] as const,
};
const forged = JSON.stringify({ ...fashionhub, via: "subdomain", host: "evil", origin: "http://evil", storeId: "victim" });

beforeEach(() => {
  routing.bySlug.clear();
  routing.byDomain.clear();
  routing.bySlug.set("fashionhub", { ...fashionhub, via: "subdomain" });
  routing.byDomain.set("boutique.example.lu", { ...fashionhub, via: "custom-domain" });
});

/**
 * The tenant on the request the proxy passed on. Next carries replaced request headers in
 * x-middleware-request-* (listed in x-middleware-override-headers); without them the page or
 * route handler gets the client's own headers.
 */
async function passedOn(url: string, headers: Record<string, string>) {
  const response = await proxy(new NextRequest(url, { headers }));
  const overridden = response.headers.get("x-middleware-override-headers");
  const seen = new Headers(overridden === null ? headers : {});
  for (const name of overridden?.split(",") ?? []) {
    const value = response.headers.get(`x-middleware-request-${name}`);
    if (value !== null) seen.set(name, value);
  }
  return { response, tenant: readTenantStamp(seen) };
}

describe("the proxy stamps the request's tenant", () => {
  it("on the apex: the platform, whatever stamp the client sent", async () => {
    const { tenant } = await passedOn("http://localhost:3000/account", { host: "localhost:3000", [INTERNAL_HEADERS.tenant]: forged });
    expect(tenant).toEqual({ kind: "platform", host: "localhost:3000", origin: "http://localhost:3000", defaultLocale: "en", locales: ["en", "fr", "de", "lb"] });
  });

  it("on a store's subdomain: that store, through its subdomain, on the exact host", async () => {
    const { tenant, response } = await passedOn("http://fashionhub.localhost:3000/p/dress", { host: "FashionHub.localhost:3000" });
    expect(tenant).toEqual({ ...fashionhub, locales: ["fr", "en"], via: "subdomain", host: "fashionhub.localhost:3000", origin: "http://fashionhub.localhost:3000" });
    expect(new URL(response.headers.get("x-middleware-rewrite")!).pathname).toBe("/fr/s/fashionhub/p/dress");
  });

  it("on a custom domain (X-Forwarded-Host wins over Host): that store, through the domain", async () => {
    const { tenant } = await passedOn("http://localhost:3000/", { host: "localhost:3000", "x-forwarded-host": "boutique.example.lu" });
    expect(tenant).toMatchObject({ kind: "store", via: "custom-domain", storeId: "store-1", host: "boutique.example.lu", origin: "http://boutique.example.lu" });
  });

  it("on the API routes too, without rewriting them", async () => {
    const { tenant, response } = await passedOn("http://fashionhub.localhost:3000/api/auth/session", { host: "fashionhub.localhost:3000", [INTERNAL_HEADERS.tenant]: forged });
    expect(tenant).toMatchObject({ kind: "store", via: "subdomain", storeId: "store-1" });
    expect(response.headers.get("x-middleware-rewrite")).toBeNull();
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it.each([
    ["an unknown subdomain", "nobody.localhost:3000"],
    ["a reserved name", "admin.localhost:3000"],
    ["www, which only redirects", "www.localhost:3000"],
    ["an IP address", "127.0.0.1:3000"],
  ])("on %s: no tenant for an API route, and a forged one is dropped", async (_, host) => {
    const { tenant, response } = await passedOn(`http://${host}/api/health`, { host, [INTERNAL_HEADERS.tenant]: forged });
    expect(tenant).toBeNull();
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});
