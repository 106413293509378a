import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeRateLimitPool } from "@/lib/auth/rate-limit";
import type { CustomerSession } from "@/lib/auth/types";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { db } from "@/lib/db";
import { addDays, todayKey } from "@/lib/time";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { createCustomerRow } from "@/tests/integration/cart-fixtures";
import { createProductRow } from "@/tests/integration/catalog-fixtures";
import { createTenant } from "@/tests/integration/fixtures";

// A storefront request on the store's subdomain, with a cookie jar and who is signed in (as cart.integration.test.ts).
const browser = vi.hoisted(() => ({
  storeId: "",
  jar: new Map<string, string>(),
  customer: null as CustomerSession | null,
}));

vi.mock("next/headers", () => ({
  headers: async () => {
    const [{ db }, { proxiedHeaders }] = await Promise.all([import("@/lib/db"), import("@/tests/doubles/proxy")]);
    const { slug } = await db.store.findUniqueOrThrow({ where: { id: browser.storeId }, select: { slug: true } });
    return proxiedHeaders(`${slug}.localhost:3000`);
  },
  cookies: async () => ({
    get: (name: string) => (browser.jar.has(name) ? { name, value: browser.jar.get(name)! } : undefined),
    set: (name: string, value: string) => void browser.jar.set(name, value),
    delete: (name: string) => void browser.jar.delete(name),
  }),
}));
vi.mock("@/lib/auth/loaders", () => ({ loadCustomerSession: async () => browser.customer }));
vi.mock("next-intl/server", () => import("@/tests/integration/next-intl-server-stub"));

const actions = await import("./actions");
const { loadCartForCheckout } = await import("./data");
const { currentCart } = await import("./request");
const { markCartCheckedOut, restoreCheckedOutCart } = await import("./mutations");

afterAll(closeRateLimitPool);

beforeEach(() => {
  browser.jar.clear();
  browser.customer = null;
});

/** An action's state: its data, or its refusal (the form's, else each field's key). */
function seen<D>(state: FormState<D>) {
  if (state.status === "ok") return { ok: true, ...state.data };
  if (state.status !== "error") return { ok: false };
  const fields = Object.fromEntries(Object.entries(state.fieldErrors ?? {}).map(([field, e]) => [field, e?.key]));
  return { ok: false, error: state.error?.key, fields, messages: Object.values(state.fieldErrors ?? {}).map((e) => e?.message) };
}

/** The product page's gift-card form, posted as the browser does. */
function giftCardForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}
const addGiftCard = async (fields: Record<string, string>) => seen(await actions.addGiftCardToCartAction(IDLE, giftCardForm(fields)));

async function shop() {
  const tenant = await createTenant();
  const ids = { merchantId: tenant.merchant.id as MerchantId, storeId: tenant.store.id as StoreId };
  const { timeZone } = await db.store.findUniqueOrThrow({ where: { id: tenant.store.id }, select: { timeZone: true } });
  return { tenant, ids, store: { id: ids.storeId, merchantId: ids.merchantId }, today: todayKey(timeZone) };
}

type Offer = { amounts: number[] } | { minCents: number; maxCents: number };

async function giftCardProduct(tenant: { merchant: { id: string }; store: { id: string } }, offer: Offer, extra: { stock?: number } = {}) {
  const amounts = "amounts" in offer ? offer.amounts : [];
  return db.product.create({
    data: {
      merchantId: tenant.merchant.id,
      storeId: tenant.store.id,
      slug: `card-${randomUUID().slice(0, 8)}`,
      kind: "GIFT_CARD",
      visibility: "PUBLIC",
      priceCents: amounts[0] ?? ("minCents" in offer ? offer.minCents : 0),
      stock: extra.stock ?? null,
      giftCardAmounts: amounts,
      giftCardMinCents: "minCents" in offer ? offer.minCents : null,
      giftCardMaxCents: "maxCents" in offer ? offer.maxCents : null,
      translations: { create: [{ locale: "en", title: "Gift card" }] },
    },
    select: { id: true },
  });
}

async function cartLines(store: { id: StoreId; merchantId: MerchantId }) {
  const cart = await currentCart(store, browser.customer);
  if (!cart) return [];
  return db.cartLine.findMany({
    where: { cartId: cart.cartId },
    orderBy: { createdAt: "asc" },
    select: { id: true, productId: true, quantity: true, lineKey: true, giftCardAmountCents: true, giftCard: true },
  });
}

describe("adding gift cards to the cart", () => {
  it("adds a card for someone else with its amount and delivery; the cart prices it at its amount", async () => {
    const { tenant, ids, store, today } = await shop();
    const card = await giftCardProduct(tenant, { amounts: [2500, 5000, 10000] });
    browser.storeId = ids.storeId;
    const deliverOn = addDays(today, 3);

    const added = await addGiftCard({
      productId: card.id,
      amount: "50",
      recipient: "other",
      recipientName: "Léa Muller",
      recipientEmail: " Lea@Example.COM ",
      message: "Joyeux anniversaire !",
      deliverOn,
      locale: "fr",
      quantity: "2",
    });
    expect(added).toEqual({ ok: true, itemCount: 2 });

    const [line] = await cartLines(store);
    expect(line).toMatchObject({
      productId: card.id,
      quantity: 2,
      giftCardAmountCents: 5000,
      giftCard: { recipient: { name: "Léa Muller", email: "lea@example.com" }, message: "Joyeux anniversaire !", deliverOn, locale: "fr" },
    });
    expect(line!.lineKey).not.toBe("");
    const cart = await loadCartForCheckout(ids.merchantId, ids.storeId, (await currentCart(store, null))!.cartId);
    expect(cart?.lines.map((l) => [l.unitPriceCents, l.quantity, l.giftCard?.amountCents, l.giftCard?.purchase.recipient?.email])).toEqual([
      [5000, 2, 5000, "lea@example.com"],
    ]);
  });

  it("the same card again adds a unit; another recipient or amount is a line of its own; plain products keep their one line", async () => {
    const { tenant, ids, store, today } = await shop();
    const card = await giftCardProduct(tenant, { minCents: 1000, maxCents: 20000 });
    const book = await createProductRow(tenant, { slug: "book", priceCents: 1500 });
    browser.storeId = ids.storeId;
    const forLea = { productId: card.id, amount: "40", recipient: "other", recipientName: "Léa", recipientEmail: "lea@example.com", deliverOn: today, locale: "en" };

    expect(await addGiftCard(forLea)).toMatchObject({ ok: true, itemCount: 1 });
    expect(await addGiftCard({ ...forLea, recipientEmail: "LEA@example.com" })).toMatchObject({ ok: true, itemCount: 2 });
    expect(await addGiftCard({ ...forLea, recipientName: "Max", recipientEmail: "max@example.com" })).toMatchObject({ ok: true, itemCount: 3 });
    expect(await addGiftCard({ ...forLea, amount: "40.50" })).toMatchObject({ ok: true, itemCount: 4 });
    expect(await addGiftCard({ productId: card.id, amount: "40", recipient: "me", locale: "en" })).toMatchObject({ ok: true, itemCount: 5 });
    expect(seen(await actions.addToCartAction(IDLE, { productId: book.id }))).toMatchObject({ ok: true, itemCount: 6 });
    expect(seen(await actions.addToCartAction(IDLE, { productId: book.id }))).toMatchObject({ ok: true, itemCount: 7 });

    const lines = await cartLines(store);
    expect(lines.map((l) => [l.productId === card.id ? "card" : "book", l.giftCardAmountCents, l.quantity])).toEqual([
      ["card", 4000, 2],
      ["card", 4000, 1],
      ["card", 4050, 1],
      ["card", 4000, 1],
      ["book", null, 2],
    ]);
    expect(lines.at(-1)).toMatchObject({ lineKey: "", giftCard: null });
    expect(lines[3]!.giftCard).toEqual({ recipient: null, message: null, deliverOn: null, locale: "en" });
    expect(new Set(lines.map((l) => l.lineKey)).size).toBe(5);
  });

  it("bad input writes nothing and says which field is wrong", async () => {
    const { tenant, ids, store, today } = await shop();
    const fixed = await giftCardProduct(tenant, { amounts: [2500, 5000] });
    const range = await giftCardProduct(tenant, { minCents: 1000, maxCents: 20000 });
    browser.storeId = ids.storeId;
    const ok = { productId: range.id, amount: "40", recipient: "other", recipientName: "Léa", recipientEmail: "lea@example.com", deliverOn: today, locale: "en" };

    const cases: Array<[Record<string, string>, Record<string, string>]> = [
      [{ productId: fixed.id, amount: "30" }, { amount: "GiftCards.product.errors.amountNotOffered" }],
      [{ amount: "9.99" }, { amount: "GiftCards.product.errors.amountTooLow" }],
      [{ amount: "200.01" }, { amount: "GiftCards.product.errors.amountTooHigh" }],
      [{ amount: "40.001" }, { amount: "GiftCards.product.errors.amountFormat" }],
      [{ amount: "-40" }, { amount: "GiftCards.product.errors.amountFormat" }],
      [{ message: "x".repeat(501) }, { message: "GiftCards.product.errors.messageTooLong" }],
      [{ deliverOn: addDays(today, -1) }, { deliverOn: "GiftCards.product.errors.deliveryInPast" }],
      [{ deliverOn: addDays(today, 366) }, { deliverOn: "GiftCards.product.errors.deliveryTooFar" }],
      [{ recipientEmail: "lea@example" }, { recipientEmail: "GiftCards.product.errors.invalidEmail" }],
      [{ recipientEmail: "lea example.com" }, { recipientEmail: "GiftCards.product.errors.invalidEmail" }],
      [{ recipientName: "" }, { recipientName: "GiftCards.product.errors.nameRequired" }],
      [{ locale: "es" }, { locale: "GiftCards.product.errors.invalidChoice" }],
    ];
    for (const [change, fields] of cases) {
      expect(await addGiftCard({ ...ok, ...change }), JSON.stringify(change)).toMatchObject({ ok: false, fields });
    }
    // The limits are named in the store's currency.
    expect(await addGiftCard({ ...ok, amount: "5" })).toMatchObject({ messages: ["The amount must be at least €10.00."] });
    expect(await cartLines(store)).toEqual([]);

    // The edges are accepted: the minimum, the maximum, a message of 500 characters, a year from today.
    expect(await addGiftCard({ ...ok, amount: "10", message: "x".repeat(500), deliverOn: addDays(today, 365) })).toMatchObject({ ok: true });
    expect(await addGiftCard({ ...ok, amount: "200" })).toMatchObject({ ok: true });
  });

  it("another merchant's gift card cannot be added through this store; a gift card is never added as a plain product", async () => {
    const a = await shop();
    const b = await shop();
    const theirs = await giftCardProduct(b.tenant, { amounts: [2500] });
    const ours = await giftCardProduct(a.tenant, { amounts: [2500] });
    const plain = await createProductRow(a.tenant, { slug: "plain" });
    browser.storeId = a.ids.storeId;

    expect(await addGiftCard({ productId: theirs.id, amount: "25", recipient: "me", locale: "en" })).toMatchObject({
      ok: false,
      error: "GiftCards.product.errors.unknownProduct",
    });
    expect(await addGiftCard({ productId: plain.id, amount: "25", recipient: "me", locale: "en" })).toMatchObject({
      ok: false,
      error: "GiftCards.product.errors.unknownProduct",
    });
    expect(seen(await actions.addToCartAction(IDLE, { productId: ours.id }))).toMatchObject({ ok: false, error: "Cart.errors.unknownProduct" });
    expect(await cartLines(a.store)).toEqual([]);
    expect(await db.cartLine.count({ where: { productId: theirs.id } })).toBe(0);
  });

  it("changes and removes one line of a gift card by its id, leaving the product's other lines", async () => {
    const { tenant, ids, store } = await shop();
    const card = await giftCardProduct(tenant, { amounts: [2500, 5000] }, { stock: 5 });
    browser.storeId = ids.storeId;
    await addGiftCard({ productId: card.id, amount: "25", recipient: "me", locale: "en" });
    await addGiftCard({ productId: card.id, amount: "50", recipient: "me", locale: "en", quantity: "2" });
    const [small, large] = await cartLines(store);

    expect(seen(await actions.setCartItemQuantityAction(IDLE, { lineId: small!.id, quantity: 3 }))).toMatchObject({ ok: true, itemCount: 5 });
    // The stock is shared by the product's lines: 3 + 2 of 5.
    expect(seen(await actions.setCartItemQuantityAction(IDLE, { lineId: large!.id, quantity: 3 }))).toMatchObject({
      ok: false,
      error: "Cart.errors.notEnoughStock",
    });
    expect(await addGiftCard({ productId: card.id, amount: "50", recipient: "me", locale: "en" })).toMatchObject({
      ok: false,
      error: "Cart.errors.notEnoughStock",
    });
    expect(seen(await actions.removeCartItemAction(IDLE, { lineId: small!.id }))).toMatchObject({ ok: true, itemCount: 2 });
    expect((await cartLines(store)).map((l) => [l.id, l.quantity])).toEqual([[large!.id, 2]]);

    // Another cart's line is not this visitor's to change.
    browser.jar.clear();
    expect(seen(await actions.addToCartAction(IDLE, { productId: (await createProductRow(tenant, { slug: "x" })).id }))).toMatchObject({ ok: true });
    expect(seen(await actions.setCartItemQuantityAction(IDLE, { lineId: large!.id, quantity: 1 }))).toMatchObject({ ok: false, error: "Cart.errors.unknownProduct" });
    await actions.removeCartItemAction(IDLE, { lineId: large!.id });
    expect(await db.cartLine.findUnique({ where: { id: large!.id }, select: { quantity: true } })).toEqual({ quantity: 2 });
  });

  it("a guest's gift cards move into the customer's cart with their key and delivery", async () => {
    const { tenant, ids, store, today } = await shop();
    const user = await db.user.create({ data: { email: `gc-${tenant.tag}@example.test` }, select: { id: true } });
    const customer = await createCustomerRow(tenant, `gc-${tenant.tag}@example.test`, user.id);
    const session: CustomerSession = { customerId: customer.id, userId: user.id, merchantId: ids.merchantId, email: customer.email, name: null };
    const card = await giftCardProduct(tenant, { amounts: [2500, 5000] });
    const forLea = { productId: card.id, amount: "25", recipient: "other", recipientName: "Léa", recipientEmail: "lea@example.com", deliverOn: today, locale: "lb" };
    browser.storeId = ids.storeId;

    // Signed in earlier on another device: one card for Léa.
    browser.customer = session;
    await addGiftCard(forLea);
    // Now a guest: the same card and one for the buyer.
    browser.customer = null;
    await addGiftCard(forLea);
    await addGiftCard({ productId: card.id, amount: "50", recipient: "me", locale: "en" });
    const guestLines = await cartLines(store);

    browser.customer = session;
    const lines = await cartLines(store);
    expect(lines.map((l) => [l.lineKey, l.giftCardAmountCents, l.quantity]).sort()).toEqual(
      [
        [guestLines[0]!.lineKey, 2500, 2],
        [guestLines[1]!.lineKey, 5000, 1],
      ].sort(),
    );
    expect(lines.find((l) => l.giftCardAmountCents === 5000)?.giftCard).toEqual({ recipient: null, message: null, deliverOn: null, locale: "en" });
  });

  it("a cart given back after a failed payment keeps its gift cards and takes in the ones added since", async () => {
    const { tenant, ids, store } = await shop();
    const user = await db.user.create({ data: { email: `back-${tenant.tag}@example.test` }, select: { id: true } });
    const customer = await createCustomerRow(tenant, `back-${tenant.tag}@example.test`, user.id);
    browser.customer = { customerId: customer.id, userId: user.id, merchantId: ids.merchantId, email: customer.email, name: null };
    browser.storeId = ids.storeId;
    const card = await giftCardProduct(tenant, { amounts: [2500, 5000] });
    await addGiftCard({ productId: card.id, amount: "25", recipient: "me", locale: "en" });
    const first = (await currentCart(store, browser.customer))!.cartId;
    await db.$transaction((tx) => markCartCheckedOut(tx, first));

    // A new cart meanwhile: the same card again and another amount.
    await addGiftCard({ productId: card.id, amount: "25", recipient: "me", locale: "en" });
    await addGiftCard({ productId: card.id, amount: "50", recipient: "me", locale: "en" });
    expect(await db.$transaction((tx) => restoreCheckedOutCart(tx, ids.merchantId, first))).toBe(true);

    expect((await currentCart(store, browser.customer))?.cartId).toBe(first);
    expect((await cartLines(store)).map((l) => [l.giftCardAmountCents, l.quantity, l.giftCard])).toEqual([
      [2500, 1, { recipient: null, message: null, deliverOn: null, locale: "en" }],
      [5000, 1, { recipient: null, message: null, deliverOn: null, locale: "en" }],
    ]);
  });
});
