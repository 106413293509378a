import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { MerchantId } from "@/lib/tenancy/types";
import { createCustomerRow } from "@/tests/integration/cart-fixtures";
import { createTenant } from "@/tests/integration/fixtures";
import { creditAccountOf, creditState, giveCredit } from "@/tests/integration/store-credit-fixtures";
import { expireDueCredit } from "./expiry";
import { creditAccount, debitAccount, releaseDebit } from "./ledger";

let merchantId: MerchantId;
let tag: string;
const touched: string[] = [];
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  const tenant = await createTenant();
  merchantId = tenant.merchant.id as MerchantId;
  tag = tenant.tag;
});

afterEach(async () => {
  // The invariant, after every test: the cached balance, the ledger and the lots agree.
  for (const accountId of touched.splice(0)) {
    const state = await creditState(accountId);
    expect(state.ledgerSumCents).toBe(state.balanceCents);
    expect(state.lotsRemainingCents).toBe(state.balanceCents);
    expect(state.balanceCents).toBeGreaterThanOrEqual(0);
  }
});

async function account(currency = "EUR") {
  const customer = await createCustomerRow({ merchant: { id: merchantId } }, `credit-${randomUUID().slice(0, 8)}-${tag}@example.test`);
  const id = await creditAccountOf(merchantId, customer.id, currency);
  touched.push(id);
  return id;
}

const movement = (at?: Date) => ({ merchantId, transactionId: randomUUID(), at });
const debit = (accountId: string, cents: number, at?: Date) => db.$transaction((tx) => debitAccount(tx, movement(at), accountId, "DEBIT", cents));
const lots = (accountId: string) =>
  db.storeCreditLot.findMany({ where: { accountId }, orderBy: { createdAt: "asc" }, select: { id: true, remainingCents: true, expiresAt: true } }).then((rows) => rows.map((r) => r.remainingCents));

describe("the store-credit ledger", () => {
  it("spends the lots that expire soonest first, and the lots that never expire last", async () => {
    const id = await account();
    const now = Date.now();
    await giveCredit(merchantId, id, 1000, { at: new Date(now - 3000) });
    await giveCredit(merchantId, id, 500, { at: new Date(now - 2000), expiresAt: new Date(now + 10 * DAY) });
    await giveCredit(merchantId, id, 300, { at: new Date(now - 1000), expiresAt: new Date(now + 2 * DAY) });

    const first = await debit(id, 600);
    expect(first).toMatchObject({ ok: true, balanceAfterCents: 1200 });
    expect(await lots(id)).toEqual([1000, 200, 0]);
    const second = await debit(id, 500);
    expect(second).toMatchObject({ ok: true, balanceAfterCents: 700 });
    expect(await lots(id)).toEqual([700, 0, 0]);
    expect(await debit(id, 701)).toEqual({ ok: false, reason: "insufficient" });
    expect(await lots(id)).toEqual([700, 0, 0]);
  });

  it("never overspends under 30 parallel debits: exactly as many succeed as the balance covers", async () => {
    const id = await account();
    await giveCredit(merchantId, id, 600, { expiresAt: new Date(Date.now() + DAY) });
    await giveCredit(merchantId, id, 400);
    const results = await Promise.all(Array.from({ length: 30 }, () => debit(id, 100)));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === "insufficient")).toBe(true);
    expect((await creditState(id)).balanceCents).toBe(0);
    expect(await db.storeCreditLedger.count({ where: { accountId: id, kind: "DEBIT" } })).toBe(10);
  });

  it("gives each lot back exactly what a released debit took from it, once", async () => {
    const id = await account();
    const now = Date.now();
    await giveCredit(merchantId, id, 300, { at: new Date(now - 2000), expiresAt: new Date(now + 5 * DAY) });
    await giveCredit(merchantId, id, 1000, { at: new Date(now - 1000) });
    const taken = await debit(id, 800);
    if (!taken.ok) throw new Error("debit refused");
    expect(await lots(id)).toEqual([0, 500]);

    const released = await db.$transaction((tx) => releaseDebit(tx, movement(), taken.ledgerId));
    expect(released).toMatchObject({ ok: true, balanceAfterCents: 1300 });
    expect(await lots(id)).toEqual([300, 1000]);
    expect(await db.$transaction((tx) => releaseDebit(tx, movement(), taken.ledgerId))).toBeNull();
    expect(await lots(id)).toEqual([300, 1000]);
    expect(await db.storeCreditLedger.count({ where: { accountId: id, kind: "RELEASE" } })).toBe(1);
  });

  it("does not release another merchant's debit", async () => {
    const id = await account();
    await giveCredit(merchantId, id, 500);
    const taken = await debit(id, 200);
    if (!taken.ok) throw new Error("debit refused");
    const other = (await createTenant()).merchant.id as MerchantId;
    expect(await db.$transaction((tx) => releaseDebit(tx, { merchantId: other, transactionId: randomUUID() }, taken.ledgerId))).toEqual({ ok: false, reason: "notFound" });
    expect(await db.$transaction((tx) => debitAccount(tx, { merchantId: other, transactionId: randomUUID() }, id, "DEBIT", 100))).toEqual({ ok: false, reason: "notFound" });
    const credit = { kind: "CREDIT" as const, origin: "GOODWILL" as const, amountCents: 100, expiresAt: null };
    expect(await db.$transaction((tx) => creditAccount(tx, { merchantId: other, transactionId: randomUUID() }, id, credit))).toEqual({ ok: false, reason: "notFound" });
    expect((await creditState(id)).balanceCents).toBe(300);
  });

  it("writes off expired lots at the next debit, before checking the balance", async () => {
    const id = await account();
    const now = Date.now();
    await giveCredit(merchantId, id, 700, { at: new Date(now - 3 * DAY), expiresAt: new Date(now - DAY) });
    await giveCredit(merchantId, id, 200, { at: new Date(now - 2 * DAY) });
    expect((await creditState(id)).balanceCents).toBe(900);

    // The expired lot is written off first, so what is left does not cover the debit.
    expect(await debit(id, 500)).toEqual({ ok: false, reason: "insufficient" });
    expect((await creditState(id)).balanceCents).toBe(200);
    expect(await debit(id, 150)).toMatchObject({ ok: true, balanceAfterCents: 50 });
    const rows = await db.storeCreditLedger.findMany({ where: { accountId: id }, orderBy: { createdAt: "asc" }, select: { kind: true, amountCents: true } });
    expect(rows).toEqual([
      { kind: "CREDIT", amountCents: 700 },
      { kind: "CREDIT", amountCents: 200 },
      { kind: "EXPIRE", amountCents: -700 },
      { kind: "DEBIT", amountCents: -150 },
    ]);
    expect(await lots(id)).toEqual([0, 50]);
  });

  it("sweeps expired lots once, however often the job runs", async () => {
    const id = await account();
    const keep = await account();
    const now = Date.now();
    await giveCredit(merchantId, id, 400, { at: new Date(now - 3 * DAY), expiresAt: new Date(now - DAY) });
    await giveCredit(merchantId, id, 250, { at: new Date(now - 2 * DAY), expiresAt: new Date(now + DAY) });
    await giveCredit(merchantId, keep, 900, { expiresAt: new Date(now + DAY) });

    const first = await expireDueCredit({ now: new Date(now), batchSize: 1 });
    expect(first.accounts).toBeGreaterThanOrEqual(1);
    const second = await expireDueCredit({ now: new Date(now) });
    expect(second).toEqual({ accounts: 0, cents: 0 });
    expect((await creditState(id)).balanceCents).toBe(250);
    expect((await creditState(keep)).balanceCents).toBe(900);
    expect(await db.storeCreditLedger.count({ where: { accountId: id, kind: "EXPIRE" } })).toBe(1);
    expect(await db.storeCreditLedger.count({ where: { accountId: keep, kind: "EXPIRE" } })).toBe(0);
  });
});
