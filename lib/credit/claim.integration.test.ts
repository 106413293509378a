import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { closeRateLimitPool, PUBLIC_LIMITS } from "@/lib/auth/rate-limit";
import type { CustomerSession } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { formatGiftCardCode } from "@/lib/gift-cards/code";
import type { Storefront } from "@/lib/tenancy/loaders";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { TestRedirect } from "@/tests/doubles/next-navigation";
import { createCustomerRow } from "@/tests/integration/cart-fixtures";
import { createTenant } from "@/tests/integration/fixtures";
import { createGiftCard, giftCardState } from "@/tests/integration/gift-card-fixtures";
import { creditAccountOf, creditState, giveCredit } from "@/tests/integration/store-credit-fixtures";

// A storefront request: the proxy's headers for the store's subdomain, and who is signed in.
const browser = vi.hoisted(() => ({ storeId: "", customer: null as CustomerSession | null, ip: "203.0.113.9" }));

vi.mock("next/headers", () => ({
  headers: async () => {
    const [{ db }, { proxiedHeaders }] = await Promise.all([import("@/lib/db"), import("@/tests/doubles/proxy")]);
    const { slug } = await db.store.findUniqueOrThrow({ where: { id: browser.storeId }, select: { slug: true } });
    return proxiedHeaders(`${slug}.localhost:3000`, { "x-forwarded-for": browser.ip });
  },
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));
vi.mock("@/lib/auth/loaders", () => ({ loadCustomerSession: async () => browser.customer }));
vi.mock("next/navigation", async () => (await import("@/tests/doubles/next-navigation")).navigationMock);
vi.mock("next-intl/server", () => import("@/tests/integration/next-intl-server-stub"));

const { claimGiftCardAction } = await import("./actions");
const { loadCustomerCredit } = await import("./loaders");

afterAll(closeRateLimitPool);

beforeEach(() => {
  browser.customer = null;
  browser.ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
});

function seen<D>(state: FormState<D>): { ok: boolean; error?: string; message?: string } {
  if (state.status === "ok") return { ok: true, ...state.data };
  const refusal = state.status === "error" ? (state.error ?? Object.values(state.fieldErrors ?? {})[0]) : undefined;
  return { ok: false, error: refusal?.key };
}
const claim = async (code: string) => seen(await claimGiftCardAction(IDLE, { giftCardCode: code }));

/** A store whose merchant allows moving cards into credit (unless told), with a signed-in customer. */
async function shop(options: { toCredit?: boolean } = {}) {
  const tenant = await createTenant();
  await db.merchant.update({ where: { id: tenant.merchant.id }, data: { giftCardsToCredit: options.toCredit ?? true } });
  const customer = await createCustomerRow(tenant, `claire-${tenant.tag}@example.test`);
  const session: CustomerSession = { customerId: customer.id, userId: `user-${tenant.tag}`, merchantId: tenant.merchant.id as MerchantId, email: customer.email, name: "Claire" };
  const merchantId = tenant.merchant.id as MerchantId;
  return { tenant, merchantId, storeId: tenant.store.id as StoreId, customerId: customer.id, session };
}

function signIn(s: Awaited<ReturnType<typeof shop>>) {
  browser.storeId = s.storeId;
  browser.customer = s.session;
}

const accountOf = (s: Awaited<ReturnType<typeof shop>>, currency = "EUR") =>
  db.storeCreditAccount.findUnique({ where: { merchantId_customerId_currency: { merchantId: s.merchantId, customerId: s.customerId, currency } }, select: { id: true } });

describe("moving a gift card into store credit", () => {
  it("moves the whole balance once, with the card's expiry, in the card's currency", async () => {
    const s = await shop();
    const expiresAt = new Date(Date.now() + 90 * 24 * 3600 * 1000);
    const card = await createGiftCard(s.merchantId, { balanceCents: 4200, expiresAt });
    signIn(s);

    expect(await claim(formatGiftCardCode(card.code).toLowerCase())).toMatchObject({ ok: true });
    const account = await accountOf(s);
    expect(await creditState(account!.id)).toEqual({ balanceCents: 4200, ledgerSumCents: 4200, lotsRemainingCents: 4200 });
    const credit = await db.storeCreditLedger.findFirstOrThrow({ where: { accountId: account!.id }, select: { kind: true, origin: true, giftCardId: true, expiresAt: true, idempotencyKey: true, storeId: true } });
    expect(credit).toEqual({ kind: "CREDIT", origin: "GIFT_CARD", giftCardId: card.id, expiresAt, idempotencyKey: `gift-card:${card.id}`, storeId: s.storeId });
    const cardNow = await giftCardState(card.id);
    expect(cardNow).toMatchObject({ balanceCents: 0, status: "USED_UP", ledgerSumCents: 0 });
    const redeem = await db.giftCardLedger.findFirstOrThrow({ where: { cardId: card.id, kind: "REDEEM" }, select: { amountCents: true, reason: true, idempotencyKey: true } });
    expect(redeem).toEqual({ amountCents: -4200, reason: "storeCredit", idempotencyKey: `claim:${card.id}` });

    // Again: the card is empty now.
    expect(await claim(card.code)).toEqual({ ok: false, error: "StoreCredit.claim.errors.empty" });
    expect((await creditState(account!.id)).balanceCents).toBe(4200);
  });

  it("moves the money once when the same card is claimed twice at the same time", async () => {
    const s = await shop();
    const card = await createGiftCard(s.merchantId, { balanceCents: 3000 });
    signIn(s);
    const results = await Promise.all([claim(card.code), claim(card.code), claim(card.code)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => r.error)).toEqual(["StoreCredit.claim.errors.empty", "StoreCredit.claim.errors.empty"]);
    const account = await accountOf(s);
    expect(await creditState(account!.id)).toEqual({ balanceCents: 3000, ledgerSumCents: 3000, lotsRemainingCents: 3000 });
    expect(await giftCardState(card.id)).toMatchObject({ balanceCents: 0, ledgerSumCents: 0 });
  });

  it("credits a card in another currency to the account of that currency", async () => {
    const s = await shop();
    const card = await createGiftCard(s.merchantId, { balanceCents: 1500, currency: "CHF" });
    signIn(s);
    expect(await claim(card.code)).toMatchObject({ ok: true });
    expect(await accountOf(s, "EUR")).toBeNull();
    expect((await creditState((await accountOf(s, "CHF"))!.id)).balanceCents).toBe(1500);
  });

  it("says why a card cannot be moved, and moves nothing", async () => {
    const s = await shop();
    const someoneElse = await createCustomerRow(s.tenant, `other-${s.tenant.tag}@example.test`);
    const spent = await createGiftCard(s.merchantId, { balanceCents: 1000 });
    await db.giftCard.update({ where: { id: spent.id }, data: { balanceCents: 0, status: "USED_UP" } });
    const cases = [
      [await createGiftCard(s.merchantId, { balanceCents: 1000, status: "DISABLED" }), "disabled"],
      [await createGiftCard(s.merchantId, { balanceCents: 1000, expiresAt: new Date(Date.now() - 1000) }), "expired"],
      [await createGiftCard(s.merchantId, { balanceCents: 1000, lockedCustomerId: someoneElse.id }), "lockedToOther"],
      [spent, "empty"],
    ] as const;
    signIn(s);
    for (const [card, reason] of cases) expect(await claim(card.code)).toEqual({ ok: false, error: `StoreCredit.claim.errors.${reason}` });
    expect(await claim("NOT-A-CODE")).toEqual({ ok: false, error: "StoreCredit.claim.errors.invalid" });
    expect(await claim("")).toEqual({ ok: false, error: "StoreCredit.claim.errors.required" });
    const typo = cases[0][0].code.slice(0, 3) + (cases[0][0].code[3] === "A" ? "B" : "A") + cases[0][0].code.slice(4);
    expect(await claim(typo)).toEqual({ ok: false, error: "StoreCredit.claim.errors.typo" });
    expect(await accountOf(s)).toBeNull();
    for (const [card] of cases.slice(0, 3)) expect((await giftCardState(card.id)).balanceCents).toBe(1000);
  });

  it("moves a card locked to this customer", async () => {
    const s = await shop();
    const card = await createGiftCard(s.merchantId, { balanceCents: 800, lockedCustomerId: s.customerId });
    signIn(s);
    expect(await claim(card.code)).toMatchObject({ ok: true });
  });

  it("does not know another merchant's card: the same answer as a made-up code, and the card keeps its money", async () => {
    const mine = await shop();
    const theirs = await shop();
    const foreign = await createGiftCard(theirs.merchantId, { balanceCents: 5000 });
    signIn(mine);
    expect(await claim(foreign.code)).toEqual({ ok: false, error: "StoreCredit.claim.errors.invalid" });
    expect(await giftCardState(foreign.id)).toMatchObject({ balanceCents: 5000, status: "ACTIVE" });
    expect(await accountOf(mine)).toBeNull();
  });

  it("refuses visitors who are not signed in, and merchants that do not allow it", async () => {
    const off = await shop({ toCredit: false });
    const card = await createGiftCard(off.merchantId, { balanceCents: 1000 });
    browser.storeId = off.storeId;
    expect(await claim(card.code)).toEqual({ ok: false, error: "StoreCredit.claim.errors.signIn" });
    signIn(off);
    expect(await claim(card.code)).toEqual({ ok: false, error: "StoreCredit.claim.errors.featureOff" });
    expect((await giftCardState(card.id)).balanceCents).toBe(1000);
    expect(await accountOf(off)).toBeNull();
  });

  it("limits guessing per customer: wrong codes count, a moved card gives its point back", async () => {
    const s = await shop();
    const card = await createGiftCard(s.merchantId, { balanceCents: 1000 });
    signIn(s);
    for (let i = 0; i < PUBLIC_LIMITS.giftCardClaim.email.points - 1; i++) await claim("NOT-A-CODE");
    expect(await claim(card.code)).toMatchObject({ ok: true });
    expect(await claim("NOT-A-CODE")).toEqual({ ok: false, error: "StoreCredit.claim.errors.invalid" });
    expect(await claim("NOT-A-CODE")).toEqual({ ok: false, error: "StoreCredit.claim.errors.rateLimited" });
  });
});

describe("the customer's store-credit page", () => {
  const storefront = (s: Awaited<ReturnType<typeof shop>>) => ({ id: s.storeId, merchantId: s.merchantId, defaultLocale: "en" }) as unknown as Storefront;

  it("shows this merchant's credit only: what can be spent now, the next expiry and the history", async () => {
    const s = await shop();
    const elsewhere = await shop();
    const now = Date.now();
    const soon = new Date(now + 3 * 24 * 3600 * 1000);
    const account = await creditAccountOf(s.merchantId, s.customerId);
    await giveCredit(s.merchantId, account, 300, { at: new Date(now - 5000), expiresAt: new Date(now - 1000) });
    await giveCredit(s.merchantId, account, 700, { at: new Date(now - 4000), expiresAt: soon });
    await giveCredit(s.merchantId, account, 200, { at: new Date(now - 3000), expiresAt: soon });
    await giveCredit(s.merchantId, account, 1000, { at: new Date(now - 2000) });
    // The same person's credit at another merchant never shows here.
    const theirs = await creditAccountOf(elsewhere.merchantId, elsewhere.customerId);
    await giveCredit(elsewhere.merchantId, theirs, 9999);
    signIn(s);

    const view = await loadCustomerCredit(storefront(s), "en");
    expect(view.balances).toEqual([{ accountId: account, currency: "EUR", availableCents: 1900, nextExpiry: { amountCents: 900, expiresAt: soon } }]);
    expect(view.history.map((r) => [r.kind, r.amountCents])).toEqual([
      ["CREDIT", 1000],
      ["CREDIT", 200],
      ["CREDIT", 700],
      ["CREDIT", 300],
    ]);
    expect(view.claimEnabled).toBe(true);
  });

  it("is empty for a customer without credit, and sends visitors to sign in", async () => {
    const s = await shop({ toCredit: false });
    signIn(s);
    expect(await loadCustomerCredit(storefront(s), "en")).toMatchObject({ balances: [], history: [], claimEnabled: false });
    browser.customer = null;
    await expect(loadCustomerCredit(storefront(s), "en")).rejects.toBeInstanceOf(TestRedirect);
  });
});
