import { randomBytes } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeRateLimitPool, PUBLIC_LIMITS } from "@/lib/auth/rate-limit";
import type { CustomerSession } from "@/lib/auth/types";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { db } from "@/lib/db";
import { formatGiftCardCode, generateGiftCardCode } from "@/lib/gift-cards/code";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { createCustomerRow } from "@/tests/integration/cart-fixtures";
import { createTenant } from "@/tests/integration/fixtures";
import { createGiftCard } from "@/tests/integration/gift-card-fixtures";

// A storefront request: the proxy's headers for the store's subdomain, a cookie jar, and who is signed in.
const browser = vi.hoisted(() => ({ storeId: "", jar: new Map<string, string>(), customer: null as CustomerSession | null, ip: "203.0.113.7" }));

vi.mock("next/headers", () => ({
  headers: async () => {
    const [{ db }, { proxiedHeaders }] = await Promise.all([import("@/lib/db"), import("@/tests/doubles/proxy")]);
    const { slug } = await db.store.findUniqueOrThrow({ where: { id: browser.storeId }, select: { slug: true } });
    return proxiedHeaders(`${slug}.localhost:3000`, { "x-forwarded-for": browser.ip });
  },
  cookies: async () => ({
    get: (name: string) => (browser.jar.has(name) ? { name, value: browser.jar.get(name)! } : undefined),
    set: (name: string, value: string) => void browser.jar.set(name, value),
    delete: (name: string) => void browser.jar.delete(name),
  }),
}));
vi.mock("@/lib/auth/loaders", () => ({ loadCustomerSession: async () => browser.customer }));
vi.mock("next-intl/server", () => import("@/tests/integration/next-intl-server-stub"));

const { applyGiftCardAction, removeGiftCardAction } = await import("./gift-card-actions");
const { currentCart } = await import("./request");

function seen<D>(state: FormState<D>) {
  if (state.status === "ok") return { ok: true, ...state.data };
  const refusal = state.status === "error" ? (state.error ?? Object.values(state.fieldErrors ?? {})[0]) : undefined;
  return { ok: false, error: refusal?.key, message: refusal?.message };
}

function codeForm(code: string): FormData {
  const form = new FormData();
  form.set("giftCardCode", code);
  return form;
}
const apply = async (code: string) => seen(await applyGiftCardAction(IDLE, codeForm(code)));

async function shop() {
  const tenant = await createTenant();
  const ids = { merchantId: tenant.merchant.id as MerchantId, storeId: tenant.store.id as StoreId };
  return { tenant, ids, store: { id: ids.storeId, merchantId: ids.merchantId } };
}

async function cardsInCart(store: { id: StoreId; merchantId: MerchantId }) {
  const cart = await currentCart(store, browser.customer);
  if (!cart) return [];
  return (await db.cartGiftCard.findMany({ where: { cartId: cart.cartId }, select: { giftCardId: true } })).map((c) => c.giftCardId);
}

/** A well-formed code (right check character) that no card has: a fresh one. */
function unknownCode(): string {
  return generateGiftCardCode(randomBytes);
}

afterAll(closeRateLimitPool);

beforeEach(() => {
  browser.jar.clear();
  browser.customer = null;
  browser.ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
});

describe("entering a gift card in the cart", () => {
  it("takes the code as printed, in any case and with or without dashes, and keeps the card once", async () => {
    const { ids, store } = await shop();
    const card = await createGiftCard(ids.merchantId, { balanceCents: 2500 });
    browser.storeId = ids.storeId;

    expect(await apply(formatGiftCardCode(card.code).toLowerCase())).toEqual({ ok: true, last4: card.last4 });
    expect(await cardsInCart(store)).toEqual([card.id]);
    expect(await apply(card.code)).toMatchObject({ ok: false, error: "GiftCards.redeem.errors.giftCardAlreadyAdded" });

    expect(await seen(await removeGiftCardAction(IDLE, { giftCardId: card.id }))).toEqual({ ok: true });
    expect(await cardsInCart(store)).toEqual([]);
  });

  it("answers unknown and malformed codes with one generic text, a typo with its own, and writes nothing", async () => {
    const { ids, store } = await shop();
    const card = await createGiftCard(ids.merchantId, { balanceCents: 2500 });
    browser.storeId = ids.storeId;
    const typo = card.code.slice(0, 3) + (card.code[3] === "A" ? "B" : "A") + card.code.slice(4);

    expect(await apply(unknownCode())).toEqual({ ok: false, error: "GiftCards.redeem.errors.invalid", message: "This gift card code is not valid." });
    expect(await apply("NOT-A-CODE")).toMatchObject({ ok: false, error: "GiftCards.redeem.errors.invalid" });
    expect(await apply(typo)).toMatchObject({ ok: false, error: "GiftCards.redeem.errors.typo" });
    expect(await apply("")).toMatchObject({ ok: false, error: "GiftCards.redeem.errors.required" });
    expect(await cardsInCart(store)).toEqual([]);
  });

  it("says why a card cannot pay: disabled, expired, another currency, locked to another customer, empty", async () => {
    const { tenant, ids, store } = await shop();
    const customer = await createCustomerRow(tenant, `owner-${tenant.tag}@example.test`);
    const cases = [
      [await createGiftCard(ids.merchantId, { balanceCents: 1000, status: "DISABLED" }), "disabled"],
      [await createGiftCard(ids.merchantId, { balanceCents: 1000, expiresAt: new Date(Date.now() - 1) }), "expired"],
      [await createGiftCard(ids.merchantId, { balanceCents: 1000, currency: "CHF" }), "otherCurrency"],
      [await createGiftCard(ids.merchantId, { balanceCents: 1000, lockedCustomerId: customer.id }), "lockedToOther"],
    ] as const;
    browser.storeId = ids.storeId;
    for (const [card, reason] of cases) expect(await apply(card.code)).toMatchObject({ ok: false, error: `GiftCards.redeem.refusals.${reason}` });
    const spent = await createGiftCard(ids.merchantId, { balanceCents: 1000 });
    await db.giftCard.update({ where: { id: spent.id }, data: { balanceCents: 0, status: "USED_UP" } });
    expect(await apply(spent.code)).toMatchObject({ ok: false, error: "GiftCards.redeem.refusals.empty" });
    expect(await cardsInCart(store)).toEqual([]);
  });

  it("does not know another merchant's card: the same generic text as for a made-up code", async () => {
    const mine = await shop();
    const other = await shop();
    const foreign = await createGiftCard(other.ids.merchantId, { balanceCents: 5000 });
    browser.storeId = mine.ids.storeId;

    expect(await apply(foreign.code)).toEqual({ ok: false, error: "GiftCards.redeem.errors.invalid", message: "This gift card code is not valid." });
    expect(await cardsInCart(mine.store)).toEqual([]);
    // Removing it by id from this store's cart changes nothing anywhere.
    expect(await seen(await removeGiftCardAction(IDLE, { giftCardId: foreign.id }))).toMatchObject({ ok: true });
  });

  it("limits guessing per cart: wrong codes count, an entered card gives its point back", async () => {
    const { ids } = await shop();
    const card = await createGiftCard(ids.merchantId, { balanceCents: 1000 });
    browser.storeId = ids.storeId;
    expect(await apply(card.code)).toMatchObject({ ok: true });
    for (let i = 0; i < PUBLIC_LIMITS.giftCardApply.cart.points; i++) {
      expect(await apply(unknownCode())).toMatchObject({ ok: false, error: "GiftCards.redeem.errors.invalid" });
    }
    const refused = await applyGiftCardAction(IDLE, codeForm(unknownCode()));
    expect(refused).toMatchObject({ status: "error", error: { key: "GiftCards.redeem.errors.rateLimited" } });
    expect(refused.status === "error" && refused.error?.message).toMatch(/^Too many gift card codes tried\. Try again in 1[45] min\.$/);
  });

  it("limits guessing per IP across carts", async () => {
    const { ids } = await shop();
    browser.storeId = ids.storeId;
    const perCart = PUBLIC_LIMITS.giftCardApply.cart.points;
    let tried = 0;
    // New carts (a cleared cookie jar) do not reset the IP's count.
    while (tried < PUBLIC_LIMITS.giftCardApply.ip.points) {
      browser.jar.clear();
      for (let i = 0; i < perCart && tried < PUBLIC_LIMITS.giftCardApply.ip.points; i++, tried++) await apply(unknownCode());
    }
    browser.jar.clear();
    expect(await apply(unknownCode())).toMatchObject({ ok: false, error: "GiftCards.redeem.errors.rateLimited" });
  });

  it("allows at most five cards per cart", async () => {
    const { ids } = await shop();
    browser.storeId = ids.storeId;
    for (let i = 0; i < 5; i++) expect(await apply((await createGiftCard(ids.merchantId, { balanceCents: 100 })).code)).toMatchObject({ ok: true });
    const sixth = await createGiftCard(ids.merchantId, { balanceCents: 100 });
    expect(await apply(sixth.code)).toMatchObject({ ok: false, error: "GiftCards.redeem.errors.tooManyGiftCards" });
  });
});
