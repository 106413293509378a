import "server-only";
import { randomUUID } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { db, type Tx } from "@/lib/db";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { creditCard, debitCard } from "./ledger";
import { visibleStatus, type GiftCardStatus } from "./rules";

/**
 * Changes of a card's balance made by people: a redemption at the counter, a manager's reversal
 * of one, a manager's adjustment. Each runs in one transaction with its ledger row (lib/gift-cards/
 * ledger.ts, under the card's row lock) and its audit event; a refusal writes nothing.
 */

/** A member of staff at a store of the merchant: produced by the terminal's gate only. */
export interface CounterActor {
  merchantId: MerchantId;
  storeId: StoreId;
  userId: string;
}

/**
 * Why the counter refuses: `overBalance` (params: the balance), `disabled`, `expired`, `empty`,
 * `otherCurrency` (the card is not in the store's currency), `notReversible` (not a counter
 * redemption: online ones follow their order), `alreadyReversed`, `belowZero` (an adjustment
 * would take the balance below 0; params: the balance). Translated under GiftCards.terminal.refusals.
 */
export type CounterRefusal = "overBalance" | "disabled" | "expired" | "empty" | "otherCurrency" | "notReversible" | "alreadyReversed" | "belowZero";

export type CounterResult =
  | { ok: true; ledgerId: string; amountCents: number; balanceAfterCents: number; currency: string }
  | { ok: false; reason: CounterRefusal; balanceCents: number; currency: string }
  | { ok: false; reason: "notFound" };

interface LockedCard {
  id: string;
  currency: string;
  balanceCents: number;
  status: GiftCardStatus;
  expiresAt: Date | null;
}

/** The card's row lock, within the merchant: what follows is checked and written under it. */
async function lockCard(tx: Tx, merchantId: MerchantId, cardId: string): Promise<LockedCard | null> {
  const [card] = await tx.$queryRaw<LockedCard[]>`
    SELECT id, currency, "balanceCents", status::text AS status, "expiresAt" FROM "GiftCard"
    WHERE id = ${cardId} AND "merchantId" = ${merchantId} FOR UPDATE`;
  return card ?? null;
}

/** A card in another currency than the store's cannot be used there (the amounts would not mean the same). */
async function storeCurrency(tx: Tx, actor: { merchantId: MerchantId; storeId: StoreId }): Promise<string | null> {
  const store = await tx.store.findFirst({ where: { id: actor.storeId, merchantId: actor.merchantId }, select: { currency: true } });
  return store?.currency ?? null;
}

function refusal(card: LockedCard, reason: CounterRefusal): CounterResult {
  return { ok: false, reason, balanceCents: card.balanceCents, currency: card.currency };
}

/**
 * Takes `amountCents` (> 0, at most the balance) off a card of the actor's merchant at the
 * actor's store: one REDEEM row with the staff member, the store and a new transaction id, and
 * an audit event. The card must be usable (active, not past its expiry) and in the store's
 * currency. Concurrent redemptions of one card wait for its row lock, so they never overdraw it.
 * Loyalty's cooldowns do not apply. `now` is for tests.
 */
export async function redeemAtCounter(actor: CounterActor, cardId: string, amountCents: number, now: Date = new Date()): Promise<CounterResult> {
  return db.$transaction(async (tx) => {
    const card = await lockCard(tx, actor.merchantId, cardId);
    if (!card) return { ok: false, reason: "notFound" } as const;
    if (card.currency !== (await storeCurrency(tx, actor))) return refusal(card, "otherCurrency");
    const status = visibleStatus(card, now);
    if (status === "DISABLED") return refusal(card, "disabled");
    if (status === "EXPIRED") return refusal(card, "expired");
    if (status === "USED_UP" || card.balanceCents <= 0) return refusal(card, "empty");
    if (amountCents > card.balanceCents) return refusal(card, "overBalance");
    const transactionId = randomUUID();
    const debit = await debitCard(tx, { merchantId: actor.merchantId, transactionId, storeId: actor.storeId, actorUserId: actor.userId, at: now }, card.id, "REDEEM", amountCents);
    // Under the lock the checks above hold; this is the ledger's own guard, never expected to refuse.
    if (!debit.ok) return refusal(card, debit.reason === "insufficient" ? "overBalance" : "disabled");
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: "giftCard.redeem",
      targetType: "GiftCard",
      targetId: card.id,
      data: { ledgerId: debit.ledgerId, amountCents, storeId: actor.storeId, transactionId },
    });
    return { ok: true, ledgerId: debit.ledgerId, amountCents, balanceAfterCents: debit.balanceAfterCents, currency: card.currency };
  });
}

/**
 * A manager gives back a counter redemption of the merchant's: an ADJUST credit of the same
 * amount pointing at the REDEEM row (reversesId), with the reason, at the actor's store. Each
 * redemption is reversed once (checked under the card's lock; the unique reversesId is the last
 * line). Redemptions of online orders are not reversed here: they are released or refunded with
 * their order. The caller checks the role (MANAGER or above).
 */
export async function reverseCounterRedemption(actor: CounterActor, ledgerId: string, reason: string): Promise<CounterResult> {
  return db.$transaction(async (tx) => {
    const entry = await tx.giftCardLedger.findFirst({
      where: { id: ledgerId, merchantId: actor.merchantId },
      select: { id: true, cardId: true, kind: true, amountCents: true, orderId: true },
    });
    if (!entry) return { ok: false, reason: "notFound" } as const;
    const card = await lockCard(tx, actor.merchantId, entry.cardId);
    if (!card) return { ok: false, reason: "notFound" } as const;
    if (card.currency !== (await storeCurrency(tx, actor))) return refusal(card, "otherCurrency");
    if (entry.kind !== "REDEEM" || entry.orderId !== null) return refusal(card, "notReversible");
    const already = await tx.giftCardLedger.findFirst({ where: { reversesId: entry.id, merchantId: actor.merchantId }, select: { id: true } });
    if (already) return refusal(card, "alreadyReversed");
    const amountCents = -entry.amountCents;
    const transactionId = randomUUID();
    const credit = await creditCard(
      tx,
      { merchantId: actor.merchantId, transactionId, storeId: actor.storeId, actorUserId: actor.userId, reason, reversesId: entry.id },
      card.id,
      "ADJUST",
      amountCents,
    );
    if (!credit) return { ok: false, reason: "notFound" } as const;
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: "giftCard.reverse",
      targetType: "GiftCardLedger",
      targetId: entry.id,
      data: { cardId: card.id, reversalId: credit.ledgerId, amountCents, reason, transactionId },
    });
    return { ok: true, ledgerId: credit.ledgerId, amountCents, balanceAfterCents: credit.balanceAfterCents, currency: card.currency };
  });
}

/**
 * A manager's correction of a card of the merchant by a signed amount (never an absolute
 * balance): an ADJUST row with the reason and an audit event. Taking more than the balance is
 * refused (`belowZero`) and nothing is written. With a store (the terminal), the card must be in
 * its currency; without one (the merchant area), any card of the merchant. The caller checks the
 * role (MANAGER or above).
 */
export async function adjustBalance(
  actor: { merchantId: MerchantId; userId: string; storeId?: StoreId | null },
  cardId: string,
  deltaCents: number,
  reason: string,
): Promise<CounterResult> {
  if (!Number.isSafeInteger(deltaCents) || deltaCents === 0) throw new RangeError(`Invalid gift-card adjustment ${deltaCents}`);
  return db.$transaction(async (tx) => {
    const card = await lockCard(tx, actor.merchantId, cardId);
    if (!card) return { ok: false, reason: "notFound" } as const;
    const storeId = actor.storeId ?? null;
    if (storeId && card.currency !== (await storeCurrency(tx, { merchantId: actor.merchantId, storeId }))) return refusal(card, "otherCurrency");
    if (card.balanceCents + deltaCents < 0) return refusal(card, "belowZero");
    const movement = { merchantId: actor.merchantId, transactionId: randomUUID(), storeId, actorUserId: actor.userId, reason };
    let written: { ledgerId: string; balanceAfterCents: number } | null;
    if (deltaCents > 0) written = await creditCard(tx, movement, card.id, "ADJUST", deltaCents);
    else {
      const debit = await debitCard(tx, movement, card.id, "ADJUST", -deltaCents);
      // Under the lock the check above holds; this is the ledger's own guard.
      if (!debit.ok) return refusal(card, "belowZero");
      written = debit;
    }
    if (!written) return { ok: false, reason: "notFound" } as const;
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: "giftCard.adjust",
      targetType: "GiftCard",
      targetId: card.id,
      data: { ledgerId: written.ledgerId, deltaCents, reason, storeId, transactionId: movement.transactionId },
    });
    return { ok: true, ledgerId: written.ledgerId, amountCents: deltaCents, balanceAfterCents: written.balanceAfterCents, currency: card.currency };
  });
}
