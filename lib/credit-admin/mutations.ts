import "server-only";
import { randomUUID } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { findMerchantTimeZone } from "@/lib/auth/data";
import { creditAccount, debitAccount, ensureAccount } from "@/lib/credit/ledger";
import { db } from "@/lib/db";
import { expiryOfDay } from "@/lib/gift-card-admin/rules";
import { currencyDigits, parseMoney } from "@/lib/money";
import type { MerchantId } from "@/lib/tenancy/types";
import { todayKey } from "@/lib/time";
import type { AdjustDownInput, CreditFieldError, GoodwillInput } from "./schema";

/**
 * Writes of the merchant's store-credit area: goodwill credit and corrections downwards. Each
 * runs in one transaction with its audit event; balances change only through lib/credit/ledger.ts,
 * which puts the merchant in every WHERE.
 */

export interface CreditActor {
  merchantId: MerchantId;
  userId: string;
}

export type FieldRefusal = { ok: false; fieldErrors: Partial<Record<string, CreditFieldError>> };

/**
 * Gives a customer of the merchant goodwill credit (CREDIT, origin GOODWILL) in one of the
 * currencies of the merchant's stores, read in that currency's decimals, optionally spendable
 * until the end of `expiresOn` in the merchant's zone (not before today). The account is created
 * when the customer has none in that currency. Nothing is written on a refusal.
 */
export async function grantGoodwillCredit(
  actor: CreditActor,
  input: GoodwillInput,
  now: Date = new Date(),
): Promise<{ ok: true; accountId: string; ledgerId: string; amountCents: number; currency: string } | FieldRefusal> {
  const fieldErrors: Partial<Record<string, CreditFieldError>> = {};
  const [customer, sells, timeZone] = await Promise.all([
    db.customer.findFirst({ where: { merchantId: actor.merchantId, email: input.customerEmail }, select: { id: true } }),
    db.store.count({ where: { merchantId: actor.merchantId, currency: input.currency } }),
    findMerchantTimeZone(actor.merchantId),
  ]);
  if (!customer) fieldErrors.customerEmail = "notCustomer";
  if (sells === 0) fieldErrors.currency = "unknownCurrency";
  const amount = parseMoney(input.amount, currencyDigits(input.currency));
  if (!amount.ok || amount.cents <= 0) fieldErrors.amount = "invalidAmount";
  if (input.expiresOn !== null && input.expiresOn < todayKey(timeZone, now)) fieldErrors.expiresOn = "dateInPast";
  if (!customer || !amount.ok || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  const expiresAt = input.expiresOn === null ? null : expiryOfDay(input.expiresOn, timeZone);
  const amountCents = amount.cents;
  return db.$transaction(async (tx) => {
    const accountId = await ensureAccount(tx, actor.merchantId, customer.id, input.currency);
    const credited = await creditAccount(
      tx,
      { merchantId: actor.merchantId, transactionId: randomUUID(), actorUserId: actor.userId, reason: input.reason, at: now },
      accountId,
      { kind: "CREDIT", origin: "GOODWILL", amountCents, expiresAt },
    );
    // The account was just found or made under this merchant: the ledger cannot miss it.
    if (!credited.ok) throw new Error(`Goodwill credit refused: ${credited.reason}`);
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: "storeCredit.goodwill",
      targetType: "StoreCreditAccount",
      targetId: accountId,
      data: { customerId: customer.id, amountCents, currency: input.currency, expiresAt: expiresAt?.toISOString() ?? null, reason: input.reason },
    });
    return { ok: true as const, accountId, ledgerId: credited.ledgerId, amountCents, currency: input.currency };
  });
}

export type AdjustResult = { ok: true; ledgerId: string; balanceAfterCents: number } | { ok: false; reason: "notFound" | "insufficient" } | FieldRefusal;

/**
 * Takes `amount` (in the account's currency) off an account of the merchant: an ADJUST
 * downwards, soonest-expiring lots first, never below zero ("insufficient": nothing written).
 */
export async function adjustCreditDown(actor: CreditActor, input: AdjustDownInput, now: Date = new Date()): Promise<AdjustResult> {
  const account = await db.storeCreditAccount.findFirst({ where: { id: input.accountId, merchantId: actor.merchantId }, select: { id: true, currency: true } });
  if (!account) return { ok: false, reason: "notFound" };
  const amount = parseMoney(input.amount, currencyDigits(account.currency));
  if (!amount.ok || amount.cents <= 0) return { ok: false, fieldErrors: { amount: "invalidAmount" } };
  const amountCents = amount.cents;
  return db.$transaction(async (tx) => {
    const debited = await debitAccount(
      tx,
      { merchantId: actor.merchantId, transactionId: randomUUID(), actorUserId: actor.userId, reason: input.reason, at: now },
      account.id,
      "ADJUST",
      amountCents,
    );
    if (!debited.ok) return debited;
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: "storeCredit.adjust",
      targetType: "StoreCreditAccount",
      targetId: account.id,
      data: { amountCents: -amountCents, currency: account.currency, balanceAfterCents: debited.balanceAfterCents, reason: input.reason },
    });
    return { ok: true as const, ledgerId: debited.ledgerId, balanceAfterCents: debited.balanceAfterCents };
  });
}
