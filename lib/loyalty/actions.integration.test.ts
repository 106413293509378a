import { describe, expect, it, vi } from "vitest";
import { TestForbidden, TestNotFound, TestRedirect } from "@/tests/doubles/next-navigation";
import { db } from "@/lib/db";
import type { Storefront } from "@/lib/tenancy/loaders";
import type { StoreId } from "@/lib/tenancy/types";
import { DEFAULT_TIME_ZONE } from "@/lib/time";
import { createUser } from "@/tests/integration/fixtures";
import { createLoyaltyTenant, createRewardRow } from "@/tests/integration/loyalty-fixtures";
import { IDLE } from "@/lib/actions/form-state";
import { deliverEmail } from "@/lib/email/mutations";
import { startFakeResend } from "@/tests/doubles/fake-resend";
import { resendTransport } from "@/lib/email/transport";
import en from "@/messages/en.json";
import { earnAction, joinLoyaltyAction, redeemAction, reverseAction } from "./actions";
import { enrollCustomer, earnOnCard } from "./mutations";
import { dateFormatOf } from "./schema";

/**
 * The terminal actions' gates, called as the browser would call them: who is signed in on the
 * storefront host is played by `session`; the storefront is whatever the test says the host is
 * (`platform`: the request came to the platform's own host), in the request's `locale`.
 */
const session: { user: { userId: string; email: string } | null; store: Storefront | null; platform?: boolean; locale?: string } = { user: null, store: null };

vi.mock("next/navigation", async () => (await import("@/tests/doubles/next-navigation")).navigationMock);
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("@/lib/auth/loaders", () => ({
  loadSession: async () => (session.user ? { ...session.user, name: null, isPlatformAdmin: false } : null),
  loadCustomerSession: async () => null,
  requireMembership: async () => {
    throw new Error("not used by the terminal");
  },
}));
vi.mock("@/lib/tenancy/loaders", async (importOriginal) => ({
  assertStoreLocale: (await importOriginal<typeof import("@/lib/tenancy/loaders")>()).assertStoreLocale,
  loadStorefront: async () => session.store,
  loadPublicStorefront: async () => session.store,
}));
// The tenant the proxy routed the request to: the store's host, or the platform's.
vi.mock("@/lib/tenancy/request", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/tenancy/request")>()),
  currentTenant: async () =>
    session.platform
      ? { kind: "platform", host: "localhost:3000", origin: "http://localhost:3000", defaultLocale: "en", locales: ["en"] }
      : (session.store?.target ?? null),
}));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("use-intl/core");
  const messages = (await import("@/messages/en.json")).default;
  return {
    getLocale: async () => session.locale ?? "en",
    getTranslations: async (options?: { locale?: string; namespace?: string }) =>
      createTranslator({ locale: options?.locale ?? "en", messages, namespace: options?.namespace as never, timeZone: DEFAULT_TIME_ZONE }),
  };
});

function storefrontOf(t: Awaited<ReturnType<typeof createLoyaltyTenant>>, storeId: StoreId): Storefront {
  return {
    id: storeId,
    merchantId: t.merchantId,
    slug: t.tenant.store.slug,
    name: "Store",
    currency: "EUR",
    defaultLocale: "en",
    locales: ["en"],
    isOpen: true,
    target: {
      kind: "store",
      via: "subdomain",
      host: `${t.tenant.store.slug}.localhost:3000`,
      origin: `http://${t.tenant.store.slug}.localhost:3000`,
      storeId,
      merchantId: t.merchantId,
      slug: t.tenant.store.slug,
      defaultLocale: "en",
      locales: ["en"],
    },
    merchantName: "Merchant",
    shippingCountries: ["LU"],
    timeZone: DEFAULT_TIME_ZONE,
    profile: { logoKey: null, contactEmail: null, contactPhone: null, contactAddress: null, translations: [] },
  };
}

async function outcome(promise: Promise<unknown>): Promise<unknown> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof TestRedirect) return { redirect: error.url };
    if (error instanceof TestNotFound) return "notFound";
    if (error instanceof TestForbidden) return "forbidden";
    throw error;
  }
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

describe("terminal actions", () => {
  it("only the merchant's staff earn; staff cannot reverse; managers can; scoped staff only at their stores", async () => {
    const t = await createLoyaltyTenant({ pointsPerUnit: 1 });
    const other = await createLoyaltyTenant();
    const joined = await enrollCustomer(t.store, { email: `gate-${t.tenant.tag}@example.test`, name: "Gate", phone: null, birthday: null, locale: "en" });
    if (!joined.ok || joined.alreadyMember) throw new Error("enrollment failed");
    const cardId = joined.cardId;
    session.store = storefrontOf(t, t.store.id);
    const earn = () => outcome(earnAction(cardId, IDLE, form({ spend: "12" })));

    session.user = null;
    expect(await earn()).toEqual({ redirect: `/sign-in?${new URLSearchParams({ callbackUrl: "/terminal" })}` });

    session.user = { userId: other.staff.id, email: other.staff.email };
    expect(await earn()).toBe("notFound");

    const customer = await createUser(`customer-${t.tenant.tag}@example.test`);
    session.user = { userId: customer.id, email: customer.email };
    expect(await earn()).toBe("notFound");

    session.user = { userId: t.staff.id, email: t.staff.email };
    expect(await earn()).toEqual({ status: "ok", data: { message: "12 points added. New balance: 12." } });
    expect(await outcome(earnAction(cardId, IDLE, form({ spend: "-3" })))).toEqual({
      status: "error",
      fieldErrors: { spend: { key: "Loyalty.errors.invalidAmount", message: en.Loyalty.errors.invalidAmount } },
      values: { spend: "-3" },
    });
    // Another merchant's card id through this merchant's terminal: not found, nothing written.
    const foreign = await enrollCustomer(other.store, { email: `foreign-${t.tenant.tag}@example.test`, name: "F", phone: null, birthday: null, locale: "en" });
    if (!foreign.ok || foreign.alreadyMember) throw new Error("enrollment failed");
    expect(await outcome(earnAction(foreign.cardId, IDLE, form({ spend: "12" })))).toBe("notFound");
    expect(await db.loyaltyLedger.count({ where: { cardId: foreign.cardId } })).toBe(0);

    const entry = await db.loyaltyLedger.findFirstOrThrow({ where: { cardId, kind: "EARN" }, select: { id: true } });
    const reverse = () => outcome(reverseAction(entry.id, IDLE, form({ reason: "Typo" })));
    expect(await reverse()).toBe("forbidden");

    const manager = await createUser(`manager-${t.tenant.tag}@example.test`);
    await db.membership.create({ data: { userId: manager.id, merchantId: t.merchantId, role: "MANAGER" } });
    session.user = { userId: manager.id, email: manager.email };
    expect(await outcome(reverseAction(entry.id, IDLE, form({ reason: " " })))).toMatchObject({
      status: "error",
      fieldErrors: { reason: { key: "Loyalty.errors.required", message: en.Loyalty.errors.required } },
    });
    expect(await reverse()).toEqual({ status: "ok", data: { message: "Movement reversed. New balance: 0." } });
    expect(await reverse()).toEqual({
      status: "error",
      error: { key: "Loyalty.reasons.ALREADY_REVERSED", message: "This movement has already been reversed." },
      values: { reason: "Typo" },
    });

    // Staff limited to the second store are not let in at the first one.
    const scoped = await createUser(`scoped-${t.tenant.tag}@example.test`);
    const membership = await db.membership.create({ data: { userId: scoped.id, merchantId: t.merchantId, role: "STAFF" }, select: { id: true } });
    await db.membershipStore.create({ data: { membershipId: membership.id, storeId: t.secondStoreId, merchantId: t.merchantId } });
    session.user = { userId: scoped.id, email: scoped.email };
    expect(await earn()).toBe("notFound");
    session.store = storefrontOf(t, t.secondStoreId);
    expect(await earn()).toMatchObject({ status: "ok" });
  });

  it("a refusal during the cooldown is a translated warning with the minutes left", async () => {
    const t = await createLoyaltyTenant({ cooldownMinutes: 45 });
    const joined = await enrollCustomer(t.store, { email: `cool-${t.tenant.tag}@example.test`, name: "Cool", phone: null, birthday: null, locale: "en" });
    if (!joined.ok || joined.alreadyMember) throw new Error("enrollment failed");
    await earnOnCard(t.actor, joined.cardId, 500);
    session.store = storefrontOf(t, t.store.id);
    session.user = { userId: t.staff.id, email: t.staff.email };
    expect(await outcome(earnAction(joined.cardId, IDLE, form({ spend: "5" })))).toMatchObject({
      status: "error",
      error: { key: "Loyalty.reasons.COOLDOWN", message: "This card has just earned. It can earn again in 45 minutes." },
    });
  });

  it("a refused redemption names the amount missing with its unit; another merchant's reward is unavailable, nothing written", async () => {
    const t = await createLoyaltyTenant();
    const other = await createLoyaltyTenant();
    const joined = await enrollCustomer(t.store, { email: `redeem-${t.tenant.tag}@example.test`, name: "Red", phone: null, birthday: null, locale: "en" });
    if (!joined.ok || joined.alreadyMember) throw new Error("enrollment failed");
    await earnOnCard(t.actor, joined.cardId, 3000);
    const mug = await createRewardRow(t.merchantId, t.programId, 40);
    const foreign = await createRewardRow(other.merchantId, other.programId, 10);
    session.store = storefrontOf(t, t.store.id);
    session.user = { userId: t.staff.id, email: t.staff.email };
    expect(await outcome(redeemAction(joined.cardId, mug.id, IDLE, new FormData()))).toMatchObject({
      status: "error",
      error: { key: "Loyalty.reasons.INSUFFICIENT_BALANCE", message: "Not enough on the card for this reward: 10 points missing." },
    });
    expect(await outcome(redeemAction(joined.cardId, foreign.id, IDLE, new FormData()))).toMatchObject({
      status: "error",
      error: { key: "Loyalty.reasons.REWARD_UNAVAILABLE", message: en.Loyalty.reasons.REWARD_UNAVAILABLE },
    });
    expect(await db.loyaltyLedger.count({ where: { cardId: joined.cardId, kind: "REDEEM" } })).toBe(0);
  });

  it("takes the store and locale from the request: not on a store's host, in a locale it does not offer, or with a malformed id, the terminal is not found", async () => {
    const t = await createLoyaltyTenant();
    const joined = await enrollCustomer(t.store, { email: `host-${t.tenant.tag}@example.test`, name: "Host", phone: null, birthday: null, locale: "en" });
    if (!joined.ok || joined.alreadyMember) throw new Error("enrollment failed");
    session.store = storefrontOf(t, t.store.id);
    session.user = { userId: t.staff.id, email: t.staff.email };
    const earn = (cardId = joined.cardId) => outcome(earnAction(cardId, IDLE, form({ spend: "12" })));
    try {
      session.platform = true;
      expect(await earn()).toBe("notFound");
      session.platform = false;
      session.locale = "fr";
      expect(await earn()).toBe("notFound");
      session.locale = "en";
      expect(await earn("not/an-id")).toBe("notFound");
      expect(await db.loyaltyLedger.count({ where: { cardId: joined.cardId, kind: "EARN" } })).toBe(0);
      expect(await earn()).toEqual({ status: "ok", data: { message: "12 points added. New balance: 12." } });
    } finally {
      session.platform = false;
      session.locale = undefined;
    }
  });
});

describe("joining with an internationalized email address", () => {
  const join = (t: Awaited<ReturnType<typeof createLoyaltyTenant>>, email: string) => {
    session.store = storefrontOf(t, t.store.id);
    return joinLoyaltyAction(IDLE, form({ email, name: "Léa", terms: "on" }));
  };

  it("refuses an accented name before the @ with a translated reason, and writes nothing", async () => {
    const t = await createLoyaltyTenant();
    const state = await join(t, "léa@exämple.lu");
    expect(state).toMatchObject({ status: "error", fieldErrors: { email: { key: "Loyalty.errors.emailAccentedName", message: en.Loyalty.errors.emailAccentedName } } });
    expect(await db.customer.count({ where: { merchantId: t.merchantId } })).toBe(0);
  });

  it("names the request locale's date format in a birthday refusal, and writes nothing", async () => {
    const t = await createLoyaltyTenant();
    session.store = storefrontOf(t, t.store.id);
    const { order, separator } = dateFormatOf("en");
    const format = order.map((part) => en.Loyalty.join.dateLetters[part]).join(separator);
    const state = await joinLoyaltyAction(IDLE, form({ email: `date-${t.tenant.tag}@example.test`, name: "Léa", birthday: "31/02/1990", terms: "on" }));
    expect(state).toMatchObject({
      status: "error",
      fieldErrors: { birthday: { key: "Loyalty.errors.invalidDate", message: en.Loyalty.errors.invalidDate.replace("{format}", format) } },
      values: { birthday: "31/02/1990" },
    });
    expect(await db.customer.count({ where: { merchantId: t.merchantId } })).toBe(0);
  });

  it("accepts an accented domain end to end: stored as typed, sent to its ASCII form", async () => {
    const fake = await startFakeResend();
    const savedUrl = process.env.RESEND_BASE_URL;
    process.env.RESEND_BASE_URL = fake.url;
    const transport = resendTransport({ apiKey: "re_test_key", from: "Patron <no-reply@patron.test>" });
    try {
      const t = await createLoyaltyTenant();
      const local = `lea-${t.tenant.tag}`;
      const state = await join(t, `${local}@EXÄMPLE.lu`);
      expect(state).toMatchObject({ status: "ok", data: { status: "joined" } });
      const customer = await db.customer.findFirstOrThrow({ where: { merchantId: t.merchantId }, select: { email: true } });
      expect(customer.email).toBe(`${local}@exämple.lu`);
      const message = await db.emailMessage.findFirstOrThrow({ where: { to: customer.email, template: "loyalty-welcome" }, select: { id: true } });
      expect(await deliverEmail(message.id, { finalAttempt: false, transport })).toMatchObject({ kind: "sent" });
      expect(fake.requests.map((r) => r.body.to)).toEqual([`${local}@xn--exmple-cua.lu`]);
      // Typed in its ASCII form, the same address finds the same member.
      expect(await join(t, `${local}@xn--exmple-cua.lu`)).toMatchObject({ status: "ok", data: { status: "already" } });
    } finally {
      if (savedUrl === undefined) delete process.env.RESEND_BASE_URL;
      else process.env.RESEND_BASE_URL = savedUrl;
      await fake.close();
    }
  });
});
