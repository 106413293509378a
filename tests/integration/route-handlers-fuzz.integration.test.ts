import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it, vi } from "vitest";
import { closeRateLimitPool } from "@/lib/auth/rate-limit";
import { stopBoss } from "@/lib/jobs/boss";
import { resolveHost } from "@/lib/tenancy/host";
import { proxiedHeaders } from "@/tests/doubles/proxy";
import { createTenant } from "./fixtures";

/**
 * Every public route handler, fed random, huge, unicode, NUL and malformed values through the
 * parts a client controls (path parameters, query, headers, body): never a 5xx, never a throw.
 * The storefront's pages are covered by the proxy, which refuses such paths before any page runs
 * (lib/tenancy/path.test.ts, e2e/hosts.spec.ts).
 */

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers, cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }) }));
vi.mock("@/lib/auth/index", () => import("@/tests/doubles/auth"));
// Route handlers translate under Next's server build of next-intl, which a test does not load.
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

const { GET: downloadGET } = await import("@/app/api/downloads/[token]/route");
const { GET: fileGET } = await import("@/app/api/files/[...key]/route");
const { POST: stripePOST } = await import("@/app/api/webhooks/stripe/route");
const { GET: authGET, POST: authPOST } = await import("@/app/api/auth/[...nextauth]/route");
const { GET: cartCountGET } = await import("@/app/[locale]/s/[store]/cart/count/route");
const { GET: loyaltyBadgeGET } = await import("@/app/[locale]/s/[store]/loyalty/badge/route");
const { GET: certificateGET } = await import("@/app/[locale]/s/[store]/gift-cards/certificate/route");

afterAll(async () => {
  await closeRateLimitPool();
  await stopBoss(1_000);
});

const nasty = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom("\u0000", "AB\u0000CD", "x".repeat(20_000), "%", "%FF", "../../etc/passwd", "images/a/b.png\u0000", "é💥", "", " ", "null"),
);

/** A Next.js control-flow throw (notFound) is an answer, not a crash: Next turns it into a 404. */
function isNotFoundSignal(error: unknown): boolean {
  return error instanceof Error && /NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/.test(String((error as { digest?: string }).digest ?? error.message));
}

async function statusOf(run: () => Promise<Response> | Response): Promise<number> {
  try {
    return (await run()).status;
  } catch (error) {
    if (isNotFoundSignal(error)) return 404;
    throw error;
  }
}

const RUNS = { numRuns: 60 };

describe("public route handlers, fuzzed", async () => {
  const tenant = await createTenant();
  const storeHost = `${tenant.store.slug}.localhost:3000`;

  it("downloads: any token on any host is a 404 (or 429 once the address asked too often), never an error", async () => {
    await fc.assert(
      fc.asyncProperty(nasty, fc.constantFrom(storeHost, "localhost:3000", "evil.example"), async (token, host) => {
        request.headers = await proxiedHeaders(host);
        const status = await statusOf(() => downloadGET(new Request("http://localhost/api/downloads/x", { headers: { host } }), { params: Promise.resolve({ token }) }));
        expect([404, 429]).toContain(status);
      }),
      RUNS,
    );
  });

  it("files: any key is a 404, never an error", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(nasty, { minLength: 1, maxLength: 4 }), async (key) => {
        const status = await statusOf(() => fileGET(new Request("http://localhost/api/files/x"), { params: Promise.resolve({ key }) }));
        expect(status).toBe(404);
      }),
      RUNS,
    );
  });

  it("the Stripe webhook: any body and signature are refused with 400 (or 404 off the apex), never an error", async () => {
    await fc.assert(
      fc.asyncProperty(nasty, fc.option(nasty), fc.constantFrom("localhost:3000", storeHost), async (body, signature, host) => {
        const headers: Record<string, string> = { host };
        if (signature !== null) headers["stripe-signature"] = signature.replace(/[^\x20-\x7e]/g, "");
        request.headers = await proxiedHeaders(host);
        const status = await statusOf(() => stripePOST(new Request("http://localhost/api/webhooks/stripe", { method: "POST", headers, body })));
        expect(status).toBe(resolveHost(host, "localhost:3000").kind === "platform" ? 400 : 404);
      }),
      RUNS,
    );
  });

  it("Auth.js: any path, query and cookie answer below 500", async () => {
    const segment = fc.oneof(fc.constantFrom("session", "csrf", "providers", "signout", "callback/email", "verify-request", "error"), nasty.map(encodeURIComponent));
    await fc.assert(
      fc.asyncProperty(
        segment,
        nasty,
        nasty,
        fc.constantFrom("GET", "POST"),
        fc.constantFrom("localhost:3000", storeHost),
        async (path, query, cookie, method, host) => {
          const url = `http://localhost:3000/api/auth/${path}?callbackUrl=${encodeURIComponent(query)}&token=${encodeURIComponent(query)}&email=${encodeURIComponent(query)}`;
          const headers: Record<string, string> = { host, cookie: `authjs.session-token=${encodeURIComponent(cookie)}` };
          const handler = method === "GET" ? authGET : authPOST;
          request.headers = await proxiedHeaders(host, headers);
          const status = await statusOf(() => handler(new NextRequest(url, { method, headers, body: method === "POST" ? `csrfToken=${encodeURIComponent(query)}` : undefined })));
          expect(status).toBeLessThan(500);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("the cart count and the loyalty badge: any store and locale parameter, from any host, answer below 500", async () => {
    await fc.assert(
      fc.asyncProperty(nasty, fc.oneof(nasty, fc.constantFrom("en", "fr")), fc.boolean(), async (store, locale, onStoreHost) => {
        request.headers = await proxiedHeaders(onStoreHost ? storeHost : "localhost:3000");
        const status = await statusOf(() => cartCountGET(new Request("http://localhost/cart/count"), { params: Promise.resolve({ store, locale }) }));
        expect(status).toBeLessThan(500);
        const badge = await statusOf(() => loyaltyBadgeGET(new Request("http://localhost/loyalty/badge"), { params: Promise.resolve({ store, locale }) }));
        expect(badge).toBeLessThan(500);
      }),
      RUNS,
    );
  });

  it("gift-card certificates: any token on any host, for any store parameter, is a 404, never an error", async () => {
    await fc.assert(
      fc.asyncProperty(nasty, fc.oneof(nasty, fc.constant(tenant.store.slug)), fc.boolean(), async (token, store, onStoreHost) => {
        request.headers = await proxiedHeaders(onStoreHost ? storeHost : "localhost:3000");
        const url = `http://localhost/gift-cards/certificate?t=${encodeURIComponent(token)}`;
        const status = await statusOf(() => certificateGET(new Request(url), { params: Promise.resolve({ store, locale: "en" }) }));
        expect(status).toBe(404);
      }),
      RUNS,
    );
  });
});
