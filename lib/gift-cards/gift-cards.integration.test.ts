import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { IDLE } from "@/lib/actions/form-state";
import { PUBLIC_LIMITS } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db";
import type { Storefront } from "@/lib/tenancy/loaders";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { DEFAULT_TIME_ZONE } from "@/lib/time";
import { form, outcome } from "@/tests/integration/actors";
import { createTenant, createUser } from "@/tests/integration/fixtures";
import { formatGiftCardCode } from "./code";
import { issueCard, type NewCard } from "./ledger";

/**
 * Gift cards at the counter, on the balance page and in the customer's account, against
 * PostgreSQL. Who is signed in on the storefront host is `session.user`; the host's store is
 * `session.store`; the visitor's address is `session.ip`.
 */
const session: { user: { userId: string; email: string } | null; store: Storefront | null; ip: string } = { user: null, store: null, ip: "203.0.113.1" };

vi.mock("next/navigation", async () => (await import("@/tests/integration/storefront-request")).navigationMockWithRethrow());
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": session.ip }) }));
vi.mock("@/lib/auth/loaders", () => ({
  loadSession: async () => (session.user ? { ...session.user, name: null, isPlatformAdmin: false } : null),
  loadCustomerSession: async () => null,
  requireMembership: async () => {
    throw new Error("not used here");
  },
}));
vi.mock("@/lib/tenancy/loaders", async (importOriginal) => ({
  assertStoreLocale: (await importOriginal<typeof import("@/lib/tenancy/loaders")>()).assertStoreLocale,
  loadStorefront: async () => session.store,
  loadPublicStorefront: async () => session.store,
}));
vi.mock("@/lib/tenancy/request", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/tenancy/request")>()),
  currentTenant: async () => session.store?.target ?? null,
}));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("use-intl/core");
  const messages = (await import("@/messages/en.json")).default;
  return {
    getLocale: async () => "en",
    getTranslations: async (options?: { locale?: string; namespace?: string } | string) =>
      createTranslator({ locale: "en", messages, namespace: (typeof options === "string" ? options : options?.namespace) as never, timeZone: DEFAULT_TIME_ZONE }),
  };
});

const { adjustGiftCardAction, checkGiftCardBalanceAction, findGiftCardAction, redeemGiftCardAction, reverseGiftCardRedemptionAction } = await import("./actions");
const { adjustBalance, redeemAtCounter, reverseCounterRedemption } = await import("./mutations");
const { listCustomerGiftCards } = await import("./data");
const { loadTerminalGiftCard } = await import("./loaders");
const { expireDueCards } = await import("./expiry");

afterEach(() => {
  session.user = null;
  session.store = null;
});

/** A merchant with a store (EUR), staff and a manager at it. */
async function giftCardShop(currency = "EUR") {
  const tenant = await createTenant();
  const merchantId = tenant.merchant.id as MerchantId;
  if (currency !== "EUR") await db.store.update({ where: { id: tenant.store.id }, data: { currency } });
  const staff = await createUser(`staff-${tenant.tag}-${randomUUID().slice(0, 4)}@example.test`);
  const manager = await createUser(`manager-${tenant.tag}-${randomUUID().slice(0, 4)}@example.test`);
  await db.membership.createMany({
    data: [
      { userId: staff.id, merchantId, role: "STAFF" },
      { userId: manager.id, merchantId, role: "MANAGER" },
    ],
  });
  const storeId = tenant.store.id as StoreId;
  const storefront: Storefront = {
    id: storeId,
    merchantId,
    slug: tenant.store.slug,
    name: "Store",
    currency,
    defaultLocale: "en",
    locales: ["en"],
    isOpen: true,
    target: {
      kind: "store",
      via: "subdomain",
      host: `${tenant.store.slug}.localhost:3000`,
      origin: `http://${tenant.store.slug}.localhost:3000`,
      storeId,
      merchantId,
      slug: tenant.store.slug,
      defaultLocale: "en",
      locales: ["en"],
    },
    merchantName: tenant.merchant.name,
    shippingCountries: ["LU"],
    timeZone: DEFAULT_TIME_ZONE,
    profile: { logoKey: null, contactEmail: null, contactPhone: null, contactAddress: null, translations: [] },
  };
  return {
    tenant,
    merchantId,
    storeId,
    storefront,
    staff,
    manager,
    staffActor: { merchantId, storeId, userId: staff.id },
    managerActor: { merchantId, storeId, userId: manager.id },
  };
}

type Shop = Awaited<ReturnType<typeof giftCardShop>>;

async function cardOf(shop: Shop, amountCents: number, extra: Partial<NewCard> = {}) {
  const issued = await db.$transaction((tx) =>
    issueCard(tx, { merchantId: shop.merchantId, transactionId: randomUUID(), storeId: shop.storeId }, {
      currency: shop.storefront.currency,
      amountCents,
      source: "MANUAL",
      expiresAt: null,
      deliveryLocale: "en",
      ...extra,
    }),
  );
  if (!issued) throw new Error("card not issued");
  return issued;
}

async function cardRow(id: string) {
  return db.giftCard.findUniqueOrThrow({ where: { id }, select: { balanceCents: true, status: true } });
}

async function ledgerSum(cardId: string) {
  return (await db.giftCardLedger.aggregate({ where: { cardId }, _sum: { amountCents: true } }))._sum.amountCents ?? 0;
}

describe("redeeming at the counter", () => {
  it("20 concurrent redemptions never overdraw a card: exactly floor(balance / amount) succeed", async () => {
    const shop = await giftCardShop();
    const card = await cardOf(shop, 10_000);
    const results = await Promise.all(Array.from({ length: 20 }, () => redeemAtCounter(shop.staffActor, card.id, 700)));
    const succeeded = results.filter((r) => r.ok);
    expect(succeeded).toHaveLength(Math.floor(10_000 / 700));
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === "overBalance")).toBe(true);
    const row = await cardRow(card.id);
    expect(row.balanceCents).toBe(10_000 - 14 * 700);
    expect(row.balanceCents).toBeGreaterThanOrEqual(0);
    expect(await ledgerSum(card.id)).toBe(row.balanceCents);
    const redeems = await db.giftCardLedger.findMany({ where: { cardId: card.id, kind: "REDEEM" }, select: { storeId: true, actorUserId: true, transactionId: true, amountCents: true } });
    expect(redeems).toHaveLength(14);
    expect(redeems.every((r) => r.storeId === shop.storeId && r.actorUserId === shop.staff.id && r.amountCents === -700)).toBe(true);
    expect(new Set(redeems.map((r) => r.transactionId)).size).toBe(14);
    expect(await db.auditEvent.count({ where: { merchantId: shop.merchantId, action: "giftCard.redeem" } })).toBe(14);
  });

  it("takes the whole balance (the card is then used up) and refuses more, disabled, expired and other-currency cards", async () => {
    const shop = await giftCardShop();
    const card = await cardOf(shop, 2_500);
    expect(await redeemAtCounter(shop.staffActor, card.id, 2_501)).toMatchObject({ ok: false, reason: "overBalance", balanceCents: 2_500 });
    expect(await redeemAtCounter(shop.staffActor, card.id, 2_500)).toMatchObject({ ok: true, balanceAfterCents: 0 });
    expect((await cardRow(card.id)).status).toBe("USED_UP");
    expect(await redeemAtCounter(shop.staffActor, card.id, 1)).toMatchObject({ ok: false, reason: "empty" });

    const disabled = await cardOf(shop, 1_000);
    await db.giftCard.update({ where: { id: disabled.id }, data: { status: "DISABLED" } });
    expect(await redeemAtCounter(shop.staffActor, disabled.id, 100)).toMatchObject({ ok: false, reason: "disabled" });

    const now = new Date();
    const expired = await cardOf(shop, 1_000, { expiresAt: now });
    expect(await redeemAtCounter(shop.staffActor, expired.id, 100, now)).toMatchObject({ ok: false, reason: "expired" });

    // A card of this merchant in another currency than the store's.
    const foreign = await db.$transaction((tx) =>
      issueCard(tx, { merchantId: shop.merchantId, transactionId: randomUUID() }, { currency: "USD", amountCents: 1_000, source: "MANUAL", expiresAt: null, deliveryLocale: "en" }),
    );
    expect(await redeemAtCounter(shop.staffActor, foreign!.id, 100)).toMatchObject({ ok: false, reason: "otherCurrency" });
    expect(await db.giftCardLedger.count({ where: { cardId: { in: [disabled.id, expired.id, foreign!.id] }, kind: "REDEEM" } })).toBe(0);
  });
});

describe("a manager's corrections", () => {
  it("a counter redemption is reversed once, restoring the balance; online redemptions are not reversed here", async () => {
    const shop = await giftCardShop();
    const card = await cardOf(shop, 5_000);
    const redeemed = await redeemAtCounter(shop.staffActor, card.id, 5_000);
    if (!redeemed.ok) throw new Error("redeem failed");
    const [first, second] = await Promise.all([
      reverseCounterRedemption(shop.managerActor, redeemed.ledgerId, "Wrong card"),
      reverseCounterRedemption(shop.managerActor, redeemed.ledgerId, "Wrong card"),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect([first, second].find((r) => !r.ok)).toMatchObject({ reason: "alreadyReversed" });
    expect(await cardRow(card.id)).toEqual({ balanceCents: 5_000, status: "ACTIVE" });
    const reversal = await db.giftCardLedger.findFirstOrThrow({ where: { reversesId: redeemed.ledgerId }, select: { kind: true, amountCents: true, reason: true, actorUserId: true } });
    expect(reversal).toEqual({ kind: "ADJUST", amountCents: 5_000, reason: "Wrong card", actorUserId: shop.manager.id });
    expect(await ledgerSum(card.id)).toBe(5_000);
    // Neither a reversal nor an issue is a counter redemption.
    const reversalRow = await db.giftCardLedger.findFirstOrThrow({ where: { reversesId: redeemed.ledgerId }, select: { id: true } });
    expect(await reverseCounterRedemption(shop.managerActor, reversalRow.id, "again")).toMatchObject({ ok: false, reason: "notReversible" });

    // A redemption of an online order follows its order.
    const online = await db.giftCardLedger.create({
      data: { merchantId: shop.merchantId, cardId: card.id, kind: "REDEEM", amountCents: -1_000, balanceAfterCents: 4_000, transactionId: randomUUID(), orderId: `order-${randomUUID()}` },
      select: { id: true },
    });
    expect(await reverseCounterRedemption(shop.managerActor, online.id, "no")).toMatchObject({ ok: false, reason: "notReversible" });
    expect(await db.auditEvent.count({ where: { merchantId: shop.merchantId, action: "giftCard.reverse" } })).toBe(1);
  });

  it("an adjustment adds or takes by a signed amount; below zero it is refused and nothing is written", async () => {
    const shop = await giftCardShop();
    const card = await cardOf(shop, 1_000);
    expect(await adjustBalance(shop.managerActor, card.id, 250, "Goodwill")).toMatchObject({ ok: true, balanceAfterCents: 1_250 });
    expect(await adjustBalance(shop.managerActor, card.id, -1_250, "Counted twice")).toMatchObject({ ok: true, balanceAfterCents: 0 });
    expect((await cardRow(card.id)).status).toBe("USED_UP");
    const rows = await db.giftCardLedger.count({ where: { cardId: card.id } });
    const audits = await db.auditEvent.count({ where: { merchantId: shop.merchantId } });
    expect(await adjustBalance(shop.managerActor, card.id, -1, "Too much")).toMatchObject({ ok: false, reason: "belowZero", balanceCents: 0 });
    expect(await db.giftCardLedger.count({ where: { cardId: card.id } })).toBe(rows);
    expect(await db.auditEvent.count({ where: { merchantId: shop.merchantId } })).toBe(audits);
    expect(await ledgerSum(card.id)).toBe(0);
    expect(await adjustBalance(shop.managerActor, card.id, 500, "Back")).toMatchObject({ ok: true, balanceAfterCents: 500 });
    expect((await cardRow(card.id)).status).toBe("ACTIVE");
  });
});

describe("the terminal's gift-card actions", () => {
  it("find a card by its code in any case, with or without dashes; a typo is caught before any lookup", async () => {
    const shop = await giftCardShop();
    const card = await cardOf(shop, 1_000);
    session.store = shop.storefront;
    session.user = { userId: shop.staff.id, email: shop.staff.email };
    for (const typed of [card.code, card.code.toLowerCase(), formatGiftCardCode(card.code), ` ${formatGiftCardCode(card.code).toLowerCase()} `]) {
      expect(await outcome(findGiftCardAction(IDLE, form({ code: typed })))).toEqual({ redirect: `/terminal/gift-cards?card=${card.id}` });
    }
    const typo = card.code.slice(0, 15) + (card.code[15] === "2" ? "3" : "2");
    expect(await findGiftCardAction(IDLE, form({ code: typo }))).toMatchObject({ status: "error", fieldErrors: { code: { key: "GiftCards.errors.checkCode" } }, values: { code: typo } });
    expect(await findGiftCardAction(IDLE, form({ code: "hello" }))).toMatchObject({ status: "error", fieldErrors: { code: { key: "GiftCards.errors.invalidCode" } } });
  });

  it("another merchant's staff find nothing and cannot debit the card; a customer gets 404; staff cannot correct", async () => {
    const shop = await giftCardShop();
    const other = await giftCardShop();
    const card = await cardOf(shop, 1_000);

    // Staff of the other merchant at their own store: the code finds nothing, the id is not found.
    session.store = other.storefront;
    session.user = { userId: other.staff.id, email: other.staff.email };
    expect(await findGiftCardAction(IDLE, form({ code: card.code }))).toMatchObject({ status: "error", error: { key: "GiftCards.terminal.notFound" } });
    expect(await outcome(redeemGiftCardAction(card.id, IDLE, form({ amount: "5" })))).toBe("notFound");
    session.user = { userId: other.manager.id, email: other.manager.email };
    expect(await outcome(adjustGiftCardAction(card.id, IDLE, form({ amount: "-5", reason: "x" })))).toBe("notFound");

    // The other merchant's staff on this store's host: not staff here.
    session.store = shop.storefront;
    session.user = { userId: other.staff.id, email: other.staff.email };
    expect(await outcome(findGiftCardAction(IDLE, form({ code: card.code })))).toBe("notFound");
    expect(await outcome(redeemGiftCardAction(card.id, IDLE, form({ amount: "5" })))).toBe("notFound");
    const customer = await createUser(`customer-${randomUUID()}@example.test`);
    session.user = { userId: customer.id, email: customer.email };
    expect(await outcome(redeemGiftCardAction(card.id, IDLE, form({ amount: "5" })))).toBe("notFound");
    expect(await cardRow(card.id)).toEqual({ balanceCents: 1_000, status: "ACTIVE" });

    session.user = { userId: shop.staff.id, email: shop.staff.email };
    expect(await outcome(adjustGiftCardAction(card.id, IDLE, form({ amount: "5", reason: "x" })))).toBe("forbidden");
    const state = await redeemGiftCardAction(card.id, IDLE, form({ amount: "2,50" }));
    expect(state).toEqual({ status: "ok", data: { message: "€2.50 taken off the card. New balance: €7.50." } });
    const redeem = await db.giftCardLedger.findFirstOrThrow({ where: { cardId: card.id, kind: "REDEEM" }, select: { id: true } });
    expect(await outcome(reverseGiftCardRedemptionAction(redeem.id, IDLE, form({ reason: "x" })))).toBe("forbidden");
    expect(await db.giftCardLedger.count({ where: { cardId: card.id } })).toBe(2);
  });

  it("refusals are translated with the card's balance; a manager reverses and adjusts", async () => {
    const shop = await giftCardShop();
    const card = await cardOf(shop, 1_000);
    session.store = shop.storefront;
    session.user = { userId: shop.manager.id, email: shop.manager.email };
    expect(await redeemGiftCardAction(card.id, IDLE, form({ amount: "10,01" }))).toMatchObject({
      status: "error",
      error: { key: "GiftCards.terminal.refusals.overBalance", message: "The card holds only €10.00: take at most that." },
      values: { amount: "10,01" },
    });
    expect(await redeemGiftCardAction(card.id, IDLE, form({ amount: "-1" }))).toMatchObject({ status: "error", fieldErrors: { amount: { key: "GiftCards.errors.invalidAmount" } } });
    await redeemGiftCardAction(card.id, IDLE, form({ amount: "4" }));
    const redeem = await db.giftCardLedger.findFirstOrThrow({ where: { cardId: card.id, kind: "REDEEM" }, select: { id: true } });
    expect(await reverseGiftCardRedemptionAction(redeem.id, IDLE, form({ reason: "" }))).toMatchObject({ status: "error", fieldErrors: { reason: { key: "GiftCards.errors.required" } } });
    expect(await reverseGiftCardRedemptionAction(redeem.id, IDLE, form({ reason: "Wrong amount" }))).toEqual({
      status: "ok",
      data: { message: "€4.00 given back to the card. New balance: €10.00." },
    });
    expect(await reverseGiftCardRedemptionAction(redeem.id, IDLE, form({ reason: "Again" }))).toMatchObject({ status: "error", error: { key: "GiftCards.terminal.refusals.alreadyReversed" } });
    expect(await adjustGiftCardAction(card.id, IDLE, form({ amount: "-10,01", reason: "Too much" }))).toMatchObject({
      status: "error",
      error: { key: "GiftCards.terminal.refusals.belowZero" },
    });
    expect(await adjustGiftCardAction(card.id, IDLE, form({ amount: "-0,50", reason: "Till" }))).toEqual({ status: "ok", data: { message: "Balance adjusted. New balance: €9.50." } });
  });

  it("the gift-card page opens a card of the store's merchant with its movements, and nothing for another merchant", async () => {
    const shop = await giftCardShop();
    const other = await giftCardShop();
    const card = await cardOf(shop, 1_000);
    await redeemAtCounter(shop.staffActor, card.id, 300);
    const view = await loadTerminalGiftCard(shop.storefront, card.id);
    expect(view).toMatchObject({ id: card.id, last4: card.last4, balanceCents: 700, currency: "EUR", status: "ACTIVE" });
    expect(view?.ledger.map((r) => [r.kind, r.amountCents, r.balanceAfterCents, r.staffEmail])).toEqual([
      ["REDEEM", -300, 700, shop.staff.email],
      ["ISSUE", 1_000, 1_000, null],
    ]);
    expect(await loadTerminalGiftCard(other.storefront, card.id)).toBeNull();
    expect(await loadTerminalGiftCard(shop.storefront, "not a card id!")).toBeNull();
  });

  it("a card in another currency than the store's is refused at the lookup", async () => {
    const shop = await giftCardShop();
    const foreign = await db.$transaction((tx) =>
      issueCard(tx, { merchantId: shop.merchantId, transactionId: randomUUID() }, { currency: "CHF", amountCents: 1_000, source: "MANUAL", expiresAt: null, deliveryLocale: "en" }),
    );
    session.store = shop.storefront;
    session.user = { userId: shop.staff.id, email: shop.staff.email };
    expect(await findGiftCardAction(IDLE, form({ code: foreign!.code }))).toMatchObject({
      status: "error",
      error: { key: "GiftCards.terminal.refusals.otherCurrency", message: "This gift card is in CHF and cannot be used in this store." },
    });
  });
});

describe("the balance page", () => {
  it("answers for this merchant's cards only, with a generic answer for any other code", async () => {
    const shop = await giftCardShop();
    const other = await giftCardShop();
    // The start of 1 January 2031 in the store's zone (Europe/Luxembourg, UTC+1 in winter): valid through 31 December.
    const expiresAt = new Date("2030-12-31T23:00:00.000Z");
    const card = await cardOf(shop, 4_250, { expiresAt });
    const theirs = await cardOf(other, 9_900);
    session.store = shop.storefront;
    session.ip = `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
    expect(await checkGiftCardBalanceAction(IDLE, form({ code: formatGiftCardCode(card.code).toLowerCase() }))).toEqual({
      status: "ok",
      data: { title: `Gift card ending in ${card.last4}`, last4: card.last4, balance: "€42.50", status: "ACTIVE", statusLabel: "Active", validUntil: "31 December 2030" },
    });
    const unknown = await checkGiftCardBalanceAction(IDLE, form({ code: theirs.code }));
    expect(unknown).toMatchObject({ status: "error", error: { key: "GiftCards.balance.notFound" } });
    expect(JSON.stringify(unknown)).not.toContain("99");
    expect(await checkGiftCardBalanceAction(IDLE, form({ code: "7KQM-4XRT" }))).toMatchObject({ status: "error", fieldErrors: { code: { key: "GiftCards.errors.invalidCode" } } });
  });

  it("counts every check per address, found or not, and refuses past the limit", async () => {
    const shop = await giftCardShop();
    const card = await cardOf(shop, 1_000);
    session.store = shop.storefront;
    session.ip = `limit-${randomUUID()}`;
    const points = PUBLIC_LIMITS.giftCardBalance.ip.points;
    for (let i = 0; i < points; i++) expect((await checkGiftCardBalanceAction(IDLE, form({ code: card.code }))).status).toBe("ok");
    expect(await checkGiftCardBalanceAction(IDLE, form({ code: card.code }))).toMatchObject({
      status: "error",
      error: { key: "GiftCards.balance.rateLimited", message: "Too many checks. Try again in 15 minutes." },
    });
    session.ip = `limit-${randomUUID()}`;
    expect((await checkGiftCardBalanceAction(IDLE, form({ code: card.code }))).status).toBe("ok");
  });
});

describe("my gift cards", () => {
  it("lists the cards a customer bought and received at this merchant, and nothing of another merchant", async () => {
    const shop = await giftCardShop();
    const other = await giftCardShop();
    const email = `buyer-${randomUUID()}@example.test`;
    const customer = await db.customer.create({ data: { merchantId: shop.merchantId, email }, select: { id: true } });
    const now = new Date();
    const bought = await cardOf(shop, 5_000, { purchaserCustomerId: customer.id, recipientName: "Léa", recipientEmail: "lea@example.test", deliverAt: new Date(now.getTime() + 86_400_000) });
    const received = await cardOf(shop, 2_000, { recipientEmail: email, deliverAt: new Date(now.getTime() - 1_000) });
    const locked = await cardOf(shop, 3_000, { lockedCustomerId: customer.id });
    // Not yet delivered: the surprise is kept until its day.
    await cardOf(shop, 7_000, { recipientEmail: email, deliverAt: new Date(now.getTime() + 86_400_000) });
    // Someone else's, and the same email at another merchant.
    await cardOf(shop, 1_000, { recipientEmail: `someone-${randomUUID()}@example.test` });
    await cardOf(other, 8_000, { recipientEmail: email });

    const cards = await listCustomerGiftCards(shop.merchantId, { customerId: customer.id, email: email.toUpperCase() }, now);
    expect(cards.map((c) => c.id).sort()).toEqual([bought.id, received.id, locked.id].sort());
    expect(cards.find((c) => c.id === bought.id)).toMatchObject({ bought: true, recipientName: "Léa", recipientEmail: "lea@example.test", initialCents: 5_000, balanceCents: 5_000 });
    expect(cards.find((c) => c.id === received.id)).toMatchObject({ bought: false, initialCents: 2_000 });
    expect(await listCustomerGiftCards(other.merchantId, { customerId: customer.id, email }, now)).toHaveLength(1);
    const stranger = await db.customer.create({ data: { merchantId: shop.merchantId, email: `stranger-${randomUUID()}@example.test` }, select: { id: true } });
    expect(await listCustomerGiftCards(shop.merchantId, { customerId: stranger.id, email: `stranger-${randomUUID()}@example.test` }, now)).toEqual([]);
  });
});

describe("the expiry job", () => {
  it("expires cards at or past their date, writes off what is left once, and leaves a card expiring a millisecond later", async () => {
    const shop = await giftCardShop();
    const now = new Date(Date.now() + 1000 * 86_400_000);
    const dueNow = await cardOf(shop, 3_000, { expiresAt: now });
    const later = await cardOf(shop, 3_000, { expiresAt: new Date(now.getTime() + 1) });
    const spent = await cardOf(shop, 1_000, { expiresAt: new Date(now.getTime() - 60_000) });
    await redeemAtCounter(shop.staffActor, spent.id, 1_000, new Date(now.getTime() - 120_000));
    const never = await cardOf(shop, 1_000);

    const first = await expireDueCards({ now, batchSize: 1 });
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect(first.closed).toBeGreaterThanOrEqual(1);
    expect(await cardRow(dueNow.id)).toEqual({ balanceCents: 0, status: "EXPIRED" });
    expect(await cardRow(spent.id)).toEqual({ balanceCents: 0, status: "EXPIRED" });
    expect(await cardRow(later.id)).toEqual({ balanceCents: 3_000, status: "ACTIVE" });
    expect(await cardRow(never.id)).toEqual({ balanceCents: 1_000, status: "ACTIVE" });
    const expireRows = await db.giftCardLedger.findMany({ where: { cardId: { in: [dueNow.id, spent.id] }, kind: "EXPIRE" }, select: { cardId: true, amountCents: true, balanceAfterCents: true } });
    expect(expireRows).toEqual([{ cardId: dueNow.id, amountCents: -3_000, balanceAfterCents: 0 }]);
    expect(await ledgerSum(dueNow.id)).toBe(0);

    // A second run changes nothing.
    await expireDueCards({ now });
    expect(await db.giftCardLedger.count({ where: { cardId: dueNow.id, kind: "EXPIRE" } })).toBe(1);
    // The next day, the card that was a millisecond later goes too.
    await expireDueCards({ now: new Date(now.getTime() + 86_400_000) });
    expect(await cardRow(later.id)).toEqual({ balanceCents: 0, status: "EXPIRED" });
  });
});
