import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { debitCard } from "@/lib/gift-cards/ledger";
import { redeemRefusal, type GiftCardStatus } from "@/lib/gift-cards/rules";
import type { MerchantId } from "@/lib/tenancy/types";
import { creditAccount, ensureAccount } from "./ledger";

export type ClaimRefusal = "featureOff" | "invalid" | "alreadyClaimed" | "disabled" | "expired" | "lockedToOther" | "empty";
export type ClaimResult = { ok: true; amountCents: number; currency: string; last4: string } | { ok: false; reason: ClaimRefusal };

interface LockedCard {
  id: string;
  last4: string;
  status: GiftCardStatus;
  balanceCents: number;
  currency: string;
  expiresAt: Date | null;
  lockedCustomerId: string | null;
}

async function lockCard(tx: Tx, merchantId: MerchantId, cardId: string): Promise<LockedCard | null> {
  const [card] = await tx.$queryRaw<LockedCard[]>`
    SELECT id, last4, status, "balanceCents", currency, "expiresAt", "lockedCustomerId" FROM "GiftCard"
    WHERE id = ${cardId} AND "merchantId" = ${merchantId} FOR NO KEY UPDATE`;
  return card ?? null;
}

/**
 * Moves the whole balance of the merchant's gift card `cardId` into the customer's store credit
 * in the card's currency, in one transaction: under the card's row lock the card must be usable
 * by this customer (redeemRefusal: active, not expired, not locked to another customer, not
 * empty), then its balance is REDEEMed (reason "storeCredit", key `claim:<cardId>`) and CREDITed
 * to the account (origin GIFT_CARD, the card's expiry, key `gift-card:<cardId>`). Two claims of one
 * card meet on the lock: the second finds it empty. Only while the merchant allows it; the
 * caller found the card by its code among the merchant's cards and resolved the signed-in customer.
 */
export async function claimGiftCard(
  merchantId: MerchantId,
  storeId: string,
  customerId: string,
  cardId: string,
  now: Date = new Date(),
): Promise<ClaimResult> {
  return db.$transaction(async (tx): Promise<ClaimResult> => {
    const merchant = await tx.merchant.findUnique({ where: { id: merchantId }, select: { giftCardsToCredit: true } });
    if (!merchant?.giftCardsToCredit) return { ok: false, reason: "featureOff" };
    const card = await lockCard(tx, merchantId, cardId);
    if (!card) return { ok: false, reason: "invalid" };
    const refused = redeemRefusal(card, { currency: card.currency, customerId, now });
    if (refused === "otherCurrency") throw new Error("A card is always in its own currency");
    if (refused) return { ok: false, reason: refused };
    const claimKey = `claim:${card.id}`;
    // A card moved once and given money again later (a refund onto it) stays on the card.
    if (await tx.giftCardLedger.findUnique({ where: { idempotencyKey: claimKey }, select: { id: true } })) return { ok: false, reason: "alreadyClaimed" };
    const transactionId = randomUUID();
    const debit = await debitCard(tx, { merchantId, transactionId, storeId, reason: "storeCredit", idempotencyKey: claimKey, at: now }, card.id, "REDEEM", card.balanceCents);
    if (!debit.ok) throw new Error(`Claiming gift card ${card.id} failed under its lock: ${debit.reason}`);
    const accountId = await ensureAccount(tx, merchantId, customerId, card.currency);
    const credit = await creditAccount(
      tx,
      { merchantId, transactionId, storeId, giftCardId: card.id, idempotencyKey: `gift-card:${card.id}`, at: now },
      accountId,
      { kind: "CREDIT", origin: "GIFT_CARD", amountCents: card.balanceCents, expiresAt: card.expiresAt },
    );
    if (!credit.ok) throw new Error(`Crediting the gift card ${card.id} failed: ${credit.reason}`);
    return { ok: true, amountCents: card.balanceCents, currency: card.currency, last4: card.last4 };
  });
}
