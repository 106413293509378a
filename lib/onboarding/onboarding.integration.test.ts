import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeRateLimitPool } from "@/lib/auth/rate-limit";
import { testRequest } from "@/tests/doubles/auth";
import { db } from "@/lib/db";
import { findStoreRoutingBySlug } from "@/lib/tenancy/data";
import { form, outcome, passwordUser as person, actAs as signedInAs } from "@/tests/integration/actors";
import { createTenant } from "@/tests/integration/fixtures";
import type { MerchantId } from "@/lib/tenancy/types";
import { checkSlugAction, signUpMerchantAction } from "./actions";
import { loadChecklist } from "./loaders";
import { IDLE } from "@/lib/actions/form-state";

const signIn = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock("@/lib/auth/index", async () => ({ ...(await import("@/tests/doubles/auth")), signIn }));
vi.mock("next/headers", async () => {
  const { testHeaders } = await import("@/tests/doubles/auth");
  return { headers: async () => testHeaders() };
});
vi.mock("next/navigation", async () => (await import("@/tests/doubles/next-navigation")).navigationMock);
// The page's locale, as next-intl settled it for the request; refusals come back as their keys.
const requestLocale = vi.hoisted(() => ({ value: "fr" }));
vi.mock("next-intl/server", () => ({ getLocale: async () => requestLocale.value, getTranslations: async () => (key: string) => key }));

afterAll(async () => {
  await closeRateLimitPool();
});

beforeEach(() => {
  testRequest.host = "localhost:3000";
  testRequest.cookie = "";
  signIn.mockClear();
  requestLocale.value = "fr";
});

/** A refusal under `Onboarding.errors`, as the test's translator gives it (the key). */
const refusal = (code: string) => ({ key: `Onboarding.errors.${code}`, message: `Onboarding.errors.${code}` });

const unique = () => Math.random().toString(36).slice(2, 8);

function merchantFields(slug: string, extra: Record<string, string | string[]> = {}) {
  return { merchantName: "Café Léa SARL", storeName: "Café Léa", slug, currency: "EUR", defaultLocale: "fr", locales: ["en", "lb"], ...extra };
}

describe("merchant sign-up", () => {
  it("a visitor creates an account, a merchant and its first store, is signed in, and the store serves at once", async () => {
    const slug = `cafe-${unique()}`;
    // The proxy looked the host up before it existed: a cached "unknown" must not survive the sign-up.
    expect(await findStoreRoutingBySlug(slug)).toBeNull();
    const email = `lea-${unique()}@example.test`;
    const result = await outcome(signUpMerchantAction(IDLE, form({ ...merchantFields(` ${slug.toUpperCase()} `), name: "Léa", email: email.toUpperCase(), password: "a long password" })));
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, passwordHash: true, memberships: { select: { role: true, merchantId: true } } } });
    expect(user.name).toBe("Léa");
    expect(user.passwordHash).toMatch(/^\$2/);
    expect(user.memberships).toEqual([{ role: "OWNER", merchantId: expect.any(String) }]);
    const merchantId = user.memberships[0]!.merchantId;
    expect(result).toEqual({ redirect: `/fr/account/m/${merchantId}?welcome=1` });
    expect(signIn).toHaveBeenCalledWith("credentials", { email, password: "a long password", redirect: false });

    const store = await db.store.findFirstOrThrow({ where: { merchantId }, select: { slug: true, name: true, currency: true, defaultLocale: true, locales: true, status: true, translations: { select: { locale: true, name: true } } } });
    expect(store).toEqual({ slug, name: "Café Léa", currency: "EUR", defaultLocale: "fr", locales: ["en", "fr", "lb"], status: "OPEN", translations: [{ locale: "fr", name: "Café Léa" }] });
    expect((await findStoreRoutingBySlug(slug))?.merchantId).toBe(merchantId);
    const events = await db.auditEvent.findMany({ where: { merchantId }, select: { action: true, actorUserId: true } });
    expect(events.map((e) => e.action).sort()).toEqual(["merchant.create", "store.create"]);
    expect(events.every((e) => e.actorUserId === user.id)).toBe(true);
  });

  it("a signed-in user adds a business without account fields", async () => {
    const user = await person("existing");
    await signedInAs(user.email);
    const slug = `shop-${unique()}`;
    requestLocale.value = "en";
    const result = await outcome(signUpMerchantAction(IDLE, form(merchantFields(slug))));
    expect(result).toMatchObject({ redirect: expect.stringMatching(/^\/account\/m\/\w+\?welcome=1$/) });
    expect(await db.membership.count({ where: { userId: user.id, role: "OWNER" } })).toBe(1);
    expect(signIn).not.toHaveBeenCalled();
  });

  it.each([
    ["admin", "slugReserved"],
    ["www", "slugReserved"],
    ["-bad-", "slugFormat"],
    ["", "required"],
  ])("slug %j is refused (%s) and nothing is written", async (slug, error) => {
    const email = `nobody-${unique()}@example.test`;
    const result = await signUpMerchantAction(IDLE, form({ ...merchantFields(slug), name: "N", email, password: "a long password" }));
    expect(result).toMatchObject({ status: "error", fieldErrors: { slug: refusal(error) } });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("a taken slug or email is a field error; nothing is written", async () => {
    const tenant = await createTenant();
    const before = await db.merchant.count();
    const email = `new-${unique()}@example.test`;
    expect(await signUpMerchantAction(IDLE, form({ ...merchantFields(tenant.store.slug), name: "N", email, password: "a long password" }))).toMatchObject({
      status: "error",
      fieldErrors: { slug: refusal("slugTaken") },
      values: { email },
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
    const existing = await person("taken");
    expect(await signUpMerchantAction(IDLE, form({ ...merchantFields(`free-${unique()}`), name: "N", email: existing.email, password: "a long password" }))).toMatchObject({
      fieldErrors: { email: refusal("emailTaken") },
    });
    expect(await db.merchant.count()).toBe(before);
  });

  it("account fields are checked for visitors: short password, bad email", async () => {
    const result = await signUpMerchantAction(IDLE, form({ ...merchantFields(`x-${unique()}`), name: "", email: "not-an-email", password: "short" }));
    expect(result).toMatchObject({ fieldErrors: { name: refusal("required"), email: refusal("invalidEmail"), password: refusal("passwordTooShort") } });
    expect(result.values).not.toHaveProperty("password");
  });

  it("two sign-ups racing for one slug: one store, the other gets slugTaken", async () => {
    const slug = `race-${unique()}`;
    const [a, b] = await Promise.all(
      ["a", "b"].map((x) => outcome(signUpMerchantAction(IDLE, form({ ...merchantFields(slug), name: x, email: `race-${x}-${unique()}@example.test`, password: "a long password" })))),
    );
    expect([a, b].filter((r) => typeof r === "object" && r !== null && "redirect" in r)).toHaveLength(1);
    expect([a, b]).toContainEqual(expect.objectContaining({ fieldErrors: { slug: refusal("slugTaken") } }));
    expect(await db.store.count({ where: { slug } })).toBe(1);
  });

  it("the live check answers reserved, malformed, taken and available", async () => {
    const tenant = await createTenant();
    expect(await checkSlugAction(IDLE, { slug: "API" })).toEqual({ status: "ok", data: { slug: "api", result: "slugReserved" } });
    expect(await checkSlugAction(IDLE, { slug: "a_b" })).toEqual({ status: "ok", data: { slug: "a_b", result: "slugFormat" } });
    expect(await checkSlugAction(IDLE, { slug: tenant.store.slug })).toEqual({ status: "ok", data: { slug: tenant.store.slug, result: "slugTaken" } });
    expect(await checkSlugAction(IDLE, { slug: "free-one-xyz" })).toEqual({ status: "ok", data: { slug: "free-one-xyz", result: "available" } });
  });
});

describe("the checklist", () => {
  it("ticks each step as the merchant does it, loyalty once a program is published", async () => {
    const tenant = await createTenant();
    const access = { merchantId: tenant.merchant.id as MerchantId, userId: tenant.owner.id, role: "OWNER" as const, storeIds: null };
    const done = async () => Object.fromEntries((await loadChecklist(access)).map((item) => [item.key, item.done]));
    expect(await done()).toEqual({ product: false, loyalty: false, staff: false, domain: false });

    await db.product.create({ data: { merchantId: tenant.merchant.id, storeId: tenant.store.id, slug: "first", priceCents: 100 } });
    await db.loyaltyProgram.create({ data: { merchantId: tenant.merchant.id, type: "STAMPS", stampsPerVisit: 1 } });
    expect(await done()).toEqual({ product: true, loyalty: false, staff: false, domain: false });

    await db.loyaltyProgram.update({ where: { merchantId: tenant.merchant.id }, data: { status: "ACTIVE", termsTexts: { en: "One stamp per visit." } } });
    expect(await done()).toEqual({ product: true, loyalty: true, staff: false, domain: false });
  });
});
