import "server-only";
import { randomUUID } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { findMerchantTimeZone } from "@/lib/auth/data";
import { db, Prisma, type Tx } from "@/lib/db";
import { enqueueManualCardDelivery } from "@/lib/gift-cards/issue";
import { issueCard } from "@/lib/gift-cards/ledger";
import { expiryAfterMonths, type GiftCardStatus } from "@/lib/gift-cards/rules";
import { currencyDigits, parseMoney } from "@/lib/money";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { todayKey } from "@/lib/time";
import { canDisable, enableRefusal, expiryOfDay, extendRefusal, statusWhenEnabled, type EnableRefusal } from "./rules";
import type { GiftCardFieldError, IssueCardInput, PromotionInput } from "./schema";

/**
 * Writes of the merchant's gift-card area: issuing a card by hand, disabling, enabling and
 * extending one, the merchant's settings. Each runs in one transaction with its audit event;
 * every WHERE has the merchant. Balances change only through lib/gift-cards/ledger.ts.
 */

export interface GiftCardActor {
  merchantId: MerchantId;
  userId: string;
}

export type FieldRefusal = { ok: false; fieldErrors: Partial<Record<string, GiftCardFieldError>> };

export interface IssuedByHand {
  id: string;
  /** The compact code, shown once and never stored. */
  code: string;
  last4: string;
  amountCents: number;
  currency: string;
  expiresAt: Date | null;
}

/**
 * Issues a MANUAL card in one of the member's stores (`storeIds`: the member's scope, null for
 * every store), in that store's currency, with its ISSUE row and an audit event (never the code).
 * The amount is read in the store's currency; a lock needs a customer of this merchant; a chosen
 * last day must not be before today in the store's zone. Nothing is written on a refusal.
 */
export async function issueCardByHand(
  actor: GiftCardActor,
  storeIds: StoreId[] | null,
  input: IssueCardInput,
  now: Date = new Date(),
): Promise<{ ok: true; card: IssuedByHand } | FieldRefusal> {
  const store = await db.store.findFirst({
    where: { id: input.storeId, merchantId: actor.merchantId, ...(storeIds ? { AND: [{ id: { in: storeIds } }] } : {}) },
    select: { id: true, name: true, slug: true, locales: true, currency: true, timeZone: true, defaultLocale: true, merchant: { select: { giftCardExpiryMonths: true } } },
  });
  if (!store) return { ok: false, fieldErrors: { storeId: "unknownStore" } };
  const fieldErrors: Partial<Record<string, GiftCardFieldError>> = {};
  const amount = parseMoney(input.amount, currencyDigits(store.currency));
  if (!amount.ok || amount.cents <= 0) fieldErrors.amount = "invalidAmount";
  let expiresAt: Date | null = null;
  if (input.expiry.kind === "default") expiresAt = expiryAfterMonths(now, store.merchant.giftCardExpiryMonths, store.timeZone);
  if (input.expiry.kind === "day") {
    if (input.expiry.day < todayKey(store.timeZone, now)) fieldErrors.expiresOn = "dateInPast";
    expiresAt = expiryOfDay(input.expiry.day, store.timeZone);
  }
  let lockedCustomerId: string | null = null;
  if (input.customerEmail) {
    const customer = await db.customer.findFirst({ where: { merchantId: actor.merchantId, email: input.customerEmail }, select: { id: true } });
    if (!customer) fieldErrors.customerEmail = "notCustomer";
    lockedCustomerId = customer?.id ?? null;
  }
  if (Object.keys(fieldErrors).length > 0 || !amount.ok) return { ok: false, fieldErrors };
  const amountCents = amount.cents;
  return db.$transaction(async (tx) => {
    const issued = await issueCard(
      tx,
      { merchantId: actor.merchantId, transactionId: randomUUID(), storeId: store.id, actorUserId: actor.userId, reason: input.note, at: now },
      {
        currency: store.currency,
        amountCents,
        source: "MANUAL",
        expiresAt,
        deliveryLocale: store.defaultLocale,
        storeId: store.id,
        lockedCustomerId,
        issuedByUserId: actor.userId,
        note: input.note,
        recipientName: input.recipientName,
        recipientEmail: input.recipientEmail,
      },
    );
    // A manual card has no order line or bonus: issueCard never declines it.
    if (!issued) throw new Error("A manual gift card was not issued");
    // A named recipient gets the card by email at once, besides the code shown to the issuer.
    if (input.recipientEmail) {
      await enqueueManualCardDelivery(tx, actor.merchantId, store, { ...issued, currency: store.currency }, { email: input.recipientEmail, name: input.recipientName });
    }
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: "giftCard.issue",
      targetType: "GiftCard",
      targetId: issued.id,
      data: { last4: issued.last4, amountCents, currency: store.currency, storeId: store.id, expiresAt: expiresAt?.toISOString() ?? null, lockedCustomerId, note: input.note },
    });
    return { ok: true as const, card: { id: issued.id, code: issued.code, last4: issued.last4, amountCents, currency: store.currency, expiresAt } };
  });
}

interface LockedCard {
  id: string;
  status: GiftCardStatus;
  balanceCents: number;
  expiresAt: Date | null;
}

/** The card's row under its lock (the ledger functions take the same lock), or null. */
async function lockCard(tx: Tx, merchantId: MerchantId, cardId: string): Promise<LockedCard | null> {
  const [card] = await tx.$queryRaw<LockedCard[]>`
    SELECT id, status, "balanceCents", "expiresAt" FROM "GiftCard" WHERE id = ${cardId} AND "merchantId" = ${merchantId} FOR UPDATE`;
  return card ?? null;
}

export type StatusChange = { ok: true; status: GiftCardStatus } | { ok: false; reason: "notFound" | "notEnabled" | EnableRefusal };

/**
 * Disables a card (ACTIVE or USED_UP: it can pay no more, its money stays on it) or enables a
 * disabled one again (not once its date has passed: ACTIVE with money left, else USED_UP),
 * under the card's row lock, audited with the reason.
 */
export async function setCardDisabled(actor: GiftCardActor, cardId: string, disabled: boolean, reason: string, now: Date = new Date()): Promise<StatusChange> {
  return db.$transaction(async (tx) => {
    const card = await lockCard(tx, actor.merchantId, cardId);
    if (!card) return { ok: false, reason: "notFound" } as const;
    let status: GiftCardStatus;
    if (disabled) {
      if (!canDisable(card.status)) return { ok: false, reason: "notEnabled" } as const;
      status = "DISABLED";
    } else {
      const refusal = enableRefusal(card, now);
      if (refusal) return { ok: false, reason: refusal } as const;
      status = statusWhenEnabled(card.balanceCents);
    }
    await tx.giftCard.update({ where: { id_merchantId: { id: card.id, merchantId: actor.merchantId } }, data: { status, updatedAt: now }, select: { id: true } });
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: disabled ? "giftCard.disable" : "giftCard.enable",
      targetType: "GiftCard",
      targetId: card.id,
      data: { from: card.status, to: status, reason },
    });
    return { ok: true, status } as const;
  });
}

export type ExtendResult = { ok: true; expiresAt: Date | null } | { ok: false; reason: "notFound" | "expiredTaken" | "notLater" | "inPast" };

/**
 * Gives a card a later expiry: the end of `day` in the zone of the merchant's stores (the zone
 * the card page shows), or never (`day` null). An EXPIRED card, whose balance the expiry job has
 * taken, is not revived. Under the card's row lock, audited with the reason.
 */
export async function extendCardExpiry(actor: GiftCardActor, cardId: string, day: string | null, reason: string, now: Date = new Date()): Promise<ExtendResult> {
  const timeZone = await findMerchantTimeZone(actor.merchantId);
  const next = day === null ? null : expiryOfDay(day, timeZone);
  return db.$transaction(async (tx) => {
    const card = await lockCard(tx, actor.merchantId, cardId);
    if (!card) return { ok: false, reason: "notFound" } as const;
    const refusal = extendRefusal(card, next, now);
    if (refusal) return { ok: false, reason: refusal } as const;
    await tx.giftCard.update({ where: { id_merchantId: { id: card.id, merchantId: actor.merchantId } }, data: { expiresAt: next, updatedAt: now }, select: { id: true } });
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: "giftCard.extend",
      targetType: "GiftCard",
      targetId: card.id,
      data: { from: card.expiresAt?.toISOString() ?? null, to: next?.toISOString() ?? null, reason },
    });
    return { ok: true, expiresAt: next } as const;
  });
}

/** The merchant's default expiry of new cards, in months (null: never). Audited. */
export async function saveExpirySettings(actor: GiftCardActor, months: number | null): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.merchant.findUniqueOrThrow({ where: { id: actor.merchantId }, select: { giftCardExpiryMonths: true } });
    await tx.merchant.update({ where: { id: actor.merchantId }, data: { giftCardExpiryMonths: months, updatedAt: new Date() }, select: { id: true } });
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: "giftCard.settings",
      targetType: "Merchant",
      targetId: actor.merchantId,
      data: { from: before.giftCardExpiryMonths, to: months },
    });
  });
}

/** Whether customers may move a card's balance into their store credit. Audited. */
export async function saveGiftCardsToCredit(actor: GiftCardActor, enabled: boolean): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.merchant.findUniqueOrThrow({ where: { id: actor.merchantId }, select: { giftCardsToCredit: true } });
    await tx.merchant.update({ where: { id: actor.merchantId }, data: { giftCardsToCredit: enabled, updatedAt: new Date() }, select: { id: true } });
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: "giftCard.toCredit",
      targetType: "Merchant",
      targetId: actor.merchantId,
      data: { from: before.giftCardsToCredit, to: enabled },
    });
  });
}

/**
 * Creates or replaces the bonus promotion of one currency of the merchant's stores (another
 * currency: a field refusal, nothing written). Audited.
 */
export async function savePromotion(actor: GiftCardActor, input: PromotionInput): Promise<{ ok: true } | FieldRefusal> {
  const sells = await db.store.count({ where: { merchantId: actor.merchantId, currency: input.currency } });
  if (sells === 0) return { ok: false, fieldErrors: { currency: "unknownCurrency" } };
  await db.$transaction(async (tx) => {
    const data = {
      minPurchaseCents: input.minPurchaseCents,
      bonusCents: input.bonusCents,
      bonusValidDays: input.bonusValidDays,
      active: input.active,
      updatedAt: new Date(),
    };
    const promotion = await tx.giftCardPromotion.upsert({
      where: { merchantId_currency: { merchantId: actor.merchantId, currency: input.currency } },
      create: { merchantId: actor.merchantId, currency: input.currency, ...data },
      update: data,
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: "giftCard.promotion",
      targetType: "GiftCardPromotion",
      targetId: promotion.id,
      data: { ...input } satisfies Prisma.InputJsonValue,
    });
  });
  return { ok: true };
}
