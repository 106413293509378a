import "server-only";
import { randomBytes } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { db, Prisma, type Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { isLocale, type Locale } from "@/lib/locales";
import { currencyDigits } from "@/lib/money";
import { urlConfig } from "@/lib/tenancy/request";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { absoluteUrl, storeAddress } from "@/lib/tenancy/urls";
import { startOfDay } from "@/lib/time";
import { generateCardNumber } from "./card-number";
import { canReverse, decideEarning, earningAmount, pointsForSpend, rewardsNewlyReached } from "./rules";
import type { JoinInput, OnlineValue, ProgramInput, RewardInput } from "./schema";
import type { LoyaltyReason } from "./types";

/** A staff member at a store of the merchant: produced by the terminal or merchant-area gates only. */
export interface LoyaltyActor {
  merchantId: MerchantId;
  storeId: StoreId;
  userId: string;
}

/** A refusal with its params; `unit` says what amounts in the params count (points or stamps). */
export type LoyaltyRefusal = { ok: false; reason: LoyaltyReason; params: Record<string, number>; unit?: "POINTS" | "STAMPS" };
/** A written movement: its signed amount, the new balance, and (for earnings) the program's unit. */
export type MovementResult =
  | { ok: true; ledgerId: string; balance: number; amount: number; unit?: "POINTS" | "STAMPS" }
  | LoyaltyRefusal
  | { ok: false; reason: "notFound" };

interface LockedCard {
  id: string;
  balance: number;
  lastEarnedAt: Date | null;
  customerId: string;
}

/**
 * The card's row lock: every balance change goes through it, so checks and writes are serialized
 * per card. NO KEY UPDATE: an order's points tender references the card (a KEY SHARE lock until
 * its checkout commits), which this lock must not wait for.
 */
async function lockCard(tx: Tx, merchantId: string, cardId: string): Promise<LockedCard | null> {
  const rows = await tx.$queryRaw<LockedCard[]>`
    SELECT id, balance, "lastEarnedAt", "customerId" FROM "LoyaltyCard"
    WHERE id = ${cardId} AND "merchantId" = ${merchantId} FOR NO KEY UPDATE`;
  return rows[0] ?? null;
}

async function activeProgram(tx: Tx, merchantId: string) {
  return tx.loyaltyProgram.findFirst({
    where: { merchantId, status: "ACTIVE" },
    select: { id: true, type: true, pointsPerUnit: true, stampsPerVisit: true, welcomeBonus: true, cooldownMinutes: true, dailyCap: true },
  });
}

/** Appends one ledger row and moves the cached balance by the same amount, under the card lock the caller holds. */
async function appendMovement(
  tx: Tx,
  card: LockedCard,
  row: Omit<Prisma.LoyaltyLedgerUncheckedCreateInput, "cardId" | "id" | "createdAt">,
  options: { earnedAt?: Date } = {},
): Promise<{ ledgerId: string; balance: number }> {
  const entry = await tx.loyaltyLedger.create({ data: { ...row, cardId: card.id }, select: { id: true } });
  const balance = card.balance + row.amount;
  await tx.loyaltyCard.update({
    where: { id: card.id },
    data: { balance, ...(options.earnedAt ? { lastEarnedAt: options.earnedAt } : {}) },
  });
  card.balance = balance;
  return { ledgerId: entry.id, balance };
}

function storefrontUrl(store: { slug: string; defaultLocale: string }, path: string, locale: Locale): string {
  const defaultLocale: Locale = isLocale(store.defaultLocale) ? store.defaultLocale : "en";
  return absoluteUrl(storeAddress({ slug: store.slug, defaultLocale }, urlConfig()), path, locale, urlConfig());
}

// --- Enrollment

export type EnrollResult =
  | { ok: true; alreadyMember: false; cardId: string; number: string }
  | { ok: true; alreadyMember: true }
  | { ok: false; reason: "noProgram" };

/**
 * Joins the merchant's program from a storefront: finds or creates the Customer (one per
 * merchant and email), then gives them a card unless they have one. A member joining again (at
 * any store of the merchant) gets `alreadyMember` and nothing is written or sent. A new card gets
 * the welcome bonus as a BONUS row and one welcome email (stating the bonus), in the same transaction.
 * Concurrent joins with one email are serialized by the customer's row lock.
 */
export async function enrollCustomer(
  store: { id: StoreId; merchantId: MerchantId },
  input: JoinInput & { locale: Locale; userId?: string | null },
): Promise<EnrollResult> {
  return db.$transaction(async (tx) => {
    const program = await activeProgram(tx, store.merchantId);
    if (!program) return { ok: false, reason: "noProgram" } as const;
    await tx.customer.createMany({
      data: [{ merchantId: store.merchantId, email: input.email, name: input.name, phone: input.phone, birthday: input.birthday, preferredLocale: input.locale, userId: input.userId ?? null }],
      skipDuplicates: true,
    });
    const [customer] = await tx.$queryRaw<Array<{ id: string; name: string | null; phone: string | null; birthday: Date | null }>>`
      SELECT id, name, phone, birthday FROM "Customer" WHERE "merchantId" = ${store.merchantId} AND email = ${input.email} FOR UPDATE`;
    if (!customer) throw new Error("Customer row vanished during enrollment");
    const existing = await tx.loyaltyCard.findFirst({ where: { merchantId: store.merchantId, customerId: customer.id }, select: { id: true } });
    if (existing) return { ok: true, alreadyMember: true } as const;

    // A customer who bought or signed in before keeps what they had; the form fills the gaps.
    await tx.customer.update({
      where: { id: customer.id },
      data: {
        name: customer.name ?? input.name,
        phone: customer.phone ?? input.phone,
        birthday: customer.birthday ?? input.birthday,
        preferredLocale: input.locale,
      },
    });
    const number = generateCardNumber((n) => randomBytes(n));
    const created = await tx.loyaltyCard.create({
      data: { merchantId: store.merchantId, customerId: customer.id, number, storeId: store.id },
      select: { id: true, balance: true, lastEarnedAt: true, customerId: true },
    });
    const card: LockedCard = { ...created };
    if (program.welcomeBonus > 0) {
      await appendMovement(tx, card, { merchantId: store.merchantId, kind: "BONUS", amount: program.welcomeBonus, storeId: store.id });
    }
    const shop = await tx.store.findFirstOrThrow({
      where: { id: store.id, merchantId: store.merchantId },
      select: { name: true, slug: true, defaultLocale: true, merchant: { select: { name: true } } },
    });
    const accountUrl = storefrontUrl(shop, "/account/loyalty", input.locale);
    // One email says both: welcome and bonus (two within a second read as noise). The program is
    // the merchant's; the store is only where they joined.
    await enqueueEmail(
      {
        to: input.email,
        template: "loyalty-welcome",
        locale: input.locale,
        merchantId: store.merchantId,
        idempotencyKey: `loyalty-welcome:${created.id}`,
        data: {
          storeName: shop.name,
          merchantName: shop.merchant.name,
          name: input.name,
          cardNumber: number,
          unit: program.type,
          balance: card.balance,
          welcomeBonus: program.welcomeBonus,
          accountUrl,
        },
      },
      tx,
    );
    return { ok: true, alreadyMember: false, cardId: created.id, number } as const;
  });
}

// --- Earning, redeeming, reversing at the terminal

async function notifyRewardsReached(
  tx: Tx,
  merchantId: string,
  card: LockedCard,
  ledgerId: string,
  before: number,
  storeId: string,
  unit: "POINTS" | "STAMPS",
): Promise<void> {
  const rewards = await tx.loyaltyReward.findMany({
    where: { merchantId, active: true, program: { status: "ACTIVE" } },
    select: { id: true, cost: true, translations: { select: { locale: true, name: true } } },
    orderBy: { cost: "asc" },
  });
  const reached = rewardsNewlyReached(rewards, before, card.balance);
  if (reached.length === 0) return;
  const customer = await tx.customer.findFirstOrThrow({ where: { id: card.customerId, merchantId }, select: { email: true, name: true, preferredLocale: true } });
  const shop = await tx.store.findFirstOrThrow({
    where: { id: storeId, merchantId },
    select: { name: true, slug: true, defaultLocale: true, locales: true, merchant: { select: { name: true } } },
  });
  const locale: Locale = isLocale(customer.preferredLocale) ? customer.preferredLocale : isLocale(shop.defaultLocale) ? shop.defaultLocale : "en";
  const nameIn = (r: (typeof reached)[number]) =>
    (r.translations.find((t) => t.locale === locale) ?? r.translations.find((t) => t.locale === shop.defaultLocale) ?? r.translations[0])?.name ?? "";
  await enqueueEmail(
    {
      to: customer.email,
      template: "loyalty-reward-within-reach",
      locale,
      merchantId,
      idempotencyKey: `loyalty-reward-within-reach:${ledgerId}`,
      data: {
        storeName: shop.name,
        merchantName: shop.merchant.name,
        name: customer.name ?? "",
        balance: card.balance,
        unit,
        rewards: reached.map((r) => ({ name: nameIn(r), cost: r.cost, missing: Math.max(0, r.cost - card.balance) })),
        accountUrl: storefrontUrl(shop, "/account/loyalty", locale),
      },
    },
    tx,
  );
}

/**
 * Records a visit (stamps) or a purchase of `spendCents` (points) on a card of the actor's
 * merchant, at the actor's store. Cooldown and daily cap are checked under the card's row lock
 * in the same transaction as the ledger row, so concurrent earnings cannot both pass. A refusal
 * is a typed result (COOLDOWN with the minutes left, DAILY_CAP, NOTHING_TO_EARN); nothing is
 * written then. `now` is for tests.
 */
export async function earnOnCard(
  actor: LoyaltyActor,
  cardId: string,
  spendCents: number | null,
  now: Date = new Date(),
): Promise<MovementResult> {
  return db.$transaction(async (tx) => {
    const card = await lockCard(tx, actor.merchantId, cardId);
    if (!card) return { ok: false, reason: "notFound" } as const;
    const program = await activeProgram(tx, actor.merchantId);
    if (!program) return { ok: false, reason: "notFound" } as const;
    const store = await tx.store.findFirstOrThrow({ where: { id: actor.storeId, merchantId: actor.merchantId }, select: { currency: true, timeZone: true } });
    const amount = earningAmount(program, program.type === "POINTS" ? spendCents : null, currencyDigits(store.currency));
    // The cap counts per calendar day of the store recording the earning.
    const since = startOfDay(now, store.timeZone);
    // Online orders are outside the cap: only what the terminals recorded today counts, and a
    // reversed earning (a typing mistake corrected by a manager) counts for nothing.
    const earned = await tx.loyaltyLedger.aggregate({
      where: { cardId: card.id, merchantId: actor.merchantId, kind: "EARN", orderId: null, reversal: { is: null }, createdAt: { gte: since } },
      _sum: { amount: true },
    });
    const decision = decideEarning({ rules: program, amount, lastEarnedAt: card.lastEarnedAt, earnedToday: earned._sum.amount ?? 0, now });
    if (!decision.ok) return { ok: false, reason: decision.reason, params: decision.params } as LoyaltyRefusal;
    const before = card.balance;
    const result = await appendMovement(
      tx,
      card,
      {
        merchantId: actor.merchantId,
        kind: "EARN",
        amount: decision.amount,
        storeId: actor.storeId,
        staffUserId: actor.userId,
        spendCents: program.type === "POINTS" ? spendCents : null,
      },
      { earnedAt: now },
    );
    await notifyRewardsReached(tx, actor.merchantId, card, result.ledgerId, before, actor.storeId, program.type);
    return { ok: true, ...result, amount: decision.amount, unit: program.type } as const;
  });
}

/**
 * Redeems a reward of the merchant's program on a card, at the actor's store (any store of the
 * merchant). The balance is checked under the card's row lock, so concurrent redemptions can
 * never take it below zero (the CHECK constraint is the last line). INSUFFICIENT_BALANCE carries
 * the missing amount and the program's unit.
 */
export async function redeemReward(actor: LoyaltyActor, cardId: string, rewardId: string): Promise<MovementResult> {
  return db.$transaction(async (tx) => {
    const card = await lockCard(tx, actor.merchantId, cardId);
    if (!card) return { ok: false, reason: "notFound" } as const;
    const reward = await tx.loyaltyReward.findFirst({
      where: { id: rewardId, merchantId: actor.merchantId, active: true, program: { status: "ACTIVE" } },
      select: { id: true, cost: true, program: { select: { type: true } } },
    });
    if (!reward) return { ok: false, reason: "REWARD_UNAVAILABLE", params: {} } as LoyaltyRefusal;
    if (card.balance < reward.cost) {
      return { ok: false, reason: "INSUFFICIENT_BALANCE", params: { missing: reward.cost - card.balance }, unit: reward.program.type } as LoyaltyRefusal;
    }
    const result = await appendMovement(tx, card, {
      merchantId: actor.merchantId,
      kind: "REDEEM",
      amount: -reward.cost,
      storeId: actor.storeId,
      staffUserId: actor.userId,
      rewardId: reward.id,
    });
    return { ok: true, ...result, amount: -reward.cost } as const;
  });
}

/**
 * After a terminal earning was reversed, the cooldown runs from the newest earning that still
 * stands (none: no cooldown), so a corrected typing mistake does not block the right amount.
 * Called under the card's row lock, after the REVERSAL row is written.
 */
async function restartCooldownFrom(tx: Tx, merchantId: string, cardId: string): Promise<void> {
  const standing = await tx.loyaltyLedger.findFirst({
    where: { cardId, merchantId, kind: "EARN", orderId: null, reversal: { is: null } },
    select: { createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  await tx.loyaltyCard.update({ where: { id: cardId }, data: { lastEarnedAt: standing?.createdAt ?? null } });
}

/**
 * Reverses one movement of the merchant's ledger with a compensating REVERSAL row (the original
 * stays as it was). Each movement is reversed at most once (checked under the card lock, and by
 * the unique reversesId); reversals cannot themselves be reversed; a reversal that would make
 * the balance negative (the points were spent already) is refused. A reversed terminal earning
 * stops counting for the cooldown and the daily cap. The caller checks that the actor is a manager.
 */
export async function reverseMovement(actor: LoyaltyActor, ledgerId: string, reason: string): Promise<MovementResult> {
  return db.$transaction(async (tx) => {
    const entry = await tx.loyaltyLedger.findFirst({
      where: { id: ledgerId, merchantId: actor.merchantId },
      select: { id: true, cardId: true, kind: true, amount: true, orderId: true },
    });
    if (!entry) return { ok: false, reason: "notFound" } as const;
    const card = await lockCard(tx, actor.merchantId, entry.cardId);
    if (!card) return { ok: false, reason: "notFound" } as const;
    if (!canReverse(entry)) return { ok: false, reason: "NOT_REVERSIBLE", params: {} } as LoyaltyRefusal;
    const already = await tx.loyaltyLedger.findUnique({ where: { reversesId: entry.id }, select: { id: true } });
    if (already) return { ok: false, reason: "ALREADY_REVERSED", params: {} } as LoyaltyRefusal;
    if (card.balance - entry.amount < 0) return { ok: false, reason: "BALANCE_TOO_LOW", params: {} } as LoyaltyRefusal;
    const result = await appendMovement(tx, card, {
      merchantId: actor.merchantId,
      kind: "REVERSAL",
      amount: -entry.amount,
      storeId: actor.storeId,
      staffUserId: actor.userId,
      reversesId: entry.id,
      reason,
    });
    if (entry.kind === "EARN" && entry.orderId === null) await restartCooldownFrom(tx, actor.merchantId, card.id);
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: "loyalty.reverse",
      targetType: "LoyaltyLedger",
      targetId: entry.id,
      data: { reversalId: result.ledgerId, amount: -entry.amount, reason },
    });
    return { ok: true, ...result, amount: -entry.amount } as const;
  });
}

// --- Online orders (called by lib/orders inside their transactions)

/**
 * Points for a paid online order, in the transaction that marks it PAID: when the buyer (by
 * customer id, else by email at the merchant) has a card and the merchant runs an active points
 * program, one EARN row for the order total, at the order's store. Idempotent: the row's unique
 * key ("order:<id>:earn") lets a second call write nothing. Online orders are exempt from the cooldown
 * and the daily cap (they are paid purchases, one per order), and do not start a cooldown.
 */
export async function earnForPaidOrder(tx: Tx, merchantId: MerchantId, orderId: string): Promise<number> {
  const order = await tx.order.findFirst({
    where: { id: orderId, merchantId },
    select: { id: true, merchantId: true, storeId: true, customerId: true, email: true, totalCents: true, currency: true },
  });
  if (!order) return 0;
  const program = await activeProgram(tx, order.merchantId);
  if (!program || program.type !== "POINTS" || !program.pointsPerUnit) return 0;
  const cardRow = await tx.loyaltyCard.findFirst({
    where: { merchantId: order.merchantId, customer: order.customerId ? { id: order.customerId } : { email: order.email } },
    select: { id: true },
  });
  if (!cardRow) return 0;
  const amount = pointsForSpend(order.totalCents, program.pointsPerUnit, currencyDigits(order.currency));
  if (amount <= 0) return 0;
  const card = await lockCard(tx, order.merchantId, cardRow.id);
  if (!card) return 0;
  const inserted = await tx.loyaltyLedger.createManyAndReturn({
    data: [
      {
        merchantId: order.merchantId,
        cardId: card.id,
        kind: "EARN",
        amount,
        storeId: order.storeId,
        orderId: order.id,
        spendCents: order.totalCents,
        idempotencyKey: `order:${order.id}:earn`,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (inserted.length === 0) return 0;
  const before = card.balance;
  await tx.loyaltyCard.update({ where: { id: card.id }, data: { balance: { increment: amount } } });
  card.balance += amount;
  await notifyRewardsReached(tx, order.merchantId, card, inserted[0]!.id, before, order.storeId, program.type);
  return amount;
}

/**
 * Takes back a refund's share of the points an order earned, in the refund's settling
 * transaction: the points earned times `refundedShare` (the part of the order refunded once this
 * refund is settled, a fraction ≤ 1 given as numerator/denominator in minor units), rounded down,
 * minus what earlier refunds took back; all of it once everything is refunded. One REFUND row
 * per refund (unique key "refund:<id>:earn"). When the customer has spent part of the points
 * already, only what is left on the card is taken (a balance never goes negative); the rest stays
 * a loss to the merchant, visible in the ledger.
 */
export async function reverseOrderEarningShare(
  tx: Tx,
  movement: { merchantId: MerchantId; orderId: string; refundId: string; transactionId: string },
  refundedShare: { numeratorCents: number; denominatorCents: number },
): Promise<number> {
  const { merchantId, orderId } = movement;
  const earned = await tx.loyaltyLedger.findFirst({
    where: { merchantId, orderId, kind: "EARN" },
    select: { cardId: true, amount: true, storeId: true },
  });
  if (!earned || refundedShare.denominatorCents <= 0) return 0;
  const card = await lockCard(tx, merchantId, earned.cardId);
  if (!card) return 0;
  const takenBack = await tx.loyaltyLedger.aggregate({
    where: { merchantId, orderId, cardId: card.id, kind: { in: ["REFUND", "REVERSAL"] }, amount: { lt: 0 } },
    _sum: { amount: true },
  });
  const numerator = Math.min(refundedShare.numeratorCents, refundedShare.denominatorCents);
  const target = Math.floor((earned.amount * numerator) / refundedShare.denominatorCents);
  const amount = Math.min(target + (takenBack._sum.amount ?? 0), card.balance);
  if (amount <= 0) return 0;
  const inserted = await tx.loyaltyLedger.createManyAndReturn({
    data: [
      {
        merchantId,
        cardId: card.id,
        kind: "REFUND",
        amount: -amount,
        storeId: earned.storeId,
        orderId,
        refundId: movement.refundId,
        transactionId: movement.transactionId,
        idempotencyKey: `refund:${movement.refundId}:earn`,
        reason: "order.refund",
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (inserted.length === 0) return 0;
  await tx.loyaltyCard.update({ where: { id: card.id }, data: { balance: { decrement: amount } } });
  return amount;
}

/** What an online order pays with points: a reward with an online value, taken `quantity` times. */
export interface PointsSpend {
  cardId: string;
  /** The buyer: the card must be theirs. */
  customerId: string;
  rewardId: string;
  quantity: number;
  /** reward cost × quantity, and online value × quantity, as the checkout priced them. */
  points: number;
  valueCents: number;
  currency: string;
}

export type PointsSpendResult = { ok: true; ledgerId: string } | { ok: false; reason: "changed" | "insufficient" };

/**
 * The checkout's points hold: one REDEEM row for the order (unique key "order:<id>:redeem"),
 * written under the card's row lock after checking that the card is the buyer's, the reward is
 * still active with the cost and online value the order was priced with, and the balance covers
 * the points. Spending is not earning: the cooldown and daily cap do not apply.
 */
export async function spendPointsForOrder(
  tx: Tx,
  movement: { merchantId: MerchantId; orderId: string; storeId: string; transactionId: string },
  spend: PointsSpend,
): Promise<PointsSpendResult> {
  const card = await lockCard(tx, movement.merchantId, spend.cardId);
  if (!card || card.customerId !== spend.customerId) return { ok: false, reason: "changed" };
  const reward = await tx.loyaltyReward.findFirst({
    where: { id: spend.rewardId, merchantId: movement.merchantId, active: true, program: { status: "ACTIVE" } },
    select: { cost: true, onlineValueCents: true, onlineCurrency: true },
  });
  if (
    !reward ||
    reward.onlineValueCents === null ||
    reward.onlineCurrency !== spend.currency ||
    reward.cost * spend.quantity !== spend.points ||
    reward.onlineValueCents * spend.quantity !== spend.valueCents
  ) {
    return { ok: false, reason: "changed" };
  }
  if (card.balance < spend.points) return { ok: false, reason: "insufficient" };
  const result = await appendMovement(tx, card, {
    merchantId: movement.merchantId,
    kind: "REDEEM",
    amount: -spend.points,
    storeId: movement.storeId,
    orderId: movement.orderId,
    rewardId: spend.rewardId,
    transactionId: movement.transactionId,
    idempotencyKey: `order:${movement.orderId}:redeem`,
  });
  return { ok: true, ledgerId: result.ledgerId };
}

/**
 * Gives back points an order spent: all of them when its payment failed, expired or never
 * started (RELEASE, key "order:<id>:release"), or a refund's share (REFUND, key
 * "refund:<id>:points"). Written under the card's lock; a second call with the same key writes
 * nothing. Returns the points given back.
 */
export async function returnOrderPoints(
  tx: Tx,
  movement: { merchantId: MerchantId; orderId: string; transactionId: string },
  give: { kind: "RELEASE" } | { kind: "REFUND"; refundId: string; points: number },
): Promise<number> {
  const spent = await tx.loyaltyLedger.findFirst({
    where: { merchantId: movement.merchantId, orderId: movement.orderId, kind: "REDEEM" },
    select: { cardId: true, amount: true, storeId: true, rewardId: true },
  });
  if (!spent) return 0;
  const points = give.kind === "RELEASE" ? -spent.amount : give.points;
  if (points <= 0) return 0;
  const card = await lockCard(tx, movement.merchantId, spent.cardId);
  if (!card) return 0;
  const inserted = await tx.loyaltyLedger.createManyAndReturn({
    data: [
      {
        merchantId: movement.merchantId,
        cardId: card.id,
        kind: give.kind,
        amount: points,
        storeId: spent.storeId,
        orderId: movement.orderId,
        rewardId: spent.rewardId,
        refundId: give.kind === "REFUND" ? give.refundId : null,
        transactionId: movement.transactionId,
        idempotencyKey: give.kind === "REFUND" ? `refund:${give.refundId}:points` : `order:${movement.orderId}:release`,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (inserted.length === 0) return 0;
  await tx.loyaltyCard.update({ where: { id: card.id }, data: { balance: { increment: points } } });
  return points;
}

// --- Program and rewards (merchant area)

export type ProgramWriteResult = { ok: true } | { ok: false; reason: "typeLocked" };

/**
 * Creates or updates the merchant's one program. The type cannot change once cards exist (their
 * balances are counted in it). Audited.
 */
export async function saveProgram(actor: { merchantId: MerchantId; userId: string }, input: ProgramInput): Promise<ProgramWriteResult> {
  return db.$transaction(async (tx) => {
    const current = await tx.loyaltyProgram.findUnique({ where: { merchantId: actor.merchantId }, select: { id: true, type: true } });
    if (current && current.type !== input.type && (await tx.loyaltyCard.count({ where: { merchantId: actor.merchantId } })) > 0) {
      return { ok: false, reason: "typeLocked" } as const;
    }
    await tx.loyaltyProgram.upsert({
      where: { merchantId: actor.merchantId },
      create: { ...input, merchantId: actor.merchantId },
      update: input,
    });
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: current ? "loyalty.program.update" : "loyalty.program.create",
      targetType: "LoyaltyProgram",
      targetId: current?.id ?? null,
      data: { ...input },
    });
    return { ok: true } as const;
  });
}

/** Adds a reward to the merchant's program. False when the merchant has no program yet. */
export async function createReward(actor: { merchantId: MerchantId; userId: string }, input: RewardInput): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const program = await tx.loyaltyProgram.findUnique({ where: { merchantId: actor.merchantId }, select: { id: true } });
    if (!program) return false;
    const reward = await tx.loyaltyReward.create({
      data: {
        merchantId: actor.merchantId,
        programId: program.id,
        cost: input.cost,
        onlineValueCents: input.online?.valueCents ?? null,
        onlineCurrency: input.online?.currency ?? null,
        translations: { create: input.translations },
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: "loyalty.reward.create",
      targetType: "LoyaltyReward",
      targetId: reward.id,
      data: { cost: input.cost, translations: input.translations, online: input.online ? { ...input.online } : null },
    });
    return true;
  });
}

/**
 * Sets what a reward of the merchant takes off an online order (null: counter only). Members can
 * spend it online from then on; carts that chose it are priced with the new value and the
 * checkout re-checks it. The caller checked that the merchant sells in the currency. Audited
 * with the value before and after. False when the merchant has no such reward.
 */
export async function setRewardOnlineValue(actor: { merchantId: MerchantId; userId: string }, rewardId: string, online: OnlineValue | null): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const [before] = await tx.$queryRaw<Array<{ onlineValueCents: number | null; onlineCurrency: string | null }>>`
      SELECT "onlineValueCents", "onlineCurrency" FROM "LoyaltyReward" WHERE id = ${rewardId} AND "merchantId" = ${actor.merchantId} FOR UPDATE`;
    if (!before) return false;
    await tx.loyaltyReward.updateMany({
      where: { id: rewardId, merchantId: actor.merchantId },
      data: { onlineValueCents: online?.valueCents ?? null, onlineCurrency: online?.currency ?? null, updatedAt: new Date() },
    });
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: "loyalty.reward.onlineValue",
      targetType: "LoyaltyReward",
      targetId: rewardId,
      data: {
        before: before.onlineValueCents === null ? null : { valueCents: before.onlineValueCents, currency: before.onlineCurrency },
        after: online ? { ...online } : null,
      },
    });
    return true;
  });
}

/** Switches a reward of the merchant on or off (rewards are never deleted: the ledger points at them). */
export async function setRewardActive(actor: { merchantId: MerchantId; userId: string }, rewardId: string, active: boolean): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.loyaltyReward.updateMany({ where: { id: rewardId, merchantId: actor.merchantId }, data: { active } });
    if (count === 0) return false;
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: active ? "loyalty.reward.activate" : "loyalty.reward.deactivate",
      targetType: "LoyaltyReward",
      targetId: rewardId,
    });
    return true;
  });
}
