import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { renderEmail } from "@/lib/email/render";
import { placeOrder } from "@/lib/checkout/mutations";
import { refundOrder } from "@/lib/payments/refunds";
import { applyPaymentEvent } from "@/lib/payments/mutations";
import { testPaymentRef } from "@/lib/payments/test-provider";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { storeAddress } from "@/lib/tenancy/urls";
import { createCart, createProduct, orderInput } from "@/tests/integration/checkout-fixtures";
import { createLoyaltyTenant, createRewardRow } from "@/tests/integration/loyalty-fixtures";
import { parseCardNumber } from "./card-number";
import { cardConsistency, findActiveProgram, findCardId, findCardView } from "./data";
import { addDays, dayKey, startOfDayKey } from "@/lib/time";
import { earnForPaidOrder, earnOnCard, enrollCustomer, redeemReward, reverseMovement, reverseOrderEarningShare, saveProgram } from "./mutations";

/** Every card touched by a test: its balance must equal its ledger's sum afterwards. */
const touched: Array<{ merchantId: MerchantId; cardId: string }> = [];

afterEach(async () => {
  for (const { merchantId, cardId } of touched.splice(0)) {
    const { balance, ledgerSum } = await cardConsistency(merchantId, cardId);
    expect(balance, `card ${cardId}: balance equals the ledger sum`).toBe(ledgerSum);
    expect(balance).toBeGreaterThanOrEqual(0);
  }
});

const joinInput = (email: string) => ({ email, name: "Léa Muller", phone: null, birthday: null, locale: "fr" as const });

async function enrolled(t: Awaited<ReturnType<typeof createLoyaltyTenant>>, email = `lea-${Math.random().toString(36).slice(2, 8)}@example.test`) {
  const result = await enrollCustomer(t.store, joinInput(email));
  if (!result.ok || result.alreadyMember) throw new Error("enrollment failed");
  touched.push({ merchantId: t.merchantId, cardId: result.cardId });
  return { ...result, email };
}

function emailsTo(to: string, template?: string) {
  return db.emailMessage.findMany({ where: { to, ...(template ? { template } : {}) }, select: { template: true, locale: true, data: true, subject: true } });
}

describe("enrollment", () => {
  it("gives a card with a valid number, the welcome bonus as a ledger row, and the welcome emails in the customer's locale", async () => {
    const t = await createLoyaltyTenant({ welcomeBonus: 50 });
    const card = await enrolled(t);
    expect(parseCardNumber(card.number)).toBe(card.number);
    const view = await findCardView(t.merchantId, card.cardId, "fr");
    expect(view).toMatchObject({ balance: 50, customer: { name: "Léa Muller", email: card.email } });
    expect(view!.ledger).toMatchObject([{ kind: "BONUS", amount: 50 }]);
    const emails = await emailsTo(card.email);
    expect(emails.map((e) => e.template)).toEqual(["loyalty-welcome"]);
    const welcome = emails[0]!;
    expect(welcome.locale).toBe("fr");
    expect(welcome.subject).toContain("Bienvenue");
    expect(welcome.data).toMatchObject({ cardNumber: card.number, welcomeBonus: 50, balance: 50 });
  });

  it("sends one welcome email that names the program by its merchant, the store where they joined apart, and states the bonus", async () => {
    const t = await createLoyaltyTenant({ welcomeBonus: 50 });
    const card = await enrolled(t);
    const [welcome, ...others] = await emailsTo(card.email);
    expect(others).toEqual([]);
    expect(welcome!.data).toMatchObject({ merchantName: t.tenant.merchant.name, storeName: `Store ${t.tenant.tag}`, welcomeBonus: 50 });
    expect(welcome!.subject).toContain(t.tenant.merchant.name);
    expect(welcome!.subject).not.toContain(`Store ${t.tenant.tag}`);
    const rendered = await renderEmail("loyalty-welcome", "fr", welcome!.data);
    expect(rendered.text).toContain(`programme de fidélité de ${t.tenant.merchant.name}`);
    expect(rendered.text).toContain(`Store ${t.tenant.tag}`);
    expect(rendered.text).toMatch(/50\s+points/);
  });

  it("joining again at another store of the merchant creates nothing and sends nothing", async () => {
    const t = await createLoyaltyTenant({ welcomeBonus: 10 });
    const card = await enrolled(t);
    const again = await enrollCustomer({ id: t.secondStoreId, merchantId: t.merchantId }, { ...joinInput(card.email.toUpperCase().toLowerCase()), locale: "en" });
    expect(again).toEqual({ ok: true, alreadyMember: true });
    expect(await db.loyaltyCard.count({ where: { merchantId: t.merchantId } })).toBe(1);
    expect(await emailsTo(card.email, "loyalty-welcome")).toHaveLength(1);
  });

  it("20 concurrent joins with one email give one card and one welcome email", async () => {
    const t = await createLoyaltyTenant({ welcomeBonus: 5 });
    const email = `race-${Math.random().toString(36).slice(2, 8)}@example.test`;
    const results = await Promise.all(Array.from({ length: 20 }, () => enrollCustomer(t.store, joinInput(email))));
    expect(results.filter((r) => r.ok && !r.alreadyMember)).toHaveLength(1);
    expect(results.filter((r) => r.ok && r.alreadyMember)).toHaveLength(19);
    const cards = await db.loyaltyCard.findMany({ where: { merchantId: t.merchantId }, select: { id: true } });
    expect(cards).toHaveLength(1);
    touched.push({ merchantId: t.merchantId, cardId: cards[0]!.id });
    expect(await emailsTo(email, "loyalty-welcome")).toHaveLength(1);
  });

  it("refuses when the merchant has no published program", async () => {
    const t = await createLoyaltyTenant();
    await db.loyaltyProgram.update({ where: { id: t.programId }, data: { status: "DRAFT" } });
    expect(await enrollCustomer(t.store, joinInput("nobody@example.test"))).toEqual({ ok: false, reason: "noProgram" });
  });
});

describe("earning at the terminal", () => {
  it("20 concurrent earnings on one card within a cooldown give exactly one", async () => {
    const t = await createLoyaltyTenant({ cooldownMinutes: 30 });
    const card = await enrolled(t);
    const results = await Promise.all(Array.from({ length: 20 }, () => earnOnCard(t.actor, card.cardId, 1000)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r).toMatchObject({ ok: false, reason: "COOLDOWN", params: { minutes: 30 } });
    expect((await findCardView(t.merchantId, card.cardId, "en"))!.balance).toBe(10);
  });

  it("the cooldown ends to the minute; the refusal says how many minutes are left", async () => {
    const t = await createLoyaltyTenant({ cooldownMinutes: 30 });
    const card = await enrolled(t);
    const start = new Date();
    expect(await earnOnCard(t.actor, card.cardId, 500, start)).toMatchObject({ ok: true, balance: 5 });
    expect(await earnOnCard(t.actor, card.cardId, 500, new Date(start.getTime() + 10 * 60_000))).toEqual({ ok: false, reason: "COOLDOWN", params: { minutes: 20 } });
    expect(await earnOnCard(t.actor, card.cardId, 500, new Date(start.getTime() + 30 * 60_000))).toMatchObject({ ok: true, balance: 10 });
  });

  it("20 concurrent earnings against a daily cap never exceed it", async () => {
    const t = await createLoyaltyTenant({ type: "STAMPS", stampsPerVisit: 1, dailyCap: 3 });
    const card = await enrolled(t);
    const results = await Promise.all(Array.from({ length: 20 }, () => earnOnCard(t.actor, card.cardId, null)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === "DAILY_CAP")).toBe(true);
    expect((await findCardView(t.merchantId, card.cardId, "en"))!.balance).toBe(3);
  });

  it("the daily cap counts calendar days in the time zone of the store recording the earning", async () => {
    const t = await createLoyaltyTenant({ type: "STAMPS", stampsPerVisit: 1, dailyCap: 1 });
    const zone = "Asia/Kathmandu";
    await db.store.update({ where: { id: t.store.id }, data: { timeZone: zone } });
    const card = await enrolled(t);
    const earned = new Date();
    expect(await earnOnCard(t.actor, card.cardId, null, earned)).toMatchObject({ ok: true });
    // The store's next midnight: one second before it the day's stamp is used up, at it a new day starts
    // (Luxembourg's day would still be the same one for most of the day).
    const midnight = startOfDayKey(addDays(dayKey(earned, zone), 1), zone);
    expect(await earnOnCard(t.actor, card.cardId, null, new Date(midnight.getTime() - 1000))).toMatchObject({ ok: false, reason: "DAILY_CAP" });
    expect(await earnOnCard(t.actor, card.cardId, null, midnight)).toMatchObject({ ok: true, balance: 2 });
  });

  it("records the staff member and the store; another merchant's staff cannot touch the card", async () => {
    const t = await createLoyaltyTenant();
    const other = await createLoyaltyTenant();
    const card = await enrolled(t);
    expect(await earnOnCard(other.actor, card.cardId, 1000)).toEqual({ ok: false, reason: "notFound" });
    expect(await findCardId(other.merchantId, { kind: "number", number: card.number })).toBeNull();
    expect(await findCardId(other.merchantId, { kind: "email", email: card.email })).toBeNull();
    expect(await findCardView(other.merchantId, card.cardId, "en")).toBeNull();
    await earnOnCard(t.actor, card.cardId, 1250);
    const row = await db.loyaltyLedger.findFirstOrThrow({ where: { cardId: card.cardId, kind: "EARN" } });
    expect(row).toMatchObject({ amount: 12, storeId: t.actor.storeId, staffUserId: t.staff.id, spendCents: 1250 });
    expect(await findCardId(t.merchantId, { kind: "email", email: card.email })).toBe(card.cardId);
  });

  it("sends 'reward within reach' once when an earning brings a reward close", async () => {
    const t = await createLoyaltyTenant();
    await createRewardRow(t.merchantId, t.programId, 100, "Tote bag");
    const card = await enrolled(t);
    await earnOnCard(t.actor, card.cardId, 5000);
    expect(await emailsTo(card.email, "loyalty-reward-within-reach")).toHaveLength(0);
    await earnOnCard(t.actor, card.cardId, 3500);
    const [email] = await emailsTo(card.email, "loyalty-reward-within-reach");
    const merchant = await db.merchant.findUniqueOrThrow({ where: { id: t.merchantId }, select: { name: true } });
    // The card is the merchant's, valid at every one of its stores: the email names it by the merchant.
    expect(email).toMatchObject({ locale: "fr", data: { balance: 85, merchantName: merchant.name, rewards: [{ name: "Tote bag (fr)", missing: 15 }] } });
    await earnOnCard(t.actor, card.cardId, 500);
    expect(await emailsTo(card.email, "loyalty-reward-within-reach")).toHaveLength(1);
  });
});

describe("redeeming", () => {
  it("20 concurrent redemptions of a reward the balance allows once give exactly one", async () => {
    const t = await createLoyaltyTenant({ welcomeBonus: 150 });
    const reward = await createRewardRow(t.merchantId, t.programId, 100);
    const card = await enrolled(t);
    const results = await Promise.all(Array.from({ length: 20 }, () => redeemReward(t.actor, card.cardId, reward.id)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok)) expect(r).toEqual({ ok: false, reason: "INSUFFICIENT_BALANCE", params: { missing: 50 }, unit: "POINTS" });
    expect((await findCardView(t.merchantId, card.cardId, "en"))!.balance).toBe(50);
  });

  it("works at any store of the merchant, never with another merchant's reward", async () => {
    const t = await createLoyaltyTenant({ welcomeBonus: 100 });
    const other = await createLoyaltyTenant();
    const foreign = await createRewardRow(other.merchantId, other.programId, 10);
    const reward = await createRewardRow(t.merchantId, t.programId, 60);
    const card = await enrolled(t);
    expect(await redeemReward(t.actor, card.cardId, foreign.id)).toEqual({ ok: false, reason: "REWARD_UNAVAILABLE", params: {} });
    const atSecond = await redeemReward({ ...t.actor, storeId: t.secondStoreId }, card.cardId, reward.id);
    expect(atSecond).toMatchObject({ ok: true, balance: 40 });
    const row = await db.loyaltyLedger.findFirstOrThrow({ where: { cardId: card.cardId, kind: "REDEEM" } });
    expect(row).toMatchObject({ storeId: t.secondStoreId, amount: -60, rewardId: reward.id });
  });

  it("the database refuses a negative balance even if a caller skipped the check", async () => {
    const t = await createLoyaltyTenant();
    const card = await enrolled(t);
    await expect(db.loyaltyCard.update({ where: { id: card.cardId }, data: { balance: -1 } })).rejects.toThrow(/LoyaltyCard_balance_check/);
  });
});

describe("reversing", () => {
  it("a compensating row, once; a reversal is not reversible; the original row never changes", async () => {
    const t = await createLoyaltyTenant();
    const card = await enrolled(t);
    const earned = await earnOnCard(t.actor, card.cardId, 2000);
    if (!earned.ok) throw new Error("earn failed");
    const results = await Promise.all(Array.from({ length: 10 }, () => reverseMovement(t.actor, earned.ledgerId, "Wrong card")));
    const ok = results.filter((r) => r.ok);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok)) expect(r).toEqual({ ok: false, reason: "ALREADY_REVERSED", params: {} });
    const reversal = await db.loyaltyLedger.findFirstOrThrow({ where: { reversesId: earned.ledgerId } });
    expect(reversal).toMatchObject({ kind: "REVERSAL", amount: -20, reason: "Wrong card", staffUserId: t.staff.id });
    expect(await reverseMovement(t.actor, reversal.id, "again")).toEqual({ ok: false, reason: "NOT_REVERSIBLE", params: {} });
    await expect(db.loyaltyLedger.update({ where: { id: earned.ledgerId }, data: { amount: 1 } })).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.count({ where: { merchantId: t.merchantId, action: "loyalty.reverse" } })).toBe(1);
  });

  it("refuses to reverse points that were already spent, and another merchant's movement", async () => {
    const t = await createLoyaltyTenant();
    const other = await createLoyaltyTenant();
    const reward = await createRewardRow(t.merchantId, t.programId, 15);
    const card = await enrolled(t);
    const earned = await earnOnCard(t.actor, card.cardId, 2000);
    if (!earned.ok) throw new Error("earn failed");
    expect(await reverseMovement(other.actor, earned.ledgerId, "x")).toEqual({ ok: false, reason: "notFound" });
    await redeemReward(t.actor, card.cardId, reward.id);
    expect(await reverseMovement(t.actor, earned.ledgerId, "x")).toEqual({ ok: false, reason: "BALANCE_TOO_LOW", params: {} });
  });

  it("a reversed earning no longer starts a cooldown", async () => {
    const t = await createLoyaltyTenant({ pointsPerUnit: 1, cooldownMinutes: 30 });
    const card = await enrolled(t);
    const typo = await earnOnCard(t.actor, card.cardId, 25000);
    if (!typo.ok) throw new Error("earn failed");
    expect(await earnOnCard(t.actor, card.cardId, 2500)).toMatchObject({ ok: false, reason: "COOLDOWN" });
    expect(await reverseMovement(t.actor, typo.ledgerId, "250 typed instead of 25")).toMatchObject({ ok: true, balance: 0 });
    expect(await earnOnCard(t.actor, card.cardId, 2500)).toMatchObject({ ok: true, amount: 25, balance: 25 });
  });

  it("a reversed earning no longer counts for the daily cap", async () => {
    const t = await createLoyaltyTenant({ pointsPerUnit: 1, dailyCap: 260 });
    const card = await enrolled(t);
    const typo = await earnOnCard(t.actor, card.cardId, 25000);
    if (!typo.ok) throw new Error("earn failed");
    expect(await reverseMovement(t.actor, typo.ledgerId, "250 typed instead of 25")).toMatchObject({ ok: true });
    expect(await earnOnCard(t.actor, card.cardId, 2500)).toMatchObject({ ok: true, amount: 25, balance: 25 });
    expect(await earnOnCard(t.actor, card.cardId, 23600)).toMatchObject({ ok: false, reason: "DAILY_CAP", params: { remaining: 235 } });
  });

  it("reversing an older earning keeps the cooldown of a newer one", async () => {
    const t = await createLoyaltyTenant({ pointsPerUnit: 1, cooldownMinutes: 30 });
    const card = await enrolled(t);
    const first = await earnOnCard(t.actor, card.cardId, 1000, new Date(Date.now() - 60 * 60_000));
    if (!first.ok) throw new Error("earn failed");
    expect(await earnOnCard(t.actor, card.cardId, 1000)).toMatchObject({ ok: true });
    expect(await reverseMovement(t.actor, first.ledgerId, "Wrong card")).toMatchObject({ ok: true });
    expect(await earnOnCard(t.actor, card.cardId, 1000)).toMatchObject({ ok: false, reason: "COOLDOWN" });
  });
});

describe("program", () => {
  it("reads the terms in the page's locale, else in the store's default locale, and says which one it shows", async () => {
    const t = await createLoyaltyTenant();
    await db.loyaltyProgram.update({ where: { id: t.programId }, data: { termsTexts: { fr: "Conditions en français.", de: "Bedingungen auf Deutsch." } } });
    expect(await findActiveProgram(t.merchantId, "de", "fr")).toMatchObject({ termsText: "Bedingungen auf Deutsch.", termsLocale: "de" });
    expect(await findActiveProgram(t.merchantId, "lb", "fr")).toMatchObject({ termsText: "Conditions en français.", termsLocale: "fr" });
    expect(await findActiveProgram(t.merchantId, "en", "lb")).toMatchObject({ termsTexts: { fr: "Conditions en français.", de: "Bedingungen auf Deutsch." } });
  });

  it("cannot be published without terms, even bypassing the form; its type is locked once cards exist", async () => {
    const t = await createLoyaltyTenant();
    await expect(db.loyaltyProgram.update({ where: { id: t.programId }, data: { termsTexts: {}, termsUrl: null } })).rejects.toThrow(/LoyaltyProgram_terms_check/);
    await expect(db.loyaltyProgram.update({ where: { id: t.programId }, data: { termsTexts: { fr: " \n" }, termsUrl: null } })).rejects.toThrow(/LoyaltyProgram_terms_check/);
    await enrolled(t);
    const input = { type: "STAMPS" as const, pointsPerUnit: null, stampsPerVisit: 1, welcomeBonus: 0, cooldownMinutes: 0, dailyCap: null, termsTexts: { en: "x" }, termsUrl: null, status: "ACTIVE" as const };
    expect(await saveProgram({ merchantId: t.merchantId, userId: t.tenant.owner.id }, input)).toEqual({ ok: false, reason: "typeLocked" });
    expect(await saveProgram({ merchantId: t.merchantId, userId: t.tenant.owner.id }, { ...input, type: "POINTS", pointsPerUnit: 3, stampsPerVisit: null })).toEqual({ ok: true });
    expect(await db.loyaltyProgram.findUniqueOrThrow({ where: { id: t.programId }, select: { pointsPerUnit: true } })).toEqual({ pointsPerUnit: 3 });
    expect(await db.auditEvent.count({ where: { merchantId: t.merchantId, action: "loyalty.program.update" } })).toBe(1);
  });
});

describe("online orders", () => {
  async function paidOrderFor(t: Awaited<ReturnType<typeof createLoyaltyTenant>>, email: string, priceCents: number) {
    const shop = { tenant: t.tenant, store: { id: t.store.id, merchantId: t.merchantId, name: "Store", currency: "EUR", target: storeAddress({ slug: t.tenant.store.slug, defaultLocale: "en" }, { rootDomain: "localhost:3000", protocol: "http" }) } };
    const product = await createProduct(shop, { priceCents });
    const cart = await createCart(shop, [{ productId: product.id, quantity: 1 }]);
    const placed = await placeOrder(orderInput(shop, cart.id, { email }));
    if (!placed.ok) throw new Error(placed.error);
    const ref = testPaymentRef(placed.orderId);
    const event = { eventId: `${ref}:paid`, provider: "TEST" as const, type: "test.payment.paid", paymentRef: ref, orderId: placed.orderId, outcome: "paid" as const };
    const applied = await Promise.all([applyPaymentEvent(event), applyPaymentEvent(event), applyPaymentEvent({ ...event, eventId: `${ref}:paid-again` })]);
    expect(applied.filter((a) => a === "applied")).toHaveLength(1);
    return placed.orderId;
  }

  it("earn points once per paid order and give them back on refund", async () => {
    const t = await createLoyaltyTenant({ pointsPerUnit: 2 });
    const card = await enrolled(t);
    const orderId = await paidOrderFor(t, card.email, 2599);
    const earned = await db.loyaltyLedger.findMany({ where: { orderId } });
    expect(earned).toMatchObject([{ kind: "EARN", amount: 50, spendCents: 2599, storeId: t.store.id, staffUserId: null }]);
    expect((await findCardView(t.merchantId, card.cardId, "en"))!.balance).toBe(50);

    const refunds = await Promise.all([
      refundOrder(t.merchantId, t.store.id as StoreId, orderId, t.tenant.owner.id),
      refundOrder(t.merchantId, t.store.id as StoreId, orderId, t.tenant.owner.id),
    ]);
    expect(refunds.filter((r) => r.ok)).toHaveLength(1);
    const rows = await db.loyaltyLedger.findMany({ where: { orderId }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.kind, r.amount])).toEqual([["EARN", 50], ["REFUND", -50]]);
    expect((await findCardView(t.merchantId, card.cardId, "en"))!.balance).toBe(0);
  });

  it("earning an order's points under another merchant's id earns nothing", async () => {
    const t = await createLoyaltyTenant({ pointsPerUnit: 1 });
    const other = await createLoyaltyTenant({ pointsPerUnit: 1 });
    const card = await enrolled(t);
    const shop = { tenant: t.tenant, store: { id: t.store.id, merchantId: t.merchantId, name: "Store", currency: "EUR", target: storeAddress({ slug: t.tenant.store.slug, defaultLocale: "en" }, { rootDomain: "localhost:3000", protocol: "http" }) } };
    const product = await createProduct(shop, { priceCents: 4000 });
    const cart = await createCart(shop, [{ productId: product.id, quantity: 1 }]);
    const placed = await placeOrder(orderInput(shop, cart.id, { email: card.email }));
    if (!placed.ok) throw new Error(placed.error);
    expect(await db.$transaction((tx) => earnForPaidOrder(tx, other.merchantId, placed.orderId))).toBe(0);
    expect(await db.loyaltyLedger.count({ where: { orderId: placed.orderId } })).toBe(0);
    expect(await db.$transaction((tx) => earnForPaidOrder(tx, t.merchantId, placed.orderId))).toBe(40);
  });

  it("reversing an order's points under another merchant's id reverses nothing", async () => {
    const t = await createLoyaltyTenant({ pointsPerUnit: 1 });
    const other = await createLoyaltyTenant();
    const card = await enrolled(t);
    const orderId = await paidOrderFor(t, card.email, 3000);
    const whole = { numeratorCents: 3000, denominatorCents: 3000 };
    const reverse = (merchantId: MerchantId) =>
      db.$transaction((tx) => reverseOrderEarningShare(tx, { merchantId, orderId, refundId: `refund-${orderId}`, transactionId: "t" }, whole));
    expect(await reverse(other.merchantId)).toBe(0);
    expect(await db.loyaltyLedger.count({ where: { orderId, kind: "REFUND" } })).toBe(0);
    expect((await findCardView(t.merchantId, card.cardId, "en"))!.balance).toBe(30);
    expect(await reverse(t.merchantId)).toBe(30);
    expect(await reverse(t.merchantId)).toBe(0);
  });

  it("online points neither start a cooldown nor use up the terminal's daily cap", async () => {
    const t = await createLoyaltyTenant({ pointsPerUnit: 1, cooldownMinutes: 30, dailyCap: 20 });
    const card = await enrolled(t);
    await paidOrderFor(t, card.email, 5000);
    expect(await earnOnCard(t.actor, card.cardId, 2000)).toMatchObject({ ok: true, balance: 70 });
  });

  it("a buyer without a card earns nothing", async () => {
    const t = await createLoyaltyTenant();
    const orderId = await paidOrderFor(t, "no-card@example.test", 5000);
    expect(await db.loyaltyLedger.count({ where: { orderId } })).toBe(0);
  });
});
