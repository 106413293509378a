import { describe, expect, it, vi } from "vitest";
import { TestForbidden, TestNotFound, TestRedirect } from "@/tests/doubles/next-navigation";
import { db } from "@/lib/db";
import type { Storefront } from "@/lib/tenancy/loaders";
import type { StoreId } from "@/lib/tenancy/types";
import { DEFAULT_TIME_ZONE } from "@/lib/time";
import { createUser } from "@/tests/integration/fixtures";
import { createLoyaltyTenant } from "@/tests/integration/loyalty-fixtures";
import { deliverEmail } from "@/lib/email/mutations";
import { startFakeResend } from "@/tests/doubles/fake-resend";
import { resendTransport } from "@/lib/email/transport";
import en from "@/messages/en.json";
import { earnAction, joinLoyaltyAction, reverseAction, type TerminalState } from "./actions";
import { enrollCustomer, earnOnCard } from "./mutations";
import { dateFormatOf } from "./schema";

/**
 * The terminal actions' gates, called as the browser would call them: who is signed in on the
 * storefront host is played by `session`; the storefront is whatever the test says the host is.
 */
const session: { user: { userId: string; email: string } | null; store: Storefront | null } = { user: null, store: null };

vi.mock("next/navigation", async () => (await import("@/tests/doubles/next-navigation")).navigationMock);
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("@/lib/auth/loaders", () => ({
  loadSession: async () => (session.user ? { ...session.user, name: null, isPlatformAdmin: false } : null),
  loadCustomerSession: async () => null,
  requireMembership: async () => {
    throw new Error("not used by the terminal");
  },
}));
vi.mock("@/lib/tenancy/loaders", () => ({
  loadStorefront: async () => session.store,
  loadPublicStorefront: async () => session.store,
  assertStoreLocale: () => undefined,
}));
// The store the proxy routed the request to (the join form's store).
vi.mock("@/lib/tenancy/request", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/tenancy/request")>()),
  currentTenant: async () => session.store?.target ?? null,
}));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("use-intl/core");
  const messages = (await import("@/messages/en.json")).default;
  return {
    getLocale: async () => "en",
    getTranslations: async (options?: { locale?: string; namespace?: string }) =>
      createTranslator({ locale: options?.locale ?? "en", messages, namespace: options?.namespace as never, timeZone: DEFAULT_TIME_ZONE }),
  };
});

const IDLE: TerminalState = { status: "idle" };
const FORM_IDLE = { status: "idle" } as const;

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
    const earn = () => outcome(earnAction(t.tenant.store.slug, "en", cardId, IDLE, form({ spend: "12" })));

    session.user = null;
    expect(await earn()).toEqual({ redirect: `/sign-in?${new URLSearchParams({ callbackUrl: "/terminal" })}` });

    session.user = { userId: other.staff.id, email: other.staff.email };
    expect(await earn()).toBe("notFound");

    const customer = await createUser(`customer-${t.tenant.tag}@example.test`);
    session.user = { userId: customer.id, email: customer.email };
    expect(await earn()).toBe("notFound");

    session.user = { userId: t.staff.id, email: t.staff.email };
    expect(await earn()).toEqual({ status: "success", message: "12 points added. New balance: 12." });
    expect(await outcome(earnAction(t.tenant.store.slug, "en", cardId, IDLE, form({ spend: "-3" })))).toMatchObject({ status: "error" });
    // Another merchant's card id through this merchant's terminal: not found, nothing written.
    const foreign = await enrollCustomer(other.store, { email: `foreign-${t.tenant.tag}@example.test`, name: "F", phone: null, birthday: null, locale: "en" });
    if (!foreign.ok || foreign.alreadyMember) throw new Error("enrollment failed");
    expect(await outcome(earnAction(t.tenant.store.slug, "en", foreign.cardId, IDLE, form({ spend: "12" })))).toBe("notFound");
    expect(await db.loyaltyLedger.count({ where: { cardId: foreign.cardId } })).toBe(0);

    const entry = await db.loyaltyLedger.findFirstOrThrow({ where: { cardId, kind: "EARN" }, select: { id: true } });
    const reverse = () => outcome(reverseAction(t.tenant.store.slug, "en", entry.id, IDLE, form({ reason: "Typo" })));
    expect(await reverse()).toBe("forbidden");

    const manager = await createUser(`manager-${t.tenant.tag}@example.test`);
    await db.membership.create({ data: { userId: manager.id, merchantId: t.merchantId, role: "MANAGER" } });
    session.user = { userId: manager.id, email: manager.email };
    expect(await outcome(reverseAction(t.tenant.store.slug, "en", entry.id, IDLE, form({ reason: " " })))).toMatchObject({ status: "error" });
    expect(await reverse()).toEqual({ status: "success", message: "Movement reversed. New balance: 0." });
    expect(await reverse()).toEqual({ status: "warning", message: "This movement has already been reversed." });

    // Staff limited to the second store are not let in at the first one.
    const scoped = await createUser(`scoped-${t.tenant.tag}@example.test`);
    const membership = await db.membership.create({ data: { userId: scoped.id, merchantId: t.merchantId, role: "STAFF" }, select: { id: true } });
    await db.membershipStore.create({ data: { membershipId: membership.id, storeId: t.secondStoreId, merchantId: t.merchantId } });
    session.user = { userId: scoped.id, email: scoped.email };
    expect(await earn()).toBe("notFound");
    session.store = storefrontOf(t, t.secondStoreId);
    expect(await earn()).toMatchObject({ status: "success" });
  });

  it("a refusal during the cooldown is a translated warning with the minutes left", async () => {
    const t = await createLoyaltyTenant({ cooldownMinutes: 45 });
    const joined = await enrollCustomer(t.store, { email: `cool-${t.tenant.tag}@example.test`, name: "Cool", phone: null, birthday: null, locale: "en" });
    if (!joined.ok || joined.alreadyMember) throw new Error("enrollment failed");
    await earnOnCard(t.actor, joined.cardId, 500);
    session.store = storefrontOf(t, t.store.id);
    session.user = { userId: t.staff.id, email: t.staff.email };
    expect(await outcome(earnAction(t.tenant.store.slug, "en", joined.cardId, IDLE, form({ spend: "5" })))).toEqual({
      status: "warning",
      message: "This card has just earned. It can earn again in 45 minutes.",
    });
  });
});

describe("joining with an internationalized email address", () => {
  const join = (t: Awaited<ReturnType<typeof createLoyaltyTenant>>, email: string) => {
    session.store = storefrontOf(t, t.store.id);
    return joinLoyaltyAction(FORM_IDLE, form({ email, name: "Léa", terms: "on" }));
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
    const state = await joinLoyaltyAction(FORM_IDLE, form({ email: `date-${t.tenant.tag}@example.test`, name: "Léa", birthday: "31/02/1990", terms: "on" }));
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
