import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeRateLimitPool } from "@/lib/auth/rate-limit";
import type { CustomerSession } from "@/lib/auth/types";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { creditAccount, ensureAccount } from "@/lib/credit/ledger";
import { db } from "@/lib/db";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { createCustomerRow } from "@/tests/integration/cart-fixtures";
import { createLoyaltyTenant, createRewardRow } from "@/tests/integration/loyalty-fixtures";

// A storefront request: the proxy's headers for the store's subdomain, a cookie jar, and who is signed in.
const browser = vi.hoisted(() => ({ storeId: "", jar: new Map<string, string>(), customer: null as CustomerSession | null }));

vi.mock("next/headers", () => ({
  headers: async () => {
    const [{ db }, { proxiedHeaders }] = await Promise.all([import("@/lib/db"), import("@/tests/doubles/proxy")]);
    const { slug } = await db.store.findUniqueOrThrow({ where: { id: browser.storeId }, select: { slug: true } });
    return proxiedHeaders(`${slug}.localhost:3000`, { "x-forwarded-for": "203.0.113.9" });
  },
  cookies: async () => ({
    get: (name: string) => (browser.jar.has(name) ? { name, value: browser.jar.get(name)! } : undefined),
    set: (name: string, value: string) => void browser.jar.set(name, value),
    delete: (name: string) => void browser.jar.delete(name),
  }),
}));
vi.mock("@/lib/auth/loaders", () => ({ loadCustomerSession: async () => browser.customer }));
vi.mock("next-intl/server", () => import("@/tests/integration/next-intl-server-stub"));

// Aliased: the actions' names start with "use", which is not what calling them here is.
const { loadCartPage } = await import("./loaders");
const { loadPublicStorefront } = await import("@/lib/tenancy/loaders");
const { usePointsAction: choosePoints, removePointsAction, useStoreCreditAction: chooseCredit, removeStoreCreditAction } = await import("./tender-actions");

function seen<D>(state: FormState<D>) {
  if (state.status === "ok") return { ok: true };
  const refusal = state.status === "error" ? (state.error ?? Object.values(state.fieldErrors ?? {})[0]) : undefined;
  return { ok: false, error: refusal?.key, message: refusal?.message };
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const pointsChoice = async (rewardId: string, quantity = "1") => seen(await choosePoints(IDLE, form({ rewardId, quantity })));
const creditChoice = async (amount: string) => seen(await chooseCredit(IDLE, form({ amount })));

type Shop = Awaited<ReturnType<typeof createLoyaltyTenant>>;

/** A member of the shop's program signed in on its store, with `points` on their card. */
async function member(shop: Shop, points: number): Promise<{ customerId: string; cardId: string }> {
  const email = `member-${randomUUID().slice(0, 8)}@example.test`;
  const customer = await createCustomerRow(shop.tenant, email);
  // The balance is set directly: these actions only read it (the ledger is the checkout's to write).
  const card = await db.loyaltyCard.create({
    data: { merchantId: shop.merchantId, customerId: customer.id, number: `T${randomUUID().slice(0, 12).toUpperCase()}`, balance: points },
    select: { id: true },
  });
  signIn(shop, customer.id, email);
  return { customerId: customer.id, cardId: card.id };
}

function signIn(shop: Shop, customerId: string, email: string) {
  browser.storeId = shop.store.id;
  browser.customer = { customerId, userId: `user-${customerId}`, merchantId: shop.merchantId, email, name: null };
}

async function onlineReward(shop: Shop, cost: number, valueCents: number | null, currency = "EUR") {
  const reward = await createRewardRow(shop.merchantId, shop.programId, cost);
  await db.loyaltyReward.update({ where: { id: reward.id }, data: { onlineValueCents: valueCents, onlineCurrency: valueCents === null ? null : currency } });
  return reward.id;
}

async function giveCredit(merchantId: MerchantId, customerId: string, amountCents: number, expiresAt: Date | null = null) {
  await db.$transaction(async (tx) => {
    const accountId = await ensureAccount(tx, merchantId, customerId, "EUR");
    await creditAccount(tx, { merchantId, transactionId: randomUUID() }, accountId, { kind: "CREDIT", origin: "GOODWILL", amountCents, expiresAt });
  });
}

/** The tenders written on the customer's ACTIVE carts of the store (none: no cart). */
async function cartTenders(storeId: StoreId, customerId: string) {
  return db.cart.findMany({ where: { storeId, customerId, status: "ACTIVE" }, select: { pointsRewardId: true, pointsQuantity: true, storeCreditCents: true } });
}

afterAll(closeRateLimitPool);

beforeEach(() => {
  browser.jar.clear();
  browser.customer = null;
});

describe("paying with points from the cart", () => {
  it("a member chooses a reward with an online value, several times, and takes it out again", async () => {
    const shop = await createLoyaltyTenant();
    const rewardId = await onlineReward(shop, 500, 500);
    const { customerId } = await member(shop, 1200);

    expect(await pointsChoice(rewardId, "2")).toEqual({ ok: true });
    expect(await cartTenders(shop.store.id, customerId)).toEqual([{ pointsRewardId: rewardId, pointsQuantity: 2, storeCreditCents: null }]);
    expect(await pointsChoice(rewardId, "1")).toEqual({ ok: true });
    expect(await cartTenders(shop.store.id, customerId)).toEqual([{ pointsRewardId: rewardId, pointsQuantity: 1, storeCreditCents: null }]);

    expect(await seen(await removePointsAction(IDLE, {}))).toEqual({ ok: true });
    expect(await cartTenders(shop.store.id, customerId)).toEqual([{ pointsRewardId: null, pointsQuantity: null, storeCreditCents: null }]);
  });

  it("says how many points are missing, and writes nothing", async () => {
    const shop = await createLoyaltyTenant();
    const rewardId = await onlineReward(shop, 500, 500);
    const { customerId } = await member(shop, 1200);

    expect(await pointsChoice(rewardId, "3")).toEqual({ ok: false, error: "Cart.points.errors.notEnoughPoints", message: "You need 300 more points for this." });
    expect(await cartTenders(shop.store.id, customerId)).toEqual([]);
  });

  it("refuses rewards members cannot spend online here: counter-only, another currency, switched off, another merchant's", async () => {
    const shop = await createLoyaltyTenant();
    const other = await createLoyaltyTenant();
    const counterOnly = await onlineReward(shop, 100, null);
    const swiss = await onlineReward(shop, 100, 500, "CHF");
    const off = await onlineReward(shop, 100, 500);
    await db.loyaltyReward.update({ where: { id: off }, data: { active: false } });
    const foreign = await onlineReward(other, 100, 500);
    const { customerId } = await member(shop, 10_000);

    for (const rewardId of [counterOnly, swiss, off, foreign]) {
      expect(await pointsChoice(rewardId)).toEqual({ ok: false, error: "Cart.points.refusals.rewardUnavailable", message: "This reward cannot be spent online here any more." });
    }
    expect(await cartTenders(shop.store.id, customerId)).toEqual([]);
    expect(await db.cart.count({ where: { merchantId: other.merchantId } })).toBe(0);
  });

  it("refuses tampered fields with a text and writes nothing", async () => {
    const shop = await createLoyaltyTenant();
    const rewardId = await onlineReward(shop, 100, 100);
    const { customerId } = await member(shop, 10_000);

    expect(await pointsChoice("not a reward!")).toEqual({ ok: false, error: "Cart.points.errors.invalid", message: "This reward cannot be used here." });
    expect(await pointsChoice("")).toMatchObject({ ok: false, error: "Cart.points.errors.invalid" });
    for (const quantity of ["0", "100", "1.5", "-1", "lots"]) {
      expect(await pointsChoice(rewardId, quantity)).toEqual({ ok: false, error: "Cart.points.errors.invalidQuantity", message: "Choose a whole number from 1 to 99." });
    }
    expect(await seen(await choosePoints(IDLE, { rewardId: { $ne: "" } } as never))).toMatchObject({ ok: false, error: "Cart.points.errors.invalid" });
    expect(await cartTenders(shop.store.id, customerId)).toEqual([]);
  });

  it("asks guests to sign in and customers without a card to join, writing nothing", async () => {
    const shop = await createLoyaltyTenant();
    const rewardId = await onlineReward(shop, 100, 100);
    browser.storeId = shop.store.id;

    expect(await pointsChoice(rewardId)).toEqual({ ok: false, error: "Cart.points.refusals.signInRequired", message: "Sign in to use your points." });
    expect(await seen(await removePointsAction(IDLE, {}))).toMatchObject({ ok: false, error: "Cart.points.refusals.signInRequired" });
    expect(browser.jar.size).toBe(0);

    const email = `nocard-${shop.tenant.tag}@example.test`;
    const customer = await createCustomerRow(shop.tenant, email);
    signIn(shop, customer.id, email);
    expect(await pointsChoice(rewardId)).toMatchObject({ ok: false, error: "Cart.points.refusals.noCard" });
    expect(await db.cart.count({ where: { merchantId: shop.merchantId } })).toBe(0);
  });

  it("a session of another merchant's customer is a guest here", async () => {
    const shop = await createLoyaltyTenant();
    const other = await createLoyaltyTenant();
    const rewardId = await onlineReward(shop, 100, 100);
    const { customerId } = await member(other, 10_000);
    browser.storeId = shop.store.id;

    expect(await pointsChoice(rewardId)).toMatchObject({ ok: false, error: "Cart.points.refusals.signInRequired" });
    expect(await creditChoice("1")).toMatchObject({ ok: false, error: "Cart.credit.refusals.signInRequired" });
    expect(await db.cart.count({ where: { customerId } })).toBe(0);
  });
});

describe("paying with store credit from the cart", () => {
  it("a customer chooses an amount as typed, changes it and takes it out again", async () => {
    const shop = await createLoyaltyTenant();
    const { customerId } = await member(shop, 0);
    await giveCredit(shop.merchantId, customerId, 2500);

    expect(await creditChoice("12,50")).toEqual({ ok: true });
    expect(await cartTenders(shop.store.id, customerId)).toEqual([{ pointsRewardId: null, pointsQuantity: null, storeCreditCents: 1250 }]);
    expect(await creditChoice("25")).toEqual({ ok: true });
    expect(await cartTenders(shop.store.id, customerId)).toEqual([{ pointsRewardId: null, pointsQuantity: null, storeCreditCents: 2500 }]);

    expect(await seen(await removeStoreCreditAction(IDLE, {}))).toEqual({ ok: true });
    expect(await cartTenders(shop.store.id, customerId)).toEqual([{ pointsRewardId: null, pointsQuantity: null, storeCreditCents: null }]);
  });

  it("refuses more than the credit one can spend now (expired lots do not count), and writes nothing", async () => {
    const shop = await createLoyaltyTenant();
    const { customerId } = await member(shop, 0);
    await giveCredit(shop.merchantId, customerId, 2000);
    await giveCredit(shop.merchantId, customerId, 1000, new Date(Date.now() + 60_000));
    await db.storeCreditLot.updateMany({ where: { merchantId: shop.merchantId, expiresAt: { not: null } }, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect(await creditChoice("20.01")).toEqual({ ok: false, error: "Cart.credit.errors.moreThanAvailable", message: "This is more than your store credit (€20.00)." });
    expect(await creditChoice("99999999999999999999")).toMatchObject({ ok: false, error: "Cart.credit.errors.moreThanAvailable" });
    expect(await cartTenders(shop.store.id, customerId)).toEqual([]);
    expect(await creditChoice("20")).toEqual({ ok: true });
  });

  it("refuses amounts that are not money, and customers without credit, writing nothing", async () => {
    const shop = await createLoyaltyTenant();
    const { customerId } = await member(shop, 0);

    expect(await creditChoice("5")).toEqual({ ok: false, error: "Cart.credit.refusals.noCredit", message: "You have no store credit left to spend here." });
    await giveCredit(shop.merchantId, customerId, 2000);
    for (const amount of ["0", "0,00", "-5", "1.234", "ten", "1e3"]) {
      expect(await creditChoice(amount)).toEqual({ ok: false, error: "Cart.credit.errors.invalidAmount", message: "Enter an amount greater than zero, e.g. 12.50." });
    }
    expect(await creditChoice("  ")).toMatchObject({ ok: false, error: "Cart.credit.errors.required" });
    expect(await cartTenders(shop.store.id, customerId)).toEqual([]);
  });

  it("asks guests to sign in and writes nothing", async () => {
    const shop = await createLoyaltyTenant();
    browser.storeId = shop.store.id;

    expect(await creditChoice("5")).toEqual({ ok: false, error: "Cart.credit.refusals.signInRequired", message: "Sign in to use your store credit." });
    expect(await seen(await removeStoreCreditAction(IDLE, {}))).toMatchObject({ ok: false, error: "Cart.credit.refusals.signInRequired" });
    expect(browser.jar.size).toBe(0);
    expect(await db.cart.count({ where: { merchantId: shop.merchantId } })).toBe(0);
  });

  it("credit at another merchant does not pay here", async () => {
    const shop = await createLoyaltyTenant();
    const other = await createLoyaltyTenant();
    const { customerId } = await member(shop, 0);
    const elsewhere = await createCustomerRow(other.tenant, `elsewhere-${other.tenant.tag}@example.test`);
    await giveCredit(other.merchantId, elsewhere.id, 5000);

    expect(await creditChoice("5")).toMatchObject({ ok: false, error: "Cart.credit.refusals.noCredit" });
    expect(await cartTenders(shop.store.id, customerId)).toEqual([]);
  });
});

describe("the cart page's points and store credit", () => {
  it("offers a member the rewards that fit, the credit that is left, and prices what was chosen", async () => {
    const shop = await createLoyaltyTenant();
    const five = await onlineReward(shop, 500, 500);
    const twenty = await onlineReward(shop, 2000, 2000);
    await onlineReward(shop, 100, 100, "CHF");
    const { customerId } = await member(shop, 1200);
    await giveCredit(shop.merchantId, customerId, 3000);
    const product = await db.product.create({
      data: { merchantId: shop.merchantId, storeId: shop.store.id, slug: `p-${randomUUID().slice(0, 8)}`, priceCents: 2500, kind: "DIGITAL", visibility: "PUBLIC" },
      select: { id: true },
    });
    await db.cart.create({ data: { merchantId: shop.merchantId, storeId: shop.store.id, customerId, activeKey: `${shop.store.id}:${customerId}`, lines: { create: [{ productId: product.id, quantity: 1 }] } } });
    const { slug } = await db.store.findUniqueOrThrow({ where: { id: shop.store.id }, select: { slug: true } });
    const storefront = { ...(await loadPublicStorefront(slug)), target: { kind: "store" as const, slug } } as never;

    const before = await loadCartPage(storefront, "en");
    expect(before.wallet?.points).toMatchObject({
      balance: 1200,
      unit: "POINTS",
      offers: [
        { id: five, maxQuantity: 2, refusal: null },
        { id: twenty, maxQuantity: 0, refusal: { reason: "notEnoughPoints", missing: 800 } },
      ],
    });
    expect(before.wallet?.credit).toEqual({ availableCents: 3000, suggestedCents: 2500 });

    expect(await pointsChoice(five, "2")).toEqual({ ok: true });
    expect(await creditChoice("30")).toEqual({ ok: true });
    const after = await loadCartPage(storefront, "en");
    expect(after.tenders.points).toMatchObject({ ok: true, points: 1000, amountCents: 1000 });
    expect(after.tenders.storeCredit).toMatchObject({ ok: true, amountCents: 1500 });
    expect(after.tenders.tendered.amountDueCents).toBe(0);
    expect(after.wallet?.credit).toEqual({ availableCents: 3000, suggestedCents: 1500 });

    browser.customer = null;
    expect((await loadCartPage(storefront, "en")).wallet).toBeNull();
  });
});
