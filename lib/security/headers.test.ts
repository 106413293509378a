import { describe, expect, it } from "vitest";
import { classifyInternalPath, isHttpsRequest, newNonce, pageContentSecurityPolicy, pageSecurityHeaders } from "./headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe("pageContentSecurityPolicy", () => {
  it("allows scripts per request only through the nonce", () => {
    const csp = directives(pageContentSecurityPolicy({ nonce: "abc", https: false, dev: false }));
    expect(csp.get("script-src")).toEqual(["'nonce-abc'", "'strict-dynamic'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows inline scripts on the cached pages only, with the same other rules", () => {
    const cached = directives(pageContentSecurityPolicy({ nonce: null, https: true, dev: false }));
    expect(cached.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(cached.get("object-src")).toEqual(["'none'"]);
    expect(cached.get("frame-ancestors")).toEqual(["'none'"]);
    expect(cached.has("upgrade-insecure-requests")).toBe(true);
  });

  it("adds eval in development only", () => {
    expect(pageContentSecurityPolicy({ nonce: "n", https: false, dev: true })).toContain("'unsafe-eval'");
    expect(pageContentSecurityPolicy({ nonce: "n", https: false, dev: false })).not.toContain("'unsafe-eval'");
  });
});

describe("pageSecurityHeaders", () => {
  it("allows the camera on the terminal only and HSTS over https only", () => {
    const terminal = pageSecurityHeaders({ nonce: "n", camera: true, https: false, dev: false });
    const other = pageSecurityHeaders({ nonce: "n", camera: false, https: true, dev: false });
    expect(terminal["permissions-policy"]).toContain("camera=(self)");
    expect(other["permissions-policy"]).toContain("camera=()");
    expect(terminal["strict-transport-security"]).toBeUndefined();
    expect(other["strict-transport-security"]).toMatch(/^max-age=\d+/);
    expect(other["x-content-type-options"]).toBe("nosniff");
    expect(other["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });
});

describe("isHttpsRequest", () => {
  it.each([
    [null, undefined, false],
    [null, "http", false],
    [null, "https", true],
    ["https", "http", true],
    ["HTTPS", undefined, true],
    ["https, http", undefined, true],
    ["http, https", undefined, false],
    ["http", undefined, false],
  ])("X-Forwarded-Proto %s with PLATFORM_PROTOCOL %s: %s", (proto, platform, expected) => {
    expect(isHttpsRequest(proto, platform)).toBe(expected);
  });
});

describe("classifyInternalPath", () => {
  it.each([
    ["/fr/s/fashionhub", { cached: true, terminal: false }],
    ["/fr/s/fashionhub/page/2", { cached: true, terminal: false }],
    ["/en/s/fashionhub/p/scarf", { cached: true, terminal: false }],
    ["/en/s/fashionhub/p/scarf/extra", { cached: false, terminal: false }],
    ["/en/s/fashionhub/cart", { cached: false, terminal: false }],
    ["/en/s/fashionhub/c/WELCOME", { cached: false, terminal: false }],
    ["/lb/s/bakery/terminal", { cached: false, terminal: true }],
    ["/en", { cached: false, terminal: false }],
    ["/en/account", { cached: false, terminal: false }],
    ["/en/terminal", { cached: false, terminal: false }],
    ["/en/not-found-host", { cached: false, terminal: false }],
  ])("%s", (path, expected) => {
    expect(classifyInternalPath(path, "s")).toEqual(expected);
  });
});

describe("newNonce", () => {
  it("is fresh and base64 every time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});
