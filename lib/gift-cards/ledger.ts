import "server-only";
import { randomBytes } from "node:crypto";
import { Prisma, type Tx } from "@/lib/db";
import type { MerchantId } from "@/lib/tenancy/types";
import { codeLast4, generateGiftCardCode, hashGiftCardCode } from "./code";

/**
 * The gift-card ledger: every change of a card's balance is one GiftCardLedger row, written in
 * the same transaction as the balance on the card, by the one conditional UPDATE that also takes
 * the card's row lock. The database refuses a balance below zero (CHECK), and a debit's WHERE
 * refuses it first, so concurrent debits of one card wait for each other and never overdraw it.
 * Every function puts the merchant in its WHERE.
 */

export type DebitKind = "REDEEM" | "ADJUST" | "EXPIRE";
export type CreditKind = "ISSUE" | "RELEASE" | "REFUND" | "ADJUST";

/** Who and what a movement belongs to; every row carries the transaction id. */
export interface Movement {
  merchantId: MerchantId;
  transactionId: string;
  storeId?: string | null;
  orderId?: string | null;
  actorUserId?: string | null;
  reason?: string | null;
  /** ADJUST reversing a counter redemption: that REDEEM row (each is reversed at most once). */
  reversesId?: string | null;
  /** At most one row per key (a card emptied into store credit: "claim:<cardId>"). */
  idempotencyKey?: string | null;
  at?: Date;
}

export type DebitResult =
  | { ok: true; ledgerId: string; balanceAfterCents: number }
  /** `notUsable`: not ACTIVE or past its expiry; `insufficient`: the balance is below the amount. */
  | { ok: false; reason: "notFound" | "notUsable" | "insufficient" };

/**
 * Takes `amountCents` (> 0) from a card. REDEEM needs a usable card (ACTIVE, not past its
 * expiry); a manager's ADJUST and the expiry job's EXPIRE do not. A card whose balance reaches 0
 * becomes USED_UP (EXPIRE makes it EXPIRED).
 */
export async function debitCard(tx: Tx, movement: Movement, cardId: string, kind: DebitKind, amountCents: number): Promise<DebitResult> {
  assertAmount(amountCents);
  const at = movement.at ?? new Date();
  const usable = kind === "REDEEM" ? Prisma.sql`AND status = 'ACTIVE' AND ("expiresAt" IS NULL OR "expiresAt" > ${at})` : Prisma.empty;
  const nextStatus =
    kind === "EXPIRE"
      ? Prisma.sql`'EXPIRED'::"GiftCardStatus"`
      : Prisma.sql`CASE WHEN status = 'ACTIVE' AND "balanceCents" = ${amountCents} THEN 'USED_UP'::"GiftCardStatus" ELSE status END`;
  const [row] = await tx.$queryRaw<{ balanceCents: number }[]>`
    UPDATE "GiftCard" SET "balanceCents" = "balanceCents" - ${amountCents}, status = ${nextStatus}, "updatedAt" = ${at}
    WHERE id = ${cardId} AND "merchantId" = ${movement.merchantId} AND "balanceCents" >= ${amountCents} ${usable}
    RETURNING "balanceCents"`;
  if (!row) {
    const card = await tx.giftCard.findFirst({
      where: { id: cardId, merchantId: movement.merchantId },
      select: { balanceCents: true, status: true, expiresAt: true },
    });
    if (!card) return { ok: false, reason: "notFound" };
    const expired = card.expiresAt !== null && card.expiresAt <= at;
    if (kind === "REDEEM" && (card.status !== "ACTIVE" || expired)) return { ok: false, reason: "notUsable" };
    return { ok: false, reason: "insufficient" };
  }
  const ledgerId = await writeRow(tx, movement, cardId, kind, -amountCents, row.balanceCents, at);
  return { ok: true, ledgerId, balanceAfterCents: row.balanceCents };
}

/**
 * Gives `amountCents` (> 0) to a card: a released or refunded redemption, a manager's ADJUST. A
 * USED_UP card becomes ACTIVE again; a disabled or expired one keeps its status (the money is
 * back on it, and a manager decides). Null when the card is not the merchant's.
 */
export async function creditCard(
  tx: Tx,
  movement: Movement,
  cardId: string,
  kind: Exclude<CreditKind, "ISSUE">,
  amountCents: number,
): Promise<{ ledgerId: string; balanceAfterCents: number } | null> {
  assertAmount(amountCents);
  const at = movement.at ?? new Date();
  const [row] = await tx.$queryRaw<{ balanceCents: number }[]>`
    UPDATE "GiftCard" SET "balanceCents" = "balanceCents" + ${amountCents},
      status = CASE WHEN status = 'USED_UP' THEN 'ACTIVE'::"GiftCardStatus" ELSE status END, "updatedAt" = ${at}
    WHERE id = ${cardId} AND "merchantId" = ${movement.merchantId}
    RETURNING "balanceCents"`;
  if (!row) return null;
  const ledgerId = await writeRow(tx, movement, cardId, kind, amountCents, row.balanceCents, at);
  return { ledgerId, balanceAfterCents: row.balanceCents };
}

export interface NewCard {
  currency: string;
  amountCents: number;
  source: "PURCHASE" | "BONUS" | "MANUAL";
  expiresAt: Date | null;
  deliveryLocale: string;
  storeId?: string | null;
  orderId?: string | null;
  orderLineId?: string | null;
  unitIndex?: number | null;
  purchaserCustomerId?: string | null;
  lockedCustomerId?: string | null;
  bonusForId?: string | null;
  issuedByUserId?: string | null;
  note?: string | null;
  recipientName?: string | null;
  /** Normalized (lower-case, trimmed). */
  recipientEmail?: string | null;
  message?: string | null;
  deliverAt?: Date | null;
}

export interface IssuedCard {
  id: string;
  /** The compact code: returned once, never stored (only its hash and last four characters). */
  code: string;
  last4: string;
  balanceCents: number;
  expiresAt: Date | null;
}

/**
 * Issues a card with a new code and its ISSUE row. Null when the card already exists for
 * (orderLineId, unitIndex) or as the bonus of `bonusForId`: a replayed payment issues nothing
 * twice. A code that happens to exist already (about one chance in 2^74) is drawn again.
 */
export async function issueCard(tx: Tx, movement: Movement, card: NewCard, random: (n: number) => Uint8Array = randomBytes): Promise<IssuedCard | null> {
  assertAmount(card.amountCents);
  const at = movement.at ?? new Date();
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = generateGiftCardCode(random);
    // ON CONFLICT DO NOTHING: a unique violation would abort the caller's transaction.
    const [created] = await tx.giftCard.createManyAndReturn({
      data: [
        {
          merchantId: movement.merchantId,
          currency: card.currency,
          codeHash: hashGiftCardCode(code),
          last4: codeLast4(code),
          initialCents: card.amountCents,
          balanceCents: card.amountCents,
          source: card.source,
          expiresAt: card.expiresAt,
          deliveryLocale: card.deliveryLocale,
          storeId: card.storeId ?? null,
          orderId: card.orderId ?? null,
          orderLineId: card.orderLineId ?? null,
          unitIndex: card.unitIndex ?? null,
          purchaserCustomerId: card.purchaserCustomerId ?? null,
          lockedCustomerId: card.lockedCustomerId ?? null,
          bonusForId: card.bonusForId ?? null,
          issuedByUserId: card.issuedByUserId ?? null,
          note: card.note ?? null,
          recipientName: card.recipientName ?? null,
          recipientEmail: card.recipientEmail ?? null,
          message: card.message ?? null,
          deliverAt: card.deliverAt ?? null,
          createdAt: at,
          updatedAt: at,
        },
      ],
      skipDuplicates: true,
      select: { id: true, balanceCents: true, expiresAt: true, last4: true },
    });
    if (created) {
      await writeRow(tx, movement, created.id, "ISSUE", card.amountCents, card.amountCents, at);
      return { ...created, code };
    }
    const exists =
      (card.orderLineId != null &&
        (await tx.giftCard.count({ where: { merchantId: movement.merchantId, orderLineId: card.orderLineId, unitIndex: card.unitIndex ?? null } })) > 0) ||
      (card.bonusForId != null && (await tx.giftCard.count({ where: { merchantId: movement.merchantId, bonusForId: card.bonusForId } })) > 0);
    if (exists) return null;
  }
  throw new Error("Could not draw an unused gift-card code");
}

async function writeRow(tx: Tx, movement: Movement, cardId: string, kind: DebitKind | CreditKind, amountCents: number, balanceAfterCents: number, at: Date): Promise<string> {
  const row = await tx.giftCardLedger.create({
    data: {
      merchantId: movement.merchantId,
      cardId,
      kind,
      amountCents,
      balanceAfterCents,
      storeId: movement.storeId ?? null,
      orderId: movement.orderId ?? null,
      actorUserId: movement.actorUserId ?? null,
      transactionId: movement.transactionId,
      reason: movement.reason ?? null,
      reversesId: movement.reversesId ?? null,
      idempotencyKey: movement.idempotencyKey ?? null,
      createdAt: at,
    },
    select: { id: true },
  });
  return row.id;
}

function assertAmount(amountCents: number): void {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) throw new RangeError(`Invalid gift-card amount ${amountCents}`);
}
