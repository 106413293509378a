import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { IDLE } from "@/lib/actions/form-state";
import { closeRateLimitPool } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db";
import { hashGiftCardCode, parseGiftCardCode } from "@/lib/gift-cards/code";
import { creditCard, debitCard, issueCard, type NewCard } from "@/lib/gift-cards/ledger";
import type { MerchantId } from "@/lib/tenancy/types";
import { actAs, customerOf, form, memberOf, outcome, type Tenant } from "@/tests/integration/actors";
import { createTenant } from "@/tests/integration/fixtures";
import { createOrderRow } from "@/tests/integration/order-fixtures";
import { extendGiftCardAction, issueGiftCardAction, saveGiftCardExpiryAction, saveGiftCardPromotionAction, setGiftCardDisabledAction } from "./actions";
import { giftCardReport, listGiftCards } from "./data";
import { loadGiftCardList, loadGiftCardPage, loadGiftCardReport, loadGiftCardSettings, loadIssueForm } from "./loaders";

vi.mock("@/lib/auth/index", () => import("@/tests/doubles/auth"));
vi.mock("next/headers", async () => {
  const { testHeaders } = await import("@/tests/doubles/auth");
  return { headers: async () => testHeaders() };
});
vi.mock("next/navigation", async () => (await import("@/tests/doubles/next-navigation")).navigationMock);
// Refusals and texts come back as their keys.
vi.mock("next-intl/server", () => ({ getLocale: async () => "en", getTranslations: async () => (key: string) => key }));

afterAll(async () => {
  await closeRateLimitPool();
});

const refusal = (key: string) => ({ key, message: key });

/** A card issued straight through the ledger, as selling and the terminal will. */
async function card(tenant: Tenant, data: Partial<NewCard> & { at?: Date } = {}) {
  const { at, ...rest } = data;
  const issued = await db.$transaction((tx) =>
    issueCard(
      tx,
      { merchantId: tenant.merchant.id as MerchantId, transactionId: randomUUID(), storeId: tenant.store.id, at },
      { currency: "EUR", amountCents: 5000, source: "PURCHASE", expiresAt: null, deliveryLocale: "en", storeId: tenant.store.id, ...rest },
    ),
  );
  return issued!;
}

const cardRow = (id: string) => db.giftCard.findUniqueOrThrow({ where: { id }, select: { status: true, balanceCents: true, expiresAt: true } });
const issueForm = (storeId: string, fields: Record<string, string> = {}) =>
  form({ storeId, amount: "25.50", expiry: "never", expiresOn: "", customerEmail: "", recipientName: "", recipientEmail: "", note: "Goodwill gesture", ...fields });

describe("the gift-card list", () => {
  let tenant: Tenant;
  let other: Tenant;
  const ids: Record<string, string> = {};
  const last4: Record<string, string> = {};

  beforeAll(async () => {
    tenant = await createTenant();
    other = await createTenant();
    const buyer = await db.customer.create({ data: { merchantId: tenant.merchant.id, email: "paula.buyer@example.test", name: "Paula" }, select: { id: true } });
    const order = await createOrderRow(tenant, tenant.store.id, { status: "PAID", createdAt: new Date().toISOString(), lines: [], email: "guest.giver@example.test" });
    const base = Date.now() - 60_000;
    const make = async (name: string, data: Partial<NewCard>, i: number) => {
      const c = await card(tenant, { ...data, at: new Date(base + i * 1000) });
      ids[name] = c.id;
      last4[name] = c.last4;
    };
    await make("bought", { purchaserCustomerId: buyer.id }, 0);
    await make("guest", { orderId: order.id }, 1);
    await make("forMarie", { recipientName: "Marie Schmit", recipientEmail: "marie@example.test" }, 2);
    await make("expired", { expiresAt: new Date(Date.now() - 1000) }, 3);
    await make("disabled", {}, 4);
    await db.giftCard.update({ where: { id: ids.disabled }, data: { status: "DISABLED" } });
    await make("usedUp", { amountCents: 1000 }, 5);
    await db.$transaction((tx) => debitCard(tx, { merchantId: tenant.merchant.id as MerchantId, transactionId: randomUUID() }, ids.usedUp!, "REDEEM", 1000));
    // Another merchant's card for the same recipient: never in this list.
    await card(other, { recipientName: "Marie Schmit", recipientEmail: "marie@example.test" });
  });

  const search = (q: string, status: "ACTIVE" | "DISABLED" | "EXPIRED" | "USED_UP" | null = null, page = 1) =>
    listGiftCards(tenant.merchant.id as MerchantId, { q, status, page }).then((p) => p.rows.map((r) => r.id));

  it("lists every card of the merchant, newest first", async () => {
    expect(await search("")).toEqual([ids.usedUp, ids.disabled, ids.expired, ids.forMarie, ids.guest, ids.bought]);
  });

  it("finds cards by their last four characters (any case, with the dots), the buyer and the recipient", async () => {
    expect(await search(`•••• ${last4.forMarie!.toLowerCase()}`)).toContain(ids.forMarie);
    expect(await search("paula.buyer@")).toEqual([ids.bought]);
    expect(await search("GUEST.GIVER")).toEqual([ids.guest]);
    expect(await search("marie schmit")).toEqual([ids.forMarie]);
    expect(await search("marie@example.test")).toEqual([ids.forMarie]);
    expect(await search("nobody-at-all")).toEqual([]);
    // LIKE wildcards are text, not patterns.
    expect(await search("%")).toEqual([]);
  });

  it("filters by the status a person sees: a card past its date is expired", async () => {
    expect(await search("", "ACTIVE")).toEqual([ids.forMarie, ids.guest, ids.bought]);
    expect(await search("", "EXPIRED")).toEqual([ids.expired]);
    expect(await search("", "DISABLED")).toEqual([ids.disabled]);
    expect(await search("", "USED_UP")).toEqual([ids.usedUp]);
    const page = await listGiftCards(tenant.merchant.id as MerchantId, { q: "", status: "EXPIRED", page: 1 });
    expect(page.rows[0]).toMatchObject({ status: "EXPIRED", balanceCents: 5000 });
  });

  it("is paginated: a page beyond the last shows the last", async () => {
    const page = await listGiftCards(tenant.merchant.id as MerchantId, { q: "", status: null, page: 99 });
    expect(page).toMatchObject({ total: 6, page: 1, pageCount: 1 });
  });

  it("is open to staff; another merchant's member gets not found for the list and every card", async () => {
    await actAs((await memberOf(tenant, "STAFF")).email);
    const view = await loadGiftCardList(tenant.merchant.id, { q: "marie" });
    expect(view.page.rows.map((r) => r.id)).toEqual([ids.forMarie]);
    const page = await loadGiftCardPage(tenant.merchant.id, ids.bought!);
    expect(page.card).toMatchObject({ buyer: { name: "Paula", email: "paula.buyer@example.test" }, ledger: [{ kind: "ISSUE", amountCents: 5000, balanceAfterCents: 5000 }] });

    await actAs((await memberOf(other, "OWNER")).email);
    expect(await outcome(loadGiftCardList(tenant.merchant.id, {}))).toBe("notFound");
    expect(await outcome(loadGiftCardPage(tenant.merchant.id, ids.bought!))).toBe("notFound");
    // Through one's own merchant, the other merchant's card does not exist either.
    expect(await outcome(loadGiftCardPage(other.merchant.id, ids.bought!))).toBe("notFound");
    const own = await loadGiftCardList(other.merchant.id, { q: "marie" });
    expect(own.page.rows).toHaveLength(1);
    expect(own.page.rows.map((r) => r.id)).not.toContain(ids.forMarie);
  });
});

describe("issuing a card by hand", () => {
  it("writes the card, its ISSUE row and an audit event, and shows a code that hashes to the stored hash", async () => {
    const tenant = await createTenant();
    const manager = await memberOf(tenant, "MANAGER");
    const customer = await customerOf(tenant);
    await actAs(manager.email);
    const result = await issueGiftCardAction(
      tenant.merchant.id,
      IDLE,
      issueForm(tenant.store.id, { customerEmail: customer.email.toUpperCase(), recipientName: "Léa", recipientEmail: "lea@example.com", expiry: "default" }),
    );
    if (result.status !== "ok" || !result.data) throw new Error(JSON.stringify(result));
    const parsed = parseGiftCardCode(result.data.code);
    if (!parsed.ok) throw new Error("the code does not parse");
    expect(result.data.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const stored = await db.giftCard.findFirstOrThrow({
      where: { merchantId: tenant.merchant.id },
      select: { id: true, codeHash: true, last4: true, source: true, initialCents: true, balanceCents: true, currency: true, issuedByUserId: true, note: true, lockedCustomerId: true, recipientName: true, expiresAt: true, storeId: true },
    });
    const lockedTo = await db.customer.findFirstOrThrow({ where: { merchantId: tenant.merchant.id, email: customer.email }, select: { id: true } });
    expect(stored).toMatchObject({
      id: result.data.cardId,
      codeHash: hashGiftCardCode(parsed.code),
      last4: result.data.last4,
      source: "MANUAL",
      initialCents: 2550,
      balanceCents: 2550,
      currency: "EUR",
      issuedByUserId: manager.id,
      note: "Goodwill gesture",
      lockedCustomerId: lockedTo.id,
      recipientName: "Léa",
      // No default expiry set: the card never expires.
      expiresAt: null,
      storeId: tenant.store.id,
    });
    expect(await db.giftCardLedger.findMany({ where: { cardId: stored.id }, select: { kind: true, amountCents: true, balanceAfterCents: true, actorUserId: true, reason: true } })).toEqual([
      { kind: "ISSUE", amountCents: 2550, balanceAfterCents: 2550, actorUserId: manager.id, reason: "Goodwill gesture" },
    ]);
    const audit = await db.auditEvent.findMany({ where: { merchantId: tenant.merchant.id }, select: { action: true, targetId: true, actorUserId: true, data: true } });
    expect(audit).toMatchObject([{ action: "giftCard.issue", targetId: stored.id, actorUserId: manager.id }]);
    // The audit trail never holds the code.
    expect(JSON.stringify(audit)).not.toContain(parsed.code);
    // The named recipient gets the card by email at once, in the store's language, with the code.
    const delivery = await db.emailMessage.findMany({ where: { to: "lea@example.com", template: "gift-card-delivery" }, select: { id: true, data: true, sendAfter: true, locale: true } });
    expect(delivery).toMatchObject([{ sendAfter: null, locale: "en", data: { kind: "recipient", recipientName: "Léa", code: result.data.code, amountCents: 2550 } }]);
    expect((await db.giftCard.findUniqueOrThrow({ where: { id: stored.id }, select: { deliveryEmailId: true } })).deliveryEmailId).toBe(delivery[0]!.id);
  });

  it("takes the merchant's default expiry: the end of the same day that many months later in the store's zone", async () => {
    const tenant = await createTenant();
    await db.merchant.update({ where: { id: tenant.merchant.id }, data: { giftCardExpiryMonths: 12 } });
    await actAs((await memberOf(tenant, "MANAGER")).email);
    const result = await issueGiftCardAction(tenant.merchant.id, IDLE, issueForm(tenant.store.id, { expiry: "default" }));
    if (result.status !== "ok" || !result.data?.expiresAt) throw new Error(JSON.stringify(result));
    const days = (Date.parse(result.data.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(365);
    expect(days).toBeLessThan(368);
    const onDay = await issueGiftCardAction(tenant.merchant.id, IDLE, issueForm(tenant.store.id, { expiry: "date", expiresOn: "2099-03-31" }));
    // Valid through 31 March in Luxembourg (summer time): it expires at the next day's start there.
    expect(onDay).toMatchObject({ status: "ok", data: { expiresAt: "2099-03-31T22:00:00.000Z" } });
  });

  it("refuses bad input field by field and writes nothing", async () => {
    const tenant = await createTenant();
    const other = await createTenant();
    const stranger = await customerOf(other);
    await actAs((await memberOf(tenant, "OWNER")).email);
    const cases: Array<[Record<string, string>, Record<string, string>]> = [
      [{ amount: "0" }, { amount: "GiftCardAdmin.errors.invalidAmount" }],
      [{ amount: "12.345" }, { amount: "GiftCardAdmin.errors.invalidAmount" }],
      [{ amount: "" }, { amount: "GiftCardAdmin.errors.required" }],
      [{ note: "  " }, { note: "GiftCardAdmin.errors.required" }],
      [{ note: "x".repeat(501) }, { note: "GiftCardAdmin.errors.tooLong" }],
      [{ recipientEmail: "not an email" }, { recipientEmail: "GiftCardAdmin.errors.invalidEmail" }],
      [{ expiry: "date", expiresOn: "2026-02-30" }, { expiresOn: "GiftCardAdmin.errors.invalidDate" }],
      [{ expiry: "date", expiresOn: "2020-01-01" }, { expiresOn: "GiftCardAdmin.errors.dateInPast" }],
      // A lock needs a customer of this merchant: another merchant's customer is none.
      [{ customerEmail: stranger.email }, { customerEmail: "GiftCardAdmin.errors.notCustomer" }],
    ];
    for (const [fields, expected] of cases) {
      const result = await issueGiftCardAction(tenant.merchant.id, IDLE, issueForm(tenant.store.id, fields));
      expect(result, JSON.stringify(fields)).toMatchObject({ status: "error", fieldErrors: Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, refusal(v)])) });
    }
    // Another merchant's store is not one of this merchant's.
    expect(await issueGiftCardAction(tenant.merchant.id, IDLE, issueForm(other.store.id))).toMatchObject({
      status: "error",
      fieldErrors: { storeId: refusal("GiftCardAdmin.errors.unknownStore") },
    });
    expect(await db.giftCard.count({ where: { merchantId: { in: [tenant.merchant.id, other.merchant.id] } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { merchantId: tenant.merchant.id } })).toBe(0);
  });

  it("is for managers and owners: staff are refused, another merchant's member finds nothing", async () => {
    const tenant = await createTenant();
    await actAs((await memberOf(tenant, "STAFF")).email);
    expect(await outcome(issueGiftCardAction(tenant.merchant.id, IDLE, issueForm(tenant.store.id)))).toBe("forbidden");
    expect(await outcome(loadIssueForm(tenant.merchant.id))).toBe("forbidden");
    const other = await createTenant();
    await actAs((await memberOf(other, "OWNER")).email);
    expect(await outcome(issueGiftCardAction(tenant.merchant.id, IDLE, issueForm(tenant.store.id)))).toBe("notFound");
    expect(await outcome(loadIssueForm(tenant.merchant.id))).toBe("notFound");
    expect(await db.giftCard.count({ where: { merchantId: tenant.merchant.id } })).toBe(0);
  });

  it("offers a store-limited manager only their stores", async () => {
    const tenant = await createTenant();
    const second = await db.store.create({
      data: { merchantId: tenant.merchant.id, slug: `second-${tenant.tag}`, name: "Second", currency: "CHF", defaultLocale: "de", locales: ["de"] },
      select: { id: true },
    });
    await actAs((await memberOf(tenant, "MANAGER", [tenant.store.id])).email);
    expect((await loadIssueForm(tenant.merchant.id)).stores.map((s) => s.id)).toEqual([tenant.store.id]);
    expect(await issueGiftCardAction(tenant.merchant.id, IDLE, issueForm(second.id))).toMatchObject({ fieldErrors: { storeId: refusal("GiftCardAdmin.errors.unknownStore") } });
  });
});

describe("disabling, enabling and extending a card", () => {
  it("disables and enables again with a reason, audited; a used-up card comes back used up", async () => {
    const tenant = await createTenant();
    const c = await card(tenant);
    const manager = await memberOf(tenant, "MANAGER");
    await actAs(manager.email);
    const status = (disabled: boolean, cardId = c.id, reason = "Reported lost") => form({ cardId, disabled: String(disabled), reason });
    expect(await setGiftCardDisabledAction(tenant.merchant.id, IDLE, form({ cardId: c.id, disabled: "true", reason: "" }))).toMatchObject({
      fieldErrors: { reason: refusal("GiftCardAdmin.errors.required") },
    });
    expect((await cardRow(c.id)).status).toBe("ACTIVE");
    expect(await setGiftCardDisabledAction(tenant.merchant.id, IDLE, status(true))).toEqual({ status: "ok" });
    expect(await cardRow(c.id)).toMatchObject({ status: "DISABLED", balanceCents: 5000 });
    // A disabled card cannot pay.
    expect(await db.$transaction((tx) => debitCard(tx, { merchantId: tenant.merchant.id as MerchantId, transactionId: randomUUID() }, c.id, "REDEEM", 100))).toEqual({ ok: false, reason: "notUsable" });
    expect(await setGiftCardDisabledAction(tenant.merchant.id, IDLE, status(true))).toMatchObject({ error: refusal("GiftCardAdmin.errors.notEnabled") });
    expect(await setGiftCardDisabledAction(tenant.merchant.id, IDLE, status(false, c.id, "Found again"))).toEqual({ status: "ok" });
    expect((await cardRow(c.id)).status).toBe("ACTIVE");
    expect(await setGiftCardDisabledAction(tenant.merchant.id, IDLE, status(false))).toMatchObject({ error: refusal("GiftCardAdmin.errors.notDisabled") });

    const spent = await card(tenant, { amountCents: 700 });
    await db.$transaction((tx) => debitCard(tx, { merchantId: tenant.merchant.id as MerchantId, transactionId: randomUUID() }, spent.id, "REDEEM", 700));
    await setGiftCardDisabledAction(tenant.merchant.id, IDLE, status(true, spent.id));
    await setGiftCardDisabledAction(tenant.merchant.id, IDLE, status(false, spent.id));
    expect((await cardRow(spent.id)).status).toBe("USED_UP");

    const events = await db.auditEvent.findMany({ where: { merchantId: tenant.merchant.id }, orderBy: { createdAt: "asc" }, select: { action: true, targetId: true, data: true } });
    expect(events.slice(0, 2)).toEqual([
      { action: "giftCard.disable", targetId: c.id, data: { from: "ACTIVE", to: "DISABLED", reason: "Reported lost" } },
      { action: "giftCard.enable", targetId: c.id, data: { from: "DISABLED", to: "ACTIVE", reason: "Found again" } },
    ]);
  });

  it("does not enable a disabled card past its date", async () => {
    const tenant = await createTenant();
    const c = await card(tenant, { expiresAt: new Date(Date.now() - 60_000) });
    await db.giftCard.update({ where: { id: c.id }, data: { status: "DISABLED" } });
    await actAs((await memberOf(tenant, "MANAGER")).email);
    expect(await setGiftCardDisabledAction(tenant.merchant.id, IDLE, form({ cardId: c.id, disabled: "false", reason: "Customer asked" }))).toMatchObject({
      error: refusal("GiftCardAdmin.errors.expired"),
    });
    expect((await cardRow(c.id)).status).toBe("DISABLED");
  });

  it("extends to a later day or to never; an earlier day is refused; an expired card is not revived", async () => {
    const tenant = await createTenant();
    const c = await card(tenant, { expiresAt: new Date("2099-01-01T00:00:00Z") });
    await actAs((await memberOf(tenant, "OWNER")).email);
    const extend = (fields: Record<string, string>, cardId = c.id) => extendGiftCardAction(tenant.merchant.id, IDLE, form({ cardId, expiry: "date", expiresOn: "", reason: "Customer was abroad", ...fields }));
    expect(await extend({ expiresOn: "2098-06-30" })).toMatchObject({ fieldErrors: { expiresOn: refusal("GiftCardAdmin.errors.notLater") } });
    expect(await extend({ expiresOn: "2020-06-30" })).toMatchObject({ fieldErrors: { expiresOn: refusal("GiftCardAdmin.errors.dateInPast") } });
    expect(await extend({ expiresOn: "" })).toMatchObject({ fieldErrors: { expiresOn: refusal("GiftCardAdmin.errors.required") } });
    expect((await cardRow(c.id)).expiresAt).toEqual(new Date("2099-01-01T00:00:00Z"));
    expect(await extend({ expiresOn: "2099-06-30" })).toEqual({ status: "ok" });
    // Through 30 June in Luxembourg (summer time).
    expect((await cardRow(c.id)).expiresAt).toEqual(new Date("2099-06-30T22:00:00Z"));
    expect(await extend({ expiry: "never" })).toEqual({ status: "ok" });
    expect((await cardRow(c.id)).expiresAt).toBeNull();
    expect(await extend({ expiry: "never" })).toMatchObject({ fieldErrors: { expiresOn: refusal("GiftCardAdmin.errors.notLater") } });

    // The expiry job took this card's balance: extending it would hand the money out again.
    const gone = await card(tenant, { expiresAt: new Date(Date.now() - 60_000) });
    await db.$transaction((tx) => debitCard(tx, { merchantId: tenant.merchant.id as MerchantId, transactionId: randomUUID() }, gone.id, "EXPIRE", 5000));
    expect(await extend({ expiresOn: "2099-06-30" }, gone.id)).toMatchObject({ error: refusal("GiftCardAdmin.errors.expiredTaken") });
    expect(await cardRow(gone.id)).toMatchObject({ status: "EXPIRED", balanceCents: 0 });
    expect(await db.auditEvent.count({ where: { merchantId: tenant.merchant.id, action: "giftCard.extend" } })).toBe(2);
  });

  it("finds no card of another merchant, whichever merchant is named; staff cannot change cards", async () => {
    const victim = await createTenant();
    const c = await card(victim);
    const attacker = await createTenant();
    await actAs((await memberOf(attacker, "OWNER")).email);
    expect(await setGiftCardDisabledAction(attacker.merchant.id, IDLE, form({ cardId: c.id, disabled: "true", reason: "x" }))).toMatchObject({ error: refusal("GiftCardAdmin.errors.notFound") });
    expect(await extendGiftCardAction(attacker.merchant.id, IDLE, form({ cardId: c.id, expiry: "never", reason: "x" }))).toMatchObject({ error: refusal("GiftCardAdmin.errors.notFound") });
    expect(await outcome(setGiftCardDisabledAction(victim.merchant.id, IDLE, form({ cardId: c.id, disabled: "true", reason: "x" })))).toBe("notFound");
    expect(await outcome(extendGiftCardAction(victim.merchant.id, IDLE, form({ cardId: c.id, expiry: "never", reason: "x" })))).toBe("notFound");
    await actAs((await memberOf(victim, "STAFF")).email);
    expect(await outcome(setGiftCardDisabledAction(victim.merchant.id, IDLE, form({ cardId: c.id, disabled: "true", reason: "x" })))).toBe("forbidden");
    expect(await outcome(extendGiftCardAction(victim.merchant.id, IDLE, form({ cardId: c.id, expiry: "never", reason: "x" })))).toBe("forbidden");
    expect(await cardRow(c.id)).toMatchObject({ status: "ACTIVE", expiresAt: null });
  });
});

describe("gift-card settings", () => {
  it("an owner sets the default expiry; bad numbers are field refusals", async () => {
    const tenant = await createTenant();
    await actAs((await memberOf(tenant, "OWNER")).email);
    const expiry = () => db.merchant.findUniqueOrThrow({ where: { id: tenant.merchant.id }, select: { giftCardExpiryMonths: true } }).then((m) => m.giftCardExpiryMonths);
    expect(await saveGiftCardExpiryAction(tenant.merchant.id, IDLE, form({ unit: "years", count: "2" }))).toEqual({ status: "ok" });
    expect(await expiry()).toBe(24);
    for (const count of ["0", "", "1.5", "601"]) {
      expect(await saveGiftCardExpiryAction(tenant.merchant.id, IDLE, form({ unit: "months", count })), count).toMatchObject({
        fieldErrors: { count: refusal(count ? "GiftCardAdmin.errors.invalidNumber" : "GiftCardAdmin.errors.required") },
      });
    }
    expect(await expiry()).toBe(24);
    expect(await saveGiftCardExpiryAction(tenant.merchant.id, IDLE, form({ unit: "none", count: "" }))).toEqual({ status: "ok" });
    expect(await expiry()).toBeNull();
    expect((await loadGiftCardSettings(tenant.merchant.id)).settings).toEqual({ expiryMonths: null, giftCardsToCredit: false, currencies: [{ currency: "EUR", promotion: null }] });
    expect((await db.auditEvent.findMany({ where: { merchantId: tenant.merchant.id }, select: { action: true } })).map((e) => e.action)).toEqual(["giftCard.settings", "giftCard.settings"]);
  });

  it("an owner sets the bonus promotion of a currency of the merchant's stores", async () => {
    const tenant = await createTenant();
    await actAs((await memberOf(tenant, "OWNER")).email);
    const promo = (fields: Record<string, string>) => saveGiftCardPromotionAction(tenant.merchant.id, IDLE, form({ currency: "EUR", minPurchase: "50", bonus: "10", validDays: "90", active: "on", ...fields }));
    expect(await promo({ minPurchase: "0", bonus: "ten", validDays: "0" })).toMatchObject({
      fieldErrors: {
        minPurchase: refusal("GiftCardAdmin.errors.invalidAmount"),
        bonus: refusal("GiftCardAdmin.errors.invalidAmount"),
        validDays: refusal("GiftCardAdmin.errors.invalidNumber"),
      },
    });
    expect(await promo({ currency: "CHF" })).toMatchObject({ fieldErrors: { currency: refusal("GiftCardAdmin.errors.unknownCurrency") } });
    expect(await db.giftCardPromotion.count({ where: { merchantId: tenant.merchant.id } })).toBe(0);
    expect(await promo({})).toEqual({ status: "ok" });
    expect(await promo({ bonus: "12.50", active: "" })).toEqual({ status: "ok" });
    expect(await db.giftCardPromotion.findMany({ where: { merchantId: tenant.merchant.id }, select: { currency: true, minPurchaseCents: true, bonusCents: true, bonusValidDays: true, active: true } })).toEqual([
      { currency: "EUR", minPurchaseCents: 5000, bonusCents: 1250, bonusValidDays: 90, active: false },
    ]);
  });

  it("is the owners': managers are refused, another merchant's owner finds nothing", async () => {
    const tenant = await createTenant();
    await actAs((await memberOf(tenant, "MANAGER")).email);
    expect(await outcome(saveGiftCardExpiryAction(tenant.merchant.id, IDLE, form({ unit: "years", count: "5" })))).toBe("forbidden");
    expect(await outcome(saveGiftCardPromotionAction(tenant.merchant.id, IDLE, form({ currency: "EUR", minPurchase: "50", bonus: "10", validDays: "90" })))).toBe("forbidden");
    expect(await outcome(loadGiftCardSettings(tenant.merchant.id))).toBe("forbidden");
    const other = await createTenant();
    await actAs((await memberOf(other, "OWNER")).email);
    expect(await outcome(saveGiftCardExpiryAction(tenant.merchant.id, IDLE, form({ unit: "years", count: "5" })))).toBe("notFound");
    expect(await outcome(loadGiftCardSettings(tenant.merchant.id))).toBe("notFound");
    expect(await db.merchant.findUniqueOrThrow({ where: { id: tenant.merchant.id }, select: { giftCardExpiryMonths: true } })).toEqual({ giftCardExpiryMonths: null });
  });
});

describe("gift-card reports", () => {
  it("count sales, bonus and manual cards, net redemptions and expiries in the period, and what is owed now", async () => {
    const tenant = await createTenant();
    const merchantId = tenant.merchant.id as MerchantId;
    const inPeriod = new Date("2026-03-10T12:00:00Z");
    const before = new Date("2026-02-27T12:00:00Z");
    const move = { merchantId, transactionId: randomUUID(), at: new Date("2026-03-11T09:00:00Z") };
    const sold = await card(tenant, { amountCents: 5000, at: inPeriod });
    const bonus = await card(tenant, { amountCents: 1000, source: "BONUS", bonusForId: sold.id, at: inPeriod });
    const manual = await card(tenant, { amountCents: 2500, source: "MANUAL", at: inPeriod });
    // Sold before the period: not in its sales, but redeemed and owed like any other.
    const old = await card(tenant, { amountCents: 3000, at: before });
    await db.$transaction(async (tx) => {
      await debitCard(tx, { ...move, orderId: null }, sold.id, "REDEEM", 2000);
      await creditCard(tx, move, sold.id, "RELEASE", 500);
      await debitCard(tx, move, old.id, "REDEEM", 1000);
      await debitCard(tx, { ...move, reason: "Typo at the counter" }, old.id, "ADJUST", 200);
      await debitCard(tx, move, manual.id, "EXPIRE", 2500);
    });
    await db.giftCard.update({ where: { id: bonus.id }, data: { status: "DISABLED" } });
    // A movement outside the period counts nowhere in it.
    await db.$transaction((tx) => debitCard(tx, { ...move, at: before }, old.id, "REDEEM", 100));

    const report = await giftCardReport(merchantId, { from: "2026-03-01", to: "2026-03-31" }, "Europe/Luxembourg");
    expect(report).toEqual([
      {
        currency: "EUR",
        sold: { count: 1, cents: 5000 },
        bonus: { count: 1, cents: 1000 },
        manual: { count: 1, cents: 2500 },
        redeemedCents: 2500,
        adjustedCents: -200,
        expiredCents: 2500,
        // sold 3500 + old 1700 + the disabled bonus card 1000; the expired card holds nothing.
        liabilityCents: 6200,
        liabilityCards: 3,
      },
    ]);

    await actAs((await memberOf(tenant, "MANAGER")).email);
    const view = await loadGiftCardReport(tenant.merchant.id, { from: "2026-03-01", to: "2026-03-31" });
    expect(view.view).toMatchObject({ ok: true, currencies: report });
    expect((await loadGiftCardReport(tenant.merchant.id, { from: "2026-03-31", to: "2026-03-01" })).view).toMatchObject({ ok: false, error: "rangeOrder" });
    await actAs((await memberOf(tenant, "STAFF")).email);
    expect(await outcome(loadGiftCardReport(tenant.merchant.id, {}))).toBe("forbidden");
    const other = await createTenant();
    await actAs((await memberOf(other, "OWNER")).email);
    expect(await outcome(loadGiftCardReport(tenant.merchant.id, {}))).toBe("notFound");
    expect(await giftCardReport(other.merchant.id as MerchantId, { from: "2026-03-01", to: "2026-03-31" }, "Europe/Luxembourg")).toEqual([]);
  });
});
