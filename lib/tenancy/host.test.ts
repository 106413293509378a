import { describe, expect, it } from "vitest";
import { hostName, isValidStoreSlug, resolveHost, type HostKind } from "./host";

const DEV = "localhost:3000";
const PROD = "patron.example";

describe("resolveHost", () => {
  const cases: Array<[string | null | undefined, string, HostKind]> = [
    // the apex
    ["localhost:3000", DEV, { kind: "platform" }],
    ["localhost", DEV, { kind: "platform" }],
    ["LOCALHOST:3000", DEV, { kind: "platform" }],
    ["patron.example", PROD, { kind: "platform" }],
    ["patron.example.", PROD, { kind: "platform" }],
    ["patron.example:443", PROD, { kind: "platform" }],
    // www redirects to the apex
    ["www.localhost:3000", DEV, { kind: "www" }],
    ["WWW.Patron.Example", PROD, { kind: "www" }],
    // store subdomains, any port, any case
    ["fashionhub.localhost:3000", DEV, { kind: "subdomain", slug: "fashionhub" }],
    ["FashionHub.LocalHost:3000", DEV, { kind: "subdomain", slug: "fashionhub" }],
    ["fashionhub.localhost", DEV, { kind: "subdomain", slug: "fashionhub" }],
    ["fashion-outlet.patron.example", PROD, { kind: "subdomain", slug: "fashion-outlet" }],
    ["fashionhub.patron.example:8443", PROD, { kind: "subdomain", slug: "fashionhub" }],
    // nested subdomains are not stores
    ["a.fashionhub.localhost:3000", DEV, { kind: "unknown" }],
    ["www.fashionhub.patron.example", PROD, { kind: "unknown" }],
    // reserved names
    ["admin.localhost:3000", DEV, { kind: "unknown" }],
    ["api.patron.example", PROD, { kind: "unknown" }],
    ["mail.patron.example", PROD, { kind: "unknown" }],
    ["app.localhost:3000", DEV, { kind: "unknown" }],
    // invalid labels
    ["-shop.localhost:3000", DEV, { kind: "unknown" }],
    ["shop-.localhost:3000", DEV, { kind: "unknown" }],
    ["sh_op.localhost:3000", DEV, { kind: "unknown" }],
    ["x.localhost:3000", DEV, { kind: "unknown" }],
    // custom domains
    ["shop.example.com", DEV, { kind: "custom-domain", domain: "shop.example.com" }],
    ["Shop.Example.COM:8080", PROD, { kind: "custom-domain", domain: "shop.example.com" }],
    ["www.boutique.lu.", PROD, { kind: "custom-domain", domain: "www.boutique.lu" }],
    // IP addresses
    ["127.0.0.1:3000", DEV, { kind: "unknown" }],
    ["10.0.0.1", PROD, { kind: "unknown" }],
    ["[::1]:3000", DEV, { kind: "unknown" }],
    ["[2001:db8::1]", PROD, { kind: "unknown" }],
    // a bare name that is not the apex
    ["intranet", PROD, { kind: "unknown" }],
    ["localhost:3000", PROD, { kind: "unknown" }],
    // empty or malformed
    [null, DEV, { kind: "unknown" }],
    [undefined, DEV, { kind: "unknown" }],
    ["", DEV, { kind: "unknown" }],
    ["   ", DEV, { kind: "unknown" }],
    [":3000", DEV, { kind: "unknown" }],
    ["localhost:abc", DEV, { kind: "unknown" }],
    ["localhost:3000:1", DEV, { kind: "unknown" }],
    ["shop.example.com/evil", DEV, { kind: "unknown" }],
    ["user@shop.example.com", DEV, { kind: "unknown" }],
    ["shop..example.com", DEV, { kind: "unknown" }],
    ["[::1", DEV, { kind: "unknown" }],
    [`${"a".repeat(64)}.example.com`, PROD, { kind: "unknown" }],
    [`${"a.".repeat(140)}com`, PROD, { kind: "unknown" }],
  ];

  it.each(cases)("%j on %s", (host, root, expected) => {
    expect(resolveHost(host, root)).toEqual(expected);
  });

  it("works with an IP apex", () => {
    expect(resolveHost("127.0.0.1:3000", "127.0.0.1:3000")).toEqual({ kind: "platform" });
  });
});

describe("hostName", () => {
  it.each([
    ["Example.COM:80", "example.com"],
    ["[::1]:3000", "[::1]"],
    ["example.com.", "example.com"],
    ["a b", null],
  ])("%s -> %s", (raw, expected) => {
    expect(hostName(raw)).toBe(expected);
  });
});

describe("isValidStoreSlug", () => {
  it.each([
    ["fashionhub", true],
    ["fashion-hub", true],
    ["ab", true],
    ["a", false],
    ["admin", false],
    ["www", false],
    ["Fashion", false],
    ["-a", false],
    ["a".repeat(64), false],
  ])("%s -> %s", (slug, expected) => {
    expect(isValidStoreSlug(slug)).toBe(expected);
  });
});
