import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { IDLE } from "@/lib/actions/form-state";
import { closeRateLimitPool } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db";
import { saveGiftCardsToCreditAction } from "@/lib/gift-card-admin/actions";
import { actAs, auditActions, customerOf, form, memberOf, outcome, type Tenant } from "@/tests/integration/actors";
import { createCustomerRow } from "@/tests/integration/cart-fixtures";
import { createTenant } from "@/tests/integration/fixtures";
import { creditAccountOf, creditState, giveCredit } from "@/tests/integration/store-credit-fixtures";
import { adjustCreditDownAction, grantGoodwillCreditAction } from "./actions";
import { loadCreditAccount, loadCreditList } from "./loaders";

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
const DAY = 24 * 60 * 60 * 1000;

let tenant: Tenant;
let other: Tenant;
let manager: { id: string; email: string };
let customerId: string;
const email = () => `paula-${tenant.tag}@example.test`;

beforeAll(async () => {
  tenant = await createTenant();
  other = await createTenant();
  manager = await memberOf(tenant, "MANAGER");
  customerId = (await createCustomerRow(tenant, email())).id;
  // A second store in another currency: goodwill may be given in both.
  await db.store.create({ data: { merchantId: tenant.merchant.id, slug: `chf-${tenant.tag}`, name: "Zürich", currency: "CHF", defaultLocale: "en", locales: ["en"] } });
  // The same email is a customer of the other merchant too: never touched here.
  await createCustomerRow(other, email());
});

const goodwill = (fields: Record<string, string> = {}) =>
  grantGoodwillCreditAction(tenant.merchant.id, IDLE, form({ customerEmail: email(), currency: "EUR", amount: "12.50", reason: "Late delivery", expiresOn: "", ...fields }));

describe("goodwill credit", () => {
  it("credits an existing customer of the merchant, audited with the manager and the reason", async () => {
    await actAs(manager.email);
    const before = (await auditActions(tenant.merchant.id)).length;
    const result = await goodwill({ customerEmail: `  ${email().toUpperCase()} ` });
    expect(result).toMatchObject({ status: "ok", data: { message: "done" } });
    const account = await db.storeCreditAccount.findUniqueOrThrow({ where: { merchantId_customerId_currency: { merchantId: tenant.merchant.id, customerId, currency: "EUR" } }, select: { id: true } });
    const rows = await db.storeCreditLedger.findMany({ where: { accountId: account.id }, select: { kind: true, origin: true, amountCents: true, actorUserId: true, reason: true, expiresAt: true } });
    expect(rows).toEqual([{ kind: "CREDIT", origin: "GOODWILL", amountCents: 1250, actorUserId: manager.id, reason: "Late delivery", expiresAt: null }]);
    const audit = await auditActions(tenant.merchant.id);
    expect(audit.slice(before)).toEqual([{ action: "storeCredit.goodwill", actorUserId: manager.id, targetId: account.id }]);
    const state = await creditState(account.id);
    expect(state).toEqual({ balanceCents: 1250, ledgerSumCents: 1250, lotsRemainingCents: 1250 });
  });

  it("gives credit with a last day and in the currency of another store", async () => {
    await actAs(manager.email);
    const day = new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10);
    expect(await goodwill({ currency: "CHF", amount: "5", expiresOn: day })).toMatchObject({ status: "ok" });
    const account = await db.storeCreditAccount.findUniqueOrThrow({ where: { merchantId_customerId_currency: { merchantId: tenant.merchant.id, customerId, currency: "CHF" } }, select: { id: true, balanceCents: true } });
    expect(account.balanceCents).toBe(500);
    const lot = await db.storeCreditLot.findFirstOrThrow({ where: { accountId: account.id }, select: { expiresAt: true } });
    // The end of that day in the merchant's zone: after it has started in UTC-12 and before it ends in UTC+14.
    expect(lot.expiresAt!.getTime()).toBeGreaterThan(Date.parse(`${day}T00:00:00Z`));
    expect(lot.expiresAt!.getTime()).toBeLessThanOrEqual(Date.parse(`${day}T00:00:00Z`) + 2 * DAY);
  });

  it.each([
    ["an email that is no customer of the merchant", { customerEmail: `nobody-${randomUUID().slice(0, 6)}@example.test` }, "customerEmail", "notCustomer"],
    ["an invalid email", { customerEmail: "not-an-email" }, "customerEmail", "invalidEmail"],
    ["a negative amount", { amount: "-5" }, "amount", "invalidAmount"],
    ["a zero amount", { amount: "0" }, "amount", "invalidAmount"],
    ["too many decimals for the currency", { amount: "1.005" }, "amount", "invalidAmount"],
    ["decimals no currency has", { amount: "1.0005" }, "amount", "invalidAmount"],
    ["no reason", { reason: "  " }, "reason", "required"],
    ["a reason over 500 characters", { reason: "x".repeat(501) }, "reason", "tooLong"],
    ["a currency none of the stores sells in", { currency: "USD" }, "currency", "unknownCurrency"],
    ["a last day in the past", { expiresOn: "2020-01-31" }, "expiresOn", "dateInPast"],
    ["a day that does not exist", { expiresOn: "2031-02-30" }, "expiresOn", "invalidDate"],
  ])("refuses %s and writes nothing", async (_, fields, field, code) => {
    await actAs(manager.email);
    const ledger = await db.storeCreditLedger.count({ where: { merchantId: tenant.merchant.id } });
    const audits = (await auditActions(tenant.merchant.id)).length;
    const result = await goodwill(fields);
    expect(result).toMatchObject({ status: "error", fieldErrors: { [field]: refusal(`StoreCreditAdmin.errors.${code}`) } });
    expect(await db.storeCreditLedger.count({ where: { merchantId: tenant.merchant.id } })).toBe(ledger);
    expect(await auditActions(tenant.merchant.id)).toHaveLength(audits);
  });

  it("is refused to staff and unknown to another merchant's owner", async () => {
    const staff = await memberOf(tenant, "STAFF");
    await actAs(staff.email);
    expect(await outcome(goodwill())).toBe("forbidden");
    const otherManager = await memberOf(other, "MANAGER");
    await actAs(otherManager.email);
    expect(await outcome(goodwill())).toBe("notFound");
    expect(await db.storeCreditLedger.count({ where: { merchantId: other.merchant.id } })).toBe(0);
  });
});

describe("correcting a balance downwards", () => {
  let accountId: string;
  beforeAll(async () => {
    const customer = await createCustomerRow(tenant, `adjust-${tenant.tag}@example.test`);
    accountId = await creditAccountOf(tenant.merchant.id, customer.id);
    await giveCredit(tenant.merchant.id, accountId, 1000, { expiresAt: new Date(Date.now() + 60 * DAY) });
    await giveCredit(tenant.merchant.id, accountId, 500, { expiresAt: new Date(Date.now() + 5 * DAY) });
  });
  const adjust = (merchantId: string, fields: Record<string, string>) => adjustCreditDownAction(merchantId, IDLE, form({ accountId, reason: "Counted twice", ...fields }));

  it("takes the amount from the soonest-expiring money, audited", async () => {
    await actAs(manager.email);
    expect(await adjust(tenant.merchant.id, { amount: "6" })).toMatchObject({ status: "ok" });
    expect(await creditState(accountId)).toEqual({ balanceCents: 900, ledgerSumCents: 900, lotsRemainingCents: 900 });
    const lots = await db.storeCreditLot.findMany({ where: { accountId }, orderBy: { expiresAt: "asc" }, select: { remainingCents: true } });
    expect(lots.map((l) => l.remainingCents)).toEqual([0, 900]);
    const row = await db.storeCreditLedger.findFirstOrThrow({ where: { accountId, kind: "ADJUST" }, select: { amountCents: true, actorUserId: true, reason: true } });
    expect(row).toEqual({ amountCents: -600, actorUserId: manager.id, reason: "Counted twice" });
    expect((await auditActions(tenant.merchant.id)).filter((a) => a.targetId === accountId)).toEqual([{ action: "storeCredit.adjust", actorUserId: manager.id, targetId: accountId }]);
  });

  it("refuses more than the balance, bad amounts and a missing reason, writing nothing", async () => {
    await actAs(manager.email);
    const rows = await db.storeCreditLedger.count({ where: { accountId } });
    expect(await adjust(tenant.merchant.id, { amount: "9.01" })).toMatchObject({ status: "error", error: refusal("StoreCreditAdmin.errors.insufficient") });
    expect(await adjust(tenant.merchant.id, { amount: "0" })).toMatchObject({ status: "error", fieldErrors: { amount: refusal("StoreCreditAdmin.errors.invalidAmount") } });
    expect(await adjust(tenant.merchant.id, { amount: "-1" })).toMatchObject({ status: "error", fieldErrors: { amount: refusal("StoreCreditAdmin.errors.invalidAmount") } });
    expect(await adjust(tenant.merchant.id, { amount: "1.234" })).toMatchObject({ status: "error", fieldErrors: { amount: refusal("StoreCreditAdmin.errors.invalidAmount") } });
    expect(await adjust(tenant.merchant.id, { amount: "1", reason: "" })).toMatchObject({ status: "error", fieldErrors: { reason: refusal("StoreCreditAdmin.errors.required") } });
    expect(await db.storeCreditLedger.count({ where: { accountId } })).toBe(rows);
    expect((await creditState(accountId)).balanceCents).toBe(900);
  });

  it("does not find an account of another merchant, through its own merchant id", async () => {
    const otherManager = await memberOf(other, "MANAGER");
    await actAs(otherManager.email);
    expect(await adjust(other.merchant.id, { amount: "1" })).toMatchObject({ status: "error", error: refusal("StoreCreditAdmin.errors.notFound") });
    expect(await outcome(loadCreditAccount(other.merchant.id, accountId))).toBe("notFound");
    expect(await outcome(loadCreditAccount(tenant.merchant.id, accountId))).toBe("notFound");
    expect(await outcome(adjust(tenant.merchant.id, { amount: "1" }))).toBe("notFound");
    expect((await creditState(accountId)).balanceCents).toBe(900);
  });
});

describe("the store-credit pages", () => {
  it("list the merchant's accounts with the totals per currency, filtered by email, and nothing of another merchant", async () => {
    const mine = await createTenant();
    const theirs = await createTenant();
    const owner = await memberOf(mine, "OWNER");
    const a = await createCustomerRow(mine, `anna-${mine.tag}@example.test`);
    const b = await createCustomerRow(mine, `ben-${mine.tag}@example.test`);
    const c = await createCustomerRow(theirs, `anna-${mine.tag}@example.test`);
    await giveCredit(mine.merchant.id, await creditAccountOf(mine.merchant.id, a.id), 700);
    await giveCredit(mine.merchant.id, await creditAccountOf(mine.merchant.id, b.id), 300);
    await giveCredit(theirs.merchant.id, await creditAccountOf(theirs.merchant.id, c.id), 9900);
    await actAs(owner.email);

    const all = await loadCreditList(mine.merchant.id, {});
    expect(all.accounts.map((r) => [r.email, r.balanceCents])).toEqual([
      [`anna-${mine.tag}@example.test`, 700],
      [`ben-${mine.tag}@example.test`, 300],
    ]);
    expect(all.totals).toEqual([{ currency: "EUR", balanceCents: 1000, accounts: 2 }]);
    expect((await loadCreditList(mine.merchant.id, { q: "BEN-" })).accounts.map((r) => r.email)).toEqual([`ben-${mine.tag}@example.test`]);
    expect((await loadCreditList(mine.merchant.id, { q: "%" })).accounts).toEqual([]);

    const detail = await loadCreditAccount(mine.merchant.id, all.accounts[0]!.id);
    expect(detail.account.ledger.map((r) => [r.kind, r.origin, r.amountCents])).toEqual([["CREDIT", "GOODWILL", 700]]);

    // A member of another merchant: 404 for the list and for an account, with nothing shown.
    const stranger = await memberOf(theirs, "OWNER");
    await actAs(stranger.email);
    expect(await outcome(loadCreditList(mine.merchant.id, {}))).toBe("notFound");
    expect(await outcome(loadCreditAccount(mine.merchant.id, all.accounts[0]!.id))).toBe("notFound");
    // Staff of the merchant: forbidden, as on the other manager pages.
    const staff = await memberOf(mine, "STAFF");
    await actAs(staff.email);
    expect(await outcome(loadCreditList(mine.merchant.id, {}))).toBe("forbidden");
    // A customer of the merchant: not a member, 404.
    const customer = await customerOf(mine);
    await actAs(customer.email);
    expect(await outcome(loadCreditList(mine.merchant.id, {}))).toBe("notFound");
  });
});

describe("the gift-card setting for moving cards into credit", () => {
  it("is saved by the owner, audited, and refused to managers", async () => {
    const shop = await createTenant();
    const owner = await memberOf(shop, "OWNER");
    const boss = await memberOf(shop, "MANAGER");
    const flag = async () => (await db.merchant.findUniqueOrThrow({ where: { id: shop.merchant.id }, select: { giftCardsToCredit: true } })).giftCardsToCredit;
    await actAs(boss.email);
    expect(await outcome(saveGiftCardsToCreditAction(shop.merchant.id, IDLE, form({ enabled: "on" })))).toBe("forbidden");
    expect(await flag()).toBe(false);
    await actAs(owner.email);
    expect(await saveGiftCardsToCreditAction(shop.merchant.id, IDLE, form({ enabled: "on" }))).toMatchObject({ status: "ok" });
    expect(await flag()).toBe(true);
    expect(await saveGiftCardsToCreditAction(shop.merchant.id, IDLE, form({}))).toMatchObject({ status: "ok" });
    expect(await flag()).toBe(false);
    const events = await db.auditEvent.findMany({ where: { merchantId: shop.merchant.id, action: "giftCard.toCredit" }, orderBy: { createdAt: "asc" }, select: { actorUserId: true, data: true } });
    expect(events).toEqual([
      { actorUserId: owner.id, data: { from: false, to: true } },
      { actorUserId: owner.id, data: { from: true, to: false } },
    ]);
  });
});
