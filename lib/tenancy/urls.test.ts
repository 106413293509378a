import { describe, expect, it } from "vitest";
import type { MerchantId, StoreId, Tenant } from "./types";
import { absoluteUrl, localizedPath, pathForLanguageLinks, platformAddress, sameOriginRedirect, storeAddress, stripLocalePrefix, withQuery } from "./urls";

const dev = { rootDomain: "localhost:3000", protocol: "http" as const };
const prod = { rootDomain: "patron.example", protocol: "https" as const };

describe("absoluteUrl", () => {
  it.each([
    [platformAddress(dev), "/account", "en", dev, "http://localhost:3000/account"],
    [platformAddress(dev), "/account", "de", dev, "http://localhost:3000/de/account"],
    [platformAddress(prod), "/", "fr", prod, "https://patron.example/fr"],
    [storeAddress({ slug: "fashionhub", defaultLocale: "fr" }, dev), "/", "fr", dev, "http://fashionhub.localhost:3000/"],
    [storeAddress({ slug: "fashionhub", defaultLocale: "fr" }, dev), "/sign-in", "en", dev, "http://fashionhub.localhost:3000/en/sign-in"],
    [storeAddress({ slug: "fashionoutlet", defaultLocale: "en" }, prod), "/sign-in", "en", prod, "https://fashionoutlet.patron.example/sign-in"],
    [{ host: "shop.example.com", defaultLocale: "de" } as const, "/account", "lb", prod, "https://shop.example.com/lb/account"],
  ] as const)("%j %s %s", (target, path, locale, config, expected) => {
    expect(absoluteUrl(target, path, locale, config)).toBe(expected);
  });

  it("stays on the host a request's tenant came through, port included", () => {
    const tenant: Tenant = {
      kind: "store",
      via: "custom-domain",
      host: "shop.example.com:8443",
      origin: "https://shop.example.com:8443",
      storeId: "s1" as StoreId,
      merchantId: "m1" as MerchantId,
      slug: "fashionhub",
      defaultLocale: "fr",
      locales: ["fr", "en"],
    };
    expect(absoluteUrl(tenant, "/account", "en", prod)).toBe("https://shop.example.com:8443/en/account");
  });

  it("prefixes only non-default locales", () => {
    expect(localizedPath("x", "fr", "fr")).toBe("/x");
    expect(localizedPath("/x", "lb", "fr")).toBe("/lb/x");
  });
});

describe("sameOriginRedirect", () => {
  const origin = "http://fashionhub.localhost:3000";
  it.each([
    ["/account", "http://fashionhub.localhost:3000/account"],
    ["/en/account?x=1", "http://fashionhub.localhost:3000/en/account?x=1"],
    ["http://fashionhub.localhost:3000/account", "http://fashionhub.localhost:3000/account"],
    ["http://localhost:3000/account", "http://fashionhub.localhost:3000/"],
    ["https://evil.example/", "http://fashionhub.localhost:3000/"],
    ["//evil.example/x", "http://fashionhub.localhost:3000/"],
    ["/\\evil.example", "http://fashionhub.localhost:3000/"],
    ["javascript:alert(1)", "http://fashionhub.localhost:3000/"],
    [null, "http://fashionhub.localhost:3000/"],
  ])("%s -> %s", (candidate, expected) => {
    expect(sameOriginRedirect(candidate, origin)).toBe(expected);
  });
});

describe("stripLocalePrefix", () => {
  it.each([
    ["/fr/account?x=1", "/account?x=1"],
    ["/fr", "/"],
    ["/fr?x=1", "/?x=1"],
    ["/account", "/account"],
    ["/frank", "/frank"],
    ["/es/x", "/es/x"],
    ["/", "/"],
  ])("%s -> %s", (path, expected) => {
    expect(stripLocalePrefix(path, ["en", "fr", "de", "lb"])).toBe(expected);
  });
});

describe("pathForLanguageLinks", () => {
  it.each([
    // public paths
    ["/fr/p/dress", "fashionhub", "/p/dress"],
    ["/p/dress", "fashionhub", "/p/dress"],
    ["/fr", "fashionhub", "/"],
    ["/", "fashionhub", "/"],
    // the internal paths a page may be rendered under
    ["/fr/s/fashionhub/p/dress", "fashionhub", "/p/dress"],
    ["/en/s/fashionhub", "fashionhub", "/"],
    ["/en/s/fashionhubx/p/a", "fashionhub", "/s/fashionhubx/p/a"],
    // the apex has no storefront segment
    ["/de/admin", null, "/admin"],
    ["/admin", null, "/admin"],
  ] as const)("%s (store %s) -> %s", (path, store, expected) => {
    expect(pathForLanguageLinks(path, ["en", "fr", "de", "lb"], store)).toBe(expected);
  });
});

describe("withQuery", () => {
  it.each([
    [{}, "/admin/orders"],
    [{ q: "", page: undefined, merchant: null }, "/admin/orders"],
    [{ q: "lea@example.test", page: 2 }, "/admin/orders?q=lea%40example.test&page=2"],
    [{ status: "OPEN" }, "/admin/orders?status=OPEN"],
  ])("%j -> %s", (params, href) => {
    expect(withQuery("/admin/orders", params)).toBe(href);
  });
});
