import { randomInt } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeRateLimitPool, PUBLIC_LIMITS } from "@/lib/auth/rate-limit";
import type { CustomerSession } from "@/lib/auth/types";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { db } from "@/lib/db";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { createCouponRow, createCustomerRow } from "@/tests/integration/cart-fixtures";
import { createProductRow } from "@/tests/integration/catalog-fixtures";
import { createOrderRow } from "@/tests/integration/order-fixtures";
import { createTenant } from "@/tests/integration/fixtures";
import { createGiftCard } from "@/tests/integration/gift-card-fixtures";

// A storefront request: the proxy's headers (for the store's subdomain, else the apex), a cookie
// jar, and who is signed in.
const browser = vi.hoisted(() => ({
  storeId: "",
  // Each test its own address: rate limits by address never meet another test's (or file's) tries.
  ip: "",
  jar: new Map<string, string>(),
  customer: null as CustomerSession | null,
}));

vi.mock("next/headers", () => ({
  headers: async () => {
    const [{ db }, { proxiedHeaders }] = await Promise.all([import("@/lib/db"), import("@/tests/doubles/proxy")]);
    const address = { "x-forwarded-for": browser.ip };
    if (!browser.storeId) return proxiedHeaders("localhost:3000", address);
    const { slug } = await db.store.findUniqueOrThrow({ where: { id: browser.storeId }, select: { slug: true } });
    return proxiedHeaders(`${slug}.localhost:3000`, address);
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
const { markCartCheckedOut, mergeGuestCart } = await import("./mutations");
const { currentCart } = await import("./request");
const { CART_COOKIE } = await import("./cookie");

/** An action's state as these tests compare it: its data, or the key and the text of its refusal. */
function seen<D>(state: FormState<D>) {
  if (state.status === "ok") return { ok: true, ...state.data };
  const refusal = state.status === "error" ? (state.error ?? Object.values(state.fieldErrors ?? {})[0]) : undefined;
  return { ok: false, error: refusal?.key, message: refusal?.message };
}

// The cart page's calls: the state before (useActionState's) and the input.
const addToCart = async (input: { productId: string; quantity?: number }) => seen(await actions.addToCartAction(IDLE, input));
const setQuantity = async (input: { productId: string; quantity: number }) => seen(await actions.setCartItemQuantityAction(IDLE, input));
const removeItem = async (input: { productId: string }) => seen(await actions.removeCartItemAction(IDLE, input));
const removeCoupon = async (input: { couponId: string }) => seen(await actions.removeCouponAction(IDLE, input));
/** The cart's code form, posted as the browser does. */
function codeForm(code: string): FormData {
  const form = new FormData();
  form.set("couponCode", code);
  return form;
}
const applyCode = async (code: string) => seen(await actions.applyCouponAction(IDLE, codeForm(code)));

async function shop() {
  const tenant = await createTenant();
  const ids = { merchantId: tenant.merchant.id as MerchantId, storeId: tenant.store.id as StoreId };
  const store = { id: ids.storeId, merchantId: ids.merchantId };
  return { tenant, ids, store };
}

function visit(storeId: string, customer: CustomerSession | null = null) {
  browser.storeId = storeId;
  browser.customer = customer;
}

afterAll(closeRateLimitPool);

beforeEach(() => {
  browser.ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  browser.jar.clear();
  browser.customer = null;
  browser.storeId = "";
});

describe("guest cart", () => {
  it("is created on the first add, held in a signed cookie, and priced from the catalog", async () => {
    const { tenant, ids, store } = await shop();
    const product = await createProductRow(tenant, { slug: "robe", priceCents: 2500, stock: 5 });
    visit(ids.storeId);
    expect(await currentCart(store, null)).toBeNull();

    expect(await addToCart({ productId: product.id, quantity: 2 })).toEqual({ ok: true, itemCount: 2 });
    expect(browser.jar.get(CART_COOKIE)).toMatch(/^[a-z0-9]+\.[\w-]+$/);
    const cart = await currentCart(store, null);
    expect(cart).not.toBeNull();

    // A price change in the catalog shows up at once: nothing was copied into the cart.
    await db.product.update({ where: { id: product.id }, data: { priceCents: 3000 } });
    const loaded = await loadCartForCheckout(ids.merchantId, ids.storeId, cart!.cartId);
    expect(loaded?.lines.map((l) => [l.productId, l.quantity, l.product.priceCents])).toEqual([[product.id, 2, 3000]]);
  });

  it("a tampered or foreign cookie is no cart, never an error", async () => {
    const a = await shop();
    const b = await shop();
    const product = await createProductRow(a.tenant, { slug: "robe" });
    visit(a.ids.storeId);
    await addToCart({ productId: product.id });
    const signed = browser.jar.get(CART_COOKIE)!;

    browser.jar.set(CART_COOKIE, signed.slice(0, -2) + "xx");
    expect(await currentCart(a.store, null)).toBeNull();
    expect(await setQuantity({ productId: product.id, quantity: 2 })).toMatchObject({ ok: false, error: "Cart.errors.cartNotFound" });

    // The same valid cookie presented to another store names nothing there.
    browser.jar.set(CART_COOKIE, signed);
    visit(b.ids.storeId);
    expect(await currentCart(b.store, null)).toBeNull();
  });

  it("refuses another store's product, drafts, archived and unknown ids", async () => {
    const a = await shop();
    const b = await shop();
    const foreign = await createProductRow(b.tenant, { slug: "foreign" });
    const draft = await createProductRow(a.tenant, { slug: "draft", visibility: "DRAFT" });
    const archived = await createProductRow(a.tenant, { slug: "old", archivedAt: new Date() });
    const hidden = await createProductRow(a.tenant, { slug: "hidden", visibility: "HIDDEN" });
    visit(a.ids.storeId);
    for (const productId of [foreign.id, draft.id, archived.id, "doesnotexist"]) {
      expect(await addToCart({ productId })).toMatchObject({ ok: false, error: "Cart.errors.unknownProduct" });
    }
    expect(await addToCart({ productId: "'; DROP TABLE" })).toMatchObject({ ok: false, error: "Cart.errors.unknownProduct" });
    // Hidden products are bought by link.
    expect(await addToCart({ productId: hidden.id })).toMatchObject({ ok: true });
  });

  it("on the apex there is no store: cart actions refuse", async () => {
    const a = await shop();
    const product = await createProductRow(a.tenant, { slug: "robe" });
    expect(await addToCart({ productId: product.id })).toMatchObject({ ok: false, error: "Errors.NOT_FOUND" });
  });
});

describe("quantity bounds", () => {
  it("holds stock and the maximum; rejects zero, negative, fractions and huge numbers", async () => {
    const { tenant, ids } = await shop();
    const few = await createProductRow(tenant, { slug: "few", stock: 3 });
    const many = await createProductRow(tenant, { slug: "many", stock: null });
    const none = await createProductRow(tenant, { slug: "none", stock: 0 });
    visit(ids.storeId);

    expect(await addToCart({ productId: few.id, quantity: 3 })).toMatchObject({ ok: true, itemCount: 3 });
    expect(await addToCart({ productId: few.id, quantity: 1 })).toEqual({ ok: false, error: "Cart.errors.notEnoughStock", message: "Only 3 left in stock." });
    expect(await addToCart({ productId: none.id })).toMatchObject({ ok: false, error: "Cart.errors.outOfStock" });
    for (const quantity of [0, -1, 1.5, 100, 1e12, Number.NaN]) {
      expect(await setQuantity({ productId: few.id, quantity })).toMatchObject({ ok: false, error: "Cart.errors.invalidQuantity" });
    }
    expect(await setQuantity({ productId: few.id, quantity: 4 })).toEqual({ ok: false, error: "Cart.errors.notEnoughStock", message: "Only 3 left in stock." });
    expect(await setQuantity({ productId: few.id, quantity: 1 })).toMatchObject({ ok: true, itemCount: 1 });

    expect(await addToCart({ productId: many.id, quantity: 99 })).toMatchObject({ ok: true, itemCount: 100 });
    expect(await addToCart({ productId: many.id, quantity: 1 })).toEqual({ ok: false, error: "Cart.errors.tooMany", message: "You can order at most 99 of this item." });

    // Ten concurrent adds of one unit with stock 3 never go past 3.
    await removeItem({ productId: few.id });
    await Promise.all(Array.from({ length: 10 }, () => addToCart({ productId: few.id })));
    const line = await db.cartLine.findFirst({ where: { productId: few.id }, select: { quantity: true } });
    expect(line?.quantity).toBe(3);
  });
});

describe("cart isolation", () => {
  it("loadCartForCheckout refuses a cart id of another store or merchant", async () => {
    const a = await shop();
    const b = await shop();
    const product = await createProductRow(a.tenant, { slug: "robe" });
    visit(a.ids.storeId);
    await addToCart({ productId: product.id });
    const cart = await currentCart(a.store, null);
    expect(await loadCartForCheckout(a.ids.merchantId, a.ids.storeId, cart!.cartId)).not.toBeNull();
    expect(await loadCartForCheckout(b.ids.merchantId, b.ids.storeId, cart!.cartId)).toBeNull();
    expect(await loadCartForCheckout(a.ids.merchantId, b.ids.storeId, cart!.cartId)).toBeNull();
    expect(await loadCartForCheckout(b.ids.merchantId, a.ids.storeId, cart!.cartId)).toBeNull();
  });

  it("loadCartForCheckout reads every product and coupon field and the coupons' usage, titles falling back to the default locale, then the slug", async () => {
    const tenant = await createTenant({ defaultLocale: "fr", locales: ["fr", "en", "de"] });
    const ids = { merchantId: tenant.merchant.id as MerchantId, storeId: tenant.store.id as StoreId };
    const both = await createProductRow(tenant, { slug: "robe", priceCents: 2500, stock: 3, translations: { fr: { title: "Robe" }, en: { title: "Dress" } } });
    const french = await createProductRow(tenant, { slug: "jupe", priceCents: 1800, visibility: "HIDDEN", translations: { fr: { title: "Jupe" } } });
    const none = await createProductRow(tenant, { slug: "sac", archivedAt: new Date(), translations: {} });
    const startsAt = new Date("2026-01-01T10:00:00.123Z");
    const later = await createCouponRow(tenant, { code: "LATER", kind: "PERCENT", percentBasisPoints: 1500, minSubtotalCents: 1000, startsAt, endsAt: new Date("2999-01-01T00:00:00Z"), perCustomerLimit: 2, totalLimit: 9, combinable: true });
    const first = await createCouponRow(tenant, { code: "FIRST", amountCents: 300, paused: true });
    const cart = await db.cart.create({
      data: {
        merchantId: ids.merchantId,
        storeId: ids.storeId,
        lines: {
          create: [
            { productId: none.id, quantity: 1, createdAt: new Date("2026-02-01T00:00:03Z") },
            { productId: both.id, quantity: 2, createdAt: new Date("2026-02-01T00:00:01Z") },
            { productId: french.id, quantity: 1, createdAt: new Date("2026-02-01T00:00:02Z") },
          ],
        },
        coupons: {
          create: [
            { couponId: later.id, addedAt: new Date("2026-02-01T00:00:02Z") },
            { couponId: first.id, addedAt: new Date("2026-02-01T00:00:01Z") },
          ],
        },
      },
      select: { id: true, lines: { select: { id: true, productId: true } } },
    });
    const lineId = (productId: string) => cart.lines.find((l) => l.productId === productId)!.id;
    // Uses of LATER: two ACTIVE (one by this buyer, by email in another case), one RELEASED.
    for (const [email, status] of [["buyer@example.test", "ACTIVE"], ["other@example.test", "ACTIVE"], ["buyer@example.test", "RELEASED"]] as const) {
      const order = await createOrderRow(tenant, ids.storeId, { status: "PAID", createdAt: "2026-01-15T10:00:00Z", lines: [], email });
      await db.couponRedemption.create({ data: { merchantId: ids.merchantId, couponId: later.id, orderId: order.id, email, amountCents: 100, status } });
    }

    // Gift cards entered, oldest first; a card of another merchant in the cart is never read.
    const expiresAt = new Date("2030-06-30T22:00:00Z");
    const newer = await createGiftCard(ids.merchantId, { balanceCents: 700 });
    const older = await createGiftCard(ids.merchantId, { balanceCents: 2500, expiresAt });
    const foreign = await createGiftCard((await createTenant()).merchant.id, { balanceCents: 900 });
    await db.cartGiftCard.createMany({
      data: [
        { cartId: cart.id, giftCardId: newer.id, addedAt: new Date("2026-02-01T00:00:05Z") },
        { cartId: cart.id, giftCardId: older.id, addedAt: new Date("2026-02-01T00:00:04Z") },
        { cartId: cart.id, giftCardId: foreign.id, addedAt: new Date("2026-02-01T00:00:03Z") },
      ],
    });

    const loaded = await loadCartForCheckout(ids.merchantId, ids.storeId, cart.id, { locale: "en", buyer: { email: " Buyer@Example.test " } });

    expect(loaded).toEqual({
      id: cart.id,
      merchantId: ids.merchantId,
      storeId: ids.storeId,
      customerId: null,
      lines: [
        { lineId: lineId(both.id), productId: both.id, quantity: 2, lineKey: "", unitPriceCents: 2500, giftCard: null, product: { id: both.id, slug: "robe", title: "Dress", priceCents: 2500, stock: 3, kind: "PHYSICAL", visibility: "PUBLIC", archived: false, giftCardAmounts: [], giftCardMinCents: null, giftCardMaxCents: null } },
        { lineId: lineId(french.id), productId: french.id, quantity: 1, lineKey: "", unitPriceCents: 1800, giftCard: null, product: { id: french.id, slug: "jupe", title: "Jupe", priceCents: 1800, stock: null, kind: "PHYSICAL", visibility: "HIDDEN", archived: false, giftCardAmounts: [], giftCardMinCents: null, giftCardMaxCents: null } },
        { lineId: lineId(none.id), productId: none.id, quantity: 1, lineKey: "", unitPriceCents: 1000, giftCard: null, product: { id: none.id, slug: "sac", title: "sac", priceCents: 1000, stock: null, kind: "PHYSICAL", visibility: "PUBLIC", archived: true, giftCardAmounts: [], giftCardMinCents: null, giftCardMaxCents: null } },
      ],
      coupons: [
        { id: first.id, code: "FIRST", kind: "FIXED", amountCents: 300, percentBasisPoints: null, maxDiscountCents: null, minSubtotalCents: null, startsAt: null, endsAt: null, perCustomerLimit: null, totalLimit: null, combinable: false, paused: true, addedAt: new Date("2026-02-01T00:00:01Z") },
        { id: later.id, code: "LATER", kind: "PERCENT", amountCents: null, percentBasisPoints: 1500, maxDiscountCents: null, minSubtotalCents: 1000, startsAt, endsAt: new Date("2999-01-01T00:00:00Z"), perCustomerLimit: 2, totalLimit: 9, combinable: true, paused: false, addedAt: new Date("2026-02-01T00:00:02Z") },
      ],
      usage: { [first.id]: { total: 0, byCustomer: 0 }, [later.id]: { total: 2, byCustomer: 1 } },
      giftCards: [
        { id: older.id, last4: older.last4, currency: "EUR", balanceCents: 2500, status: "ACTIVE", expiresAt, lockedCustomerId: null },
        { id: newer.id, last4: newer.last4, currency: "EUR", balanceCents: 700, status: "ACTIVE", expiresAt: null, lockedCustomerId: null },
      ],
      points: null,
      loyaltyCard: null,
      storeCreditCents: null,
      storeCredit: null,
    });
    // Without a locale, the store's default.
    const byDefault = await loadCartForCheckout(ids.merchantId, ids.storeId, cart.id);
    expect(byDefault?.lines.map((l) => l.product.title)).toEqual(["Robe", "Jupe", "sac"]);
    expect(byDefault?.usage[later.id]).toEqual({ total: 2, byCustomer: 0 });
  });

  it("checked-out carts are not current any more and cannot be checked out twice", async () => {
    const { tenant, ids, store } = await shop();
    const product = await createProductRow(tenant, { slug: "robe" });
    visit(ids.storeId);
    await addToCart({ productId: product.id });
    const cart = await currentCart(store, null);
    expect(await db.$transaction((tx) => markCartCheckedOut(tx, cart!.cartId))).toBe(true);
    expect(await db.$transaction((tx) => markCartCheckedOut(tx, cart!.cartId))).toBe(false);
    expect(await currentCart(store, null)).toBeNull();
    expect(await loadCartForCheckout(ids.merchantId, ids.storeId, cart!.cartId)).toBeNull();
    // The next add starts a fresh cart.
    expect(await addToCart({ productId: product.id })).toEqual({ ok: true, itemCount: 1 });
  });
});

describe("coupons on the cart", () => {
  it("attaches by code in any case, refuses unknown and other stores' codes, and reports reasons", async () => {
    const a = await shop();
    const b = await shop();
    const product = await createProductRow(a.tenant, { slug: "robe", priceCents: 4600 });
    const expired = await createCouponRow(a.tenant, { code: "OLD", endsAt: new Date(Date.now() - 1000) });
    await createCouponRow(a.tenant, { code: "BIENVENUE10", kind: "PERCENT", percentBasisPoints: 1000 });
    await createCouponRow(b.tenant, { code: "OTHERSTORE" });
    visit(a.ids.storeId);
    await addToCart({ productId: product.id });

    expect(await applyCode("bienvenue10")).toEqual({ ok: true, applied: true, code: "BIENVENUE10" });
    expect(await applyCode(" BienVenue10 ")).toMatchObject({ ok: false, error: "Cart.errors.couponAlreadyAdded" });
    expect(await applyCode("NOPE")).toMatchObject({ ok: false, error: "Cart.errors.unknownCoupon" });
    expect(await applyCode("OTHERSTORE")).toMatchObject({ ok: false, error: "Cart.errors.unknownCoupon" });
    expect(await applyCode("")).toMatchObject({ ok: false, error: "Cart.errors.required" });
    // Added, and the answer says it does not apply (and why): it stays on the cart with its reason.
    expect(await applyCode("old")).toEqual({ ok: true, applied: false, code: "OLD", reason: "EXPIRED" });

    const cart = await currentCart(a.store, null);
    const loaded = await loadCartForCheckout(a.ids.merchantId, a.ids.storeId, cart!.cartId);
    expect(loaded?.coupons.map((c) => c.code)).toEqual(["BIENVENUE10", "OLD"]);

    const { priceCart } = await import("@/lib/pricing/pricing");
    const priced = priceCart({
      currency: "EUR",
      lines: loaded!.lines.map((l) => ({ productId: l.productId, title: l.product.title, unitPriceCents: l.product.priceCents, quantity: l.quantity })),
      coupons: loaded!.coupons,
      now: new Date(),
      usage: {},
    });
    expect(priced.coupons).toEqual([
      { couponId: expect.any(String), code: "BIENVENUE10", qualified: true },
      { couponId: expired.id, code: "OLD", qualified: false, reason: "EXPIRED", params: { endsAt: expect.any(String) } },
    ]);
    expect(priced.totalCents).toBe(4140);

    expect(await removeCoupon({ couponId: expired.id })).toMatchObject({ ok: true });
    const after = await loadCartForCheckout(a.ids.merchantId, a.ids.storeId, cart!.cartId);
    expect(after?.coupons.map((c) => c.code)).toEqual(["BIENVENUE10"]);
  });

  it("counts codes that do not apply against the cart, gives an applied code's point back, and refuses past the limit", async () => {
    const { tenant, ids } = await shop();
    await createCouponRow(tenant, { code: "REAL" });
    visit(ids.storeId);
    // Attached (though an empty cart leaves it nothing to take off): a real code gives its point back.
    expect(await applyCode("REAL")).toEqual({ ok: true, applied: false, code: "REAL", reason: "EMPTY_CART" });
    for (let i = 0; i < PUBLIC_LIMITS.couponApply.cart.points; i++) {
      expect(await applyCode(`GUESS${i}`)).toMatchObject({ ok: false, error: "Cart.errors.unknownCoupon" });
    }
    const refused = await actions.applyCouponAction(IDLE, codeForm("GUESSX"));
    // The typed code stays in the field; the wait is in whole minutes.
    expect(refused).toMatchObject({ status: "error", error: { key: "Cart.errors.rateLimited" }, values: { couponCode: "GUESSX" } });
    expect(refused.error?.message).toMatch(/^Too many codes tried\. Try again in 1[45] min\.$/);
  });

  it("the coupon page's apply creates a cart when the visitor has none", async () => {
    const { tenant, ids, store } = await shop();
    await createCouponRow(tenant, { code: "FIVE" });
    visit(ids.storeId);
    expect(await applyCode("FIVE")).toEqual({ ok: true, applied: false, code: "FIVE", reason: "EMPTY_CART" });
    const cart = await currentCart(store, null);
    expect((await loadCartForCheckout(ids.merchantId, ids.storeId, cart!.cartId))?.coupons.map((c) => c.code)).toEqual(["FIVE"]);
  });
});

describe("guest cart adopted on the first signed-in request", () => {
  it("adds quantities within stock, keeps coupons, and retires the guest cart", async () => {
    const { tenant, ids, store } = await shop();
    const user = await db.user.create({ data: { email: `merge-${tenant.tag}@example.test` }, select: { id: true } });
    const customer = await createCustomerRow(tenant, `merge-${tenant.tag}@example.test`, user.id);
    const session: CustomerSession = { customerId: customer.id, userId: user.id, merchantId: ids.merchantId, email: customer.email, name: null };
    const a = await createProductRow(tenant, { slug: "a", stock: 3 });
    const b = await createProductRow(tenant, { slug: "b" });
    await createCouponRow(tenant, { code: "GUEST" });

    // Signed in earlier on another device: 2 of A.
    visit(ids.storeId, session);
    await addToCart({ productId: a.id, quantity: 2 });
    const customerCart = await currentCart(store, session);

    // Now a guest in this browser: 2 of A, 1 of B and a coupon.
    visit(ids.storeId, null);
    await addToCart({ productId: a.id, quantity: 2 });
    await addToCart({ productId: b.id, quantity: 1 });
    await applyCode("guest");
    const guestCart = await currentCart(store, null);

    // Signed in now, the browser still carrying its guest cookie.
    visit(ids.storeId, session);
    expect(await currentCart(store, session)).toEqual(customerCart);
    const merged = await loadCartForCheckout(ids.merchantId, ids.storeId, customerCart!.cartId);
    expect(merged?.lines.map((l) => [l.productId, l.quantity]).sort()).toEqual([[a.id, 3], [b.id, 1]].sort());
    expect(merged?.coupons.map((c) => c.code)).toEqual(["GUEST"]);
    expect((await db.cart.findUnique({ where: { id: guestCart!.cartId }, select: { status: true } }))?.status).toBe("MERGED");
    expect(browser.jar.has(CART_COOKIE)).toBe(false);

    // Idempotent: a second merge of the same (now merged) cart changes nothing.
    expect(await mergeGuestCart(ids.merchantId, ids.storeId, guestCart!.cartId, customer.id)).toBeNull();
  });

  it("a customer without a cart adopts the guest cart", async () => {
    const { tenant, ids, store } = await shop();
    const user = await db.user.create({ data: { email: `adopt-${tenant.tag}@example.test` }, select: { id: true } });
    const customer = await createCustomerRow(tenant, `adopt-${tenant.tag}@example.test`, user.id);
    const product = await createProductRow(tenant, { slug: "a" });
    visit(ids.storeId);
    await addToCart({ productId: product.id, quantity: 2 });
    const guestCart = await currentCart(store, null);
    const session: CustomerSession = { customerId: customer.id, userId: user.id, merchantId: ids.merchantId, email: customer.email, name: null };
    visit(ids.storeId, session);
    expect(await currentCart(store, session)).toEqual({ cartId: guestCart!.cartId, customerId: customer.id });
  });

  it("never merges another store's guest cart", async () => {
    const a = await shop();
    const b = await shop();
    const product = await createProductRow(a.tenant, { slug: "a" });
    visit(a.ids.storeId);
    await addToCart({ productId: product.id });
    const guestCart = await currentCart(a.store, null);
    const customer = await createCustomerRow(b.tenant, `x-${b.tenant.tag}@example.test`);
    expect(await mergeGuestCart(b.ids.merchantId, b.ids.storeId, guestCart!.cartId, customer.id)).toBeNull();
    expect(await mergeGuestCart(a.ids.merchantId, a.ids.storeId, guestCart!.cartId, customer.id)).toBeNull();
    expect((await db.cart.findUnique({ where: { id: guestCart!.cartId }, select: { status: true } }))?.status).toBe("ACTIVE");
  });
});
