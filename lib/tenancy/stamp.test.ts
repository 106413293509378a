import { describe, expect, it } from "vitest";
import { INTERNAL_HEADERS } from "./internal";
import { readTenantStamp, stampTenant } from "./stamp";
import type { MerchantId, StoreId, Tenant } from "./types";

const platform: Tenant = { kind: "platform", host: "localhost:3000", origin: "http://localhost:3000", defaultLocale: "en", locales: ["en", "fr", "de", "lb"] };
const subdomain: Tenant = {
  kind: "store",
  via: "subdomain",
  host: "fashionhub.localhost:3000",
  origin: "http://fashionhub.localhost:3000",
  storeId: "store-1" as StoreId,
  merchantId: "merchant-1" as MerchantId,
  slug: "fashionhub",
  defaultLocale: "fr",
  locales: ["fr", "en", "de", "lb"],
};
const customDomain: Tenant = { ...subdomain, via: "custom-domain", host: "boutique.example.lu", origin: "https://boutique.example.lu" };

function stamped(tenant: Tenant | null, init?: HeadersInit): Headers {
  const headers = new Headers(init);
  stampTenant(headers, tenant);
  return headers;
}

describe("the tenant stamp", () => {
  it.each([
    ["the apex", platform],
    ["a store on its subdomain", subdomain],
    ["a store on a custom domain", customDomain],
  ])("reads back %s exactly as the proxy resolved it", (_, tenant) => {
    expect(readTenantStamp(stamped(tenant))).toEqual(tenant);
  });

  it("is absent for a request that belongs to no tenant, even when it carried one before", () => {
    const headers = stamped(subdomain);
    stampTenant(headers, null);
    expect(headers.has(INTERNAL_HEADERS.tenant)).toBe(false);
    expect(readTenantStamp(headers)).toBeNull();
  });

  it("is read from the stamp only, never from the Host header", () => {
    expect(readTenantStamp(new Headers({ host: "fashionhub.localhost:3000", "x-forwarded-host": "fashionhub.localhost:3000" }))).toBeNull();
    expect(readTenantStamp(stamped(platform, { host: "fashionhub.localhost:3000" }))).toEqual(platform);
  });

  const store = subdomain as Extract<Tenant, { kind: "store" }>;
  it.each([
    ["not JSON", "{"],
    ["not an object", "42"],
    ["null", "null"],
    ["an unknown kind", JSON.stringify({ ...platform, kind: "www" })],
    ["a store without its id", JSON.stringify({ ...store, storeId: undefined })],
    ["a store without its merchant", JSON.stringify({ ...store, merchantId: "" })],
    ["a store with another way in", JSON.stringify({ ...store, via: "header" })],
    ["no host", JSON.stringify({ ...platform, host: "" })],
    ["no origin", JSON.stringify({ ...platform, origin: undefined })],
    ["an unknown locale", JSON.stringify({ ...platform, locales: ["en", "es"] })],
    ["a default locale it does not offer", JSON.stringify({ ...store, defaultLocale: "de", locales: ["fr"] })],
    ["no locales", JSON.stringify({ ...platform, locales: [] })],
  ])("refuses a stamp that is %s", (_, value) => {
    expect(readTenantStamp(new Headers({ [INTERNAL_HEADERS.tenant]: value }))).toBeNull();
  });
});
