import { expect, storeUrl, test } from "../fixtures";
import { ROOT_DOMAIN } from "../env";
import { StorefrontPage } from "../pages/storefront-page";
import { requestWithHost, type RawResponse } from "../support/http";

/**
 * The security headers of every kind of response (policy: lib/security/headers.ts). The absence of
 * CSP violations on the pages themselves is checked by the cspViolations fixture, on every spec.
 */

function directives(response: RawResponse): Map<string, string[]> {
  const header = String(response.headers["content-security-policy"] ?? "");
  return new Map(header.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

function expectCommonHeaders(response: RawResponse, camera: "()" | "(self)" = "()") {
  expect(response.headers["x-content-type-options"]).toBe("nosniff");
  expect(response.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(response.headers["permissions-policy"]).toContain(`camera=${camera}`);
  const csp = directives(response);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  expect(csp.get("base-uri")?.[0]).toMatch(/^'(self|none)'$/);
}

test("a page rendered per request allows only the scripts that carry its fresh nonce", async () => {
  const [first, second] = [await requestWithHost(ROOT_DOMAIN, "/sign-in"), await requestWithHost(ROOT_DOMAIN, "/sign-in")];
  expect(first.status).toBe(200);
  expectCommonHeaders(first);
  const scripts = directives(first).get("script-src")!;
  expect(scripts).not.toContain("'unsafe-inline'");
  const nonce = /^'nonce-(.+)'$/.exec(scripts[0]!)?.[1];
  expect(nonce).toBeTruthy();
  expect(directives(second).get("script-src")![0]).not.toBe(scripts[0]);
  // Every script tag of the document, Next's inline data included, carries this response's nonce.
  const tags = first.body.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
  expect(first.headers["strict-transport-security"]).toBeUndefined();
});

test("a cached storefront page stays cached and keeps every rule but the nonce", async ({ createTenant }) => {
  const tenant = await createTenant({ products: [{ slug: "cap", priceCents: 1200, title: { en: `Cap ${Date.now()}` } }] });
  const host = new URL(tenant.store.url).host;
  await requestWithHost(host, "/p/cap");
  const cached = await requestWithHost(host, "/p/cap");
  expect(cached.headers["x-nextjs-cache"]).toBe("HIT");
  expectCommonHeaders(cached);
  expect(directives(cached).get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
  expect(cached.body).not.toContain("nonce=");
});

test("the camera is allowed on the terminal only", async () => {
  const host = new URL(storeUrl("fashionhub")).host;
  expectCommonHeaders(await requestWithHost(host, "/terminal"), "(self)");
  expectCommonHeaders(await requestWithHost(host, "/cart"), "()");
  expectCommonHeaders(await requestWithHost(host, "/en/terminal"), "(self)");
});

test("API routes, Next's assets and unknown hosts get the headers too", async () => {
  const api = await requestWithHost(ROOT_DOMAIN, "/api/auth/session");
  expectCommonHeaders(api);
  expect(directives(api).get("default-src")).toEqual(["'none'"]);
  const page = await requestWithHost(ROOT_DOMAIN, "/sign-in");
  const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(page.body)?.[1];
  expect(asset).toBeTruthy();
  expectCommonHeaders(await requestWithHost(ROOT_DOMAIN, asset!));
  const unknown = await requestWithHost(`nobody-here.${ROOT_DOMAIN}`, "/");
  expect(unknown.status).toBe(404);
  expectCommonHeaders(unknown);
});

test("over https (X-Forwarded-Proto), responses add HSTS and cookies are Secure", async ({ page, createTenant }) => {
  const https = { "x-forwarded-proto": "https" };
  const signIn = await requestWithHost(ROOT_DOMAIN, "/sign-in", https);
  expect(signIn.headers["strict-transport-security"]).toMatch(/^max-age=\d+; includeSubDomains$/);
  expect(directives(signIn).has("upgrade-insecure-requests")).toBe(true);
  const csrf = await requestWithHost(ROOT_DOMAIN, "/api/auth/csrf", https);
  expect(csrf.headers["strict-transport-security"]).toMatch(/^max-age=\d+/);
  const cookies = csrf.headers["set-cookie"] ?? [];
  expect(cookies.length).toBeGreaterThan(0);
  for (const cookie of cookies) expect(cookie).toMatch(/;\s*Secure/i);

  // The guest cart's cookie, set by a server action of a page loaded over "https".
  const tenant = await createTenant({ products: [{ slug: "mug", priceCents: 900, title: { en: "Mug" } }] });
  await page.context().setExtraHTTPHeaders(https);
  const store = new StorefrontPage(page, tenant.store.slug);
  await store.goto("/p/mug");
  await page.getByTestId("add-to-cart").click();
  await expect(page.getByTestId("header-cart-count")).toHaveText("1");
  const cart = (await page.context().cookies(tenant.store.url)).find((c) => c.name === "patron_cart");
  expect(cart?.secure).toBe(true);

  // Over plain http the same cookie is not Secure.
  const csrfHttp = await requestWithHost(ROOT_DOMAIN, "/api/auth/csrf");
  for (const cookie of csrfHttp.headers["set-cookie"] ?? []) expect(cookie).not.toMatch(/;\s*Secure/i);
});
