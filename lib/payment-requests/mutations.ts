import "server-only";
import { createHash } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { cacheTags, invalidateOnCommit } from "@/lib/cache";
import { db, Prisma, type Tx } from "@/lib/db";
import { currencyDigits, parseMoney, PAYMENT_MINIMUM_CENTS } from "@/lib/money";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { dayKeyToUtcDate, todayKey } from "@/lib/time";
import { OUTSTANDING } from "./lifecycle";
import { MAX_REQUEST_CENTS, type CreateRequestInput, type RequestFieldError, type ReminderSettingsInput } from "./schema";

/**
 * Writes of payment requests. Each runs in one transaction with its history row and, for a
 * member's change, its audit event; a refusal writes nothing. Statuses move only as
 * lifecycle.ts's table says, by conditional updates that name the merchant.
 */

export interface RequestActor {
  merchantId: MerchantId;
  /** Null for the platform's own runs (the backfill script). */
  userId: string | null;
  /** The stores the member works in (null: every store of the merchant). */
  storeIds: readonly StoreId[] | null;
}

export type FieldRefusal = {
  ok: false;
  fieldErrors: Partial<Record<string, RequestFieldError>>;
};
export type CreateRequestResult = { ok: true; requestId: string; replayed: boolean } | FieldRefusal;

/**
 * A payer's key at a merchant: the email, or the name when there is none (the database checks the
 * same rule; the key of a name is written as the database computes it, see nameKeyOf).
 */
export function payerLookupKey(name: string, email: string | null): string {
  return email ? `email:${email}` : `name:${name.trim().toLowerCase()}`;
}

/**
 * A name's key as the database's check (Payer_identity) computes it: its lower() follows the
 * database's locale, which JavaScript's toLowerCase does not always agree with ("İlker",
 * a word-final "Σ"); the key it would refuse is never written.
 */
async function nameKeyOf(tx: Tx, name: string): Promise<string> {
  const [row] = await tx.$queryRaw<Array<{ key: string }>>`SELECT 'name:' || lower(btrim(${name}::text)) AS key`;
  return row!.key;
}

/** The reference of a request whose merchant gave none: derived from the form's key, so the same form bills once. */
export function madeUpReference(merchantId: string, formKey: string): string {
  const digest = createHash("sha256").update(`${merchantId}:${formKey}`).digest();
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return `R-${[...digest.subarray(0, 8)].map((byte) => alphabet[byte % alphabet.length]).join("")}`;
}

/** The payer (found by email, or by name without one; created when new) with the name and language just given. */
async function upsertPayer(tx: Tx, merchantId: MerchantId, payer: { name: string; email: string | null; locale: string }): Promise<string> {
  const lookupKey = payer.email ? payerLookupKey(payer.name, payer.email) : await nameKeyOf(tx, payer.name);
  const row = await tx.payer.upsert({
    where: { merchantId_lookupKey: { merchantId, lookupKey } },
    create: {
      merchantId,
      lookupKey,
      name: payer.name,
      email: payer.email,
      locale: payer.locale,
    },
    update: { name: payer.name, locale: payer.locale },
    select: { id: true },
  });
  return row.id;
}

/**
 * Bills a payer for the lines given, in a store of the merchant, in its currency. The customer
 * it is for is the customer with `forEmail` (refused when the merchant has none), else the
 * payer's own customer record when there is one. One request per (store, payer, reference):
 * the unique index decides between concurrent submissions, and the loser gets
 * "duplicateReference", or the first request when the reference was made up from the same form.
 */
export async function createPaymentRequest(actor: RequestActor, input: CreateRequestInput, now: Date = new Date()): Promise<CreateRequestResult> {
  const fieldErrors: Partial<Record<string, RequestFieldError>> = {};
  const inScope = actor.storeIds === null || actor.storeIds.includes(input.storeId as StoreId);
  const store =
    inScope &&
    (await db.store.findFirst({
      where: { id: input.storeId, merchantId: actor.merchantId },
      select: { id: true, currency: true, timeZone: true, defaultLocale: true },
    }));
  if (!store) return { ok: false, fieldErrors: { storeId: "unknownStore" } };
  const productIds = [...new Set(input.lines.map((l) => l.productId).filter((id): id is string => id !== null))];
  const [products, forCustomer, payerCustomer] = await Promise.all([
    productIds.length
      ? // Gift cards are sold through checkout only: a request's payment issues none.
        db.product.findMany({
          where: {
            id: { in: productIds },
            merchantId: actor.merchantId,
            storeId: store.id,
            kind: { not: "GIFT_CARD" },
          },
          select: { id: true, translations: { select: { locale: true, title: true } } },
        })
      : Promise.resolve([]),
    input.forEmail
      ? db.customer.findFirst({
          where: { merchantId: actor.merchantId, email: input.forEmail },
          select: { id: true },
        })
      : Promise.resolve(null),
    input.payerEmail
      ? db.customer.findFirst({
          where: { merchantId: actor.merchantId, email: input.payerEmail },
          select: { id: true },
        })
      : Promise.resolve(null),
  ]);
  if (input.forEmail && !forCustomer) fieldErrors.forEmail = "notCustomer";
  if (input.dueOn !== null && input.dueOn < todayKey(store.timeZone, now)) fieldErrors.dueOn = "dateInPast";
  // A catalog line without a title of its own is billed under the product's title in the payer's language (else the store's).
  const productTitle = new Map(products.map((p) => [p.id, titleIn(p.translations, [input.payerLocale, store.defaultLocale])]));
  const digits = currencyDigits(store.currency);
  let totalCents = 0;
  const lines = input.lines.map((line, position) => {
    if (line.productId && !productTitle.has(line.productId)) fieldErrors[`line.${line.row}.productId`] = "unknownProduct";
    const parsed = parseMoney(line.amount, digits);
    const unitPriceCents = parsed.ok ? parsed.cents : 0;
    if (!parsed.ok || unitPriceCents <= 0)
      fieldErrors[`line.${line.row}.amount`] = parsed.ok || parsed.reason !== "tooLarge" ? "invalidAmount" : "amountTooLarge";
    else if (unitPriceCents * line.quantity > MAX_REQUEST_CENTS) fieldErrors[`line.${line.row}.amount`] = "amountTooLarge";
    totalCents += unitPriceCents * line.quantity;
    const title = line.title || (line.productId ? (productTitle.get(line.productId) ?? "") : "");
    return {
      position,
      productId: line.productId,
      title,
      unitPriceCents,
      quantity: line.quantity,
      totalCents: unitPriceCents * line.quantity,
    };
  });
  // The whole request's limits, said at its first line's amount.
  const firstAmount = `line.${input.lines[0]?.row ?? 0}.amount`;
  if (Object.keys(fieldErrors).length === 0 && totalCents > MAX_REQUEST_CENTS) fieldErrors[firstAmount] = "amountTooLarge";
  // Below the payment minimum no provider takes the money.
  if (Object.keys(fieldErrors).length === 0 && totalCents < PAYMENT_MINIMUM_CENTS) fieldErrors[firstAmount] = "belowMinimum";
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };

  const madeUp = input.reference === "";
  const reference = madeUp ? madeUpReference(actor.merchantId, input.formKey) : input.reference;
  return db.$transaction(async (tx) => {
    const payerId = await upsertPayer(tx, actor.merchantId, {
      name: input.payerName,
      email: input.payerEmail,
      locale: input.payerLocale,
    });
    const [created] = await tx.paymentRequest.createManyAndReturn({
      data: [
        {
          merchantId: actor.merchantId,
          storeId: store.id,
          payerId,
          customerId: forCustomer?.id ?? payerCustomer?.id ?? null,
          reference,
          currency: store.currency,
          totalCents,
          dueOn: input.dueOn ? dayKeyToUtcDate(input.dueOn) : null,
          note: input.note,
        },
      ],
      skipDuplicates: true,
      select: { id: true },
    });
    if (!created) {
      if (!madeUp)
        return {
          ok: false,
          fieldErrors: { reference: "duplicateReference" },
        } as const;
      const first = await tx.paymentRequest.findFirstOrThrow({
        where: {
          merchantId: actor.merchantId,
          storeId: store.id,
          payerId,
          reference,
        },
        select: { id: true },
      });
      return { ok: true, requestId: first.id, replayed: true } as const;
    }
    await tx.paymentRequestLine.createMany({
      data: lines.map((line) => ({ ...line, requestId: created.id })),
    });
    await recordCreated(tx, actor, created.id, now, {
      action: "paymentRequest.create",
      data: { storeId: store.id, payerId, reference, currency: store.currency, totalCents, dueOn: input.dueOn },
    });
    return { ok: true, requestId: created.id, replayed: false } as const;
  });
}

/**
 * A new request's first history row (CREATED, by the actor) and, for a member's change, its
 * audit event, in the transaction that wrote the request.
 */
export async function recordCreated(tx: Tx, actor: RequestActor, requestId: string, now: Date, audit: { action: string; data: Prisma.InputJsonObject }): Promise<void> {
  await tx.paymentRequestEvent.create({ data: { merchantId: actor.merchantId, requestId, kind: "CREATED", actorUserId: actor.userId, createdAt: now } });
  if (actor.userId) {
    await recordAuditEvent(tx, { merchantId: actor.merchantId, actorUserId: actor.userId, action: audit.action, targetType: "PaymentRequest", targetId: requestId, data: audit.data });
  }
}

/** The request's row, locked for the rest of `tx`, when it is the merchant's (and in one of `storeIds`, when given). */
export async function lockRequest(tx: Tx, merchantId: MerchantId, requestId: string, storeIds?: readonly string[] | null) {
  const [row] = await tx.$queryRaw<
    Array<{
      id: string;
      status: string;
      storeId: string;
      payerId: string;
      customerId: string | null;
      currency: string;
      totalCents: number;
      reference: string;
    }>
  >`
    SELECT id, status::text AS status, "storeId", "payerId", "customerId", currency, "totalCents", reference FROM "PaymentRequest"
    WHERE id = ${requestId} AND "merchantId" = ${merchantId} ${storeIds ? Prisma.sql`AND "storeId" = ANY(${[...storeIds]}::text[])` : Prisma.empty}
    FOR UPDATE`;
  return row ?? null;
}

export type CancelResult = { ok: true } | { ok: false; reason: "notFound" | "notOutstanding" | "paymentInProgress" };

/**
 * Withdraws an outstanding request. Refused while its payer is on the payment page (an order of
 * it waits for the provider): that payment would otherwise land on a cancelled request. The
 * request's lock orders this against the pay button, which takes the same lock first.
 */
export async function cancelPaymentRequest(
  actor: RequestActor & { userId: string },
  requestId: string,
  now: Date = new Date(),
): Promise<CancelResult> {
  return db.$transaction(async (tx) => {
    const request = await lockRequest(tx, actor.merchantId, requestId, actor.storeIds);
    if (!request) return { ok: false, reason: "notFound" } as const;
    const pending = await tx.order.count({
      where: {
        merchantId: actor.merchantId,
        paymentRequestId: request.id,
        status: "PENDING_PAYMENT",
      },
    });
    if (pending > 0) return { ok: false, reason: "paymentInProgress" } as const;
    const { count } = await tx.paymentRequest.updateMany({
      where: {
        id: request.id,
        merchantId: actor.merchantId,
        status: { in: [...OUTSTANDING] },
      },
      data: { status: "CANCELLED", cancelledAt: now },
    });
    if (count === 0) return { ok: false, reason: "notOutstanding" } as const;
    await tx.paymentRequestEvent.create({
      data: {
        merchantId: actor.merchantId,
        requestId: request.id,
        kind: "CANCELLED",
        actorUserId: actor.userId,
        createdAt: now,
      },
    });
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: "paymentRequest.cancel",
      targetType: "PaymentRequest",
      targetId: request.id,
    });
    return { ok: true } as const;
  });
}

/**
 * The paid order's request becomes PAID, in the transaction that made the order PAID (called by
 * the order lifecycle for every paid order; orders of no request are left alone). A request
 * takes one order at a time (the pay button locks it and refuses while one waits; cancelling is
 * refused then too), so it is outstanding here; anything else is a broken invariant and rolls
 * the payment back for the provider to retry.
 */
export async function settleRequestPayment(tx: Tx, merchantId: MerchantId, orderId: string, now: Date = new Date()): Promise<void> {
  const order = await tx.order.findFirst({
    where: { id: orderId, merchantId },
    select: { paymentRequestId: true },
  });
  if (!order?.paymentRequestId) return;
  const { count } = await tx.paymentRequest.updateMany({
    where: {
      id: order.paymentRequestId,
      merchantId,
      status: { in: [...OUTSTANDING] },
    },
    data: { status: "PAID", paidAt: now },
  });
  if (count !== 1) throw new Error(`Payment request ${order.paymentRequestId} was not outstanding when order ${orderId} paid it`);
  await tx.paymentRequestEvent.create({
    data: {
      merchantId,
      requestId: order.paymentRequestId,
      kind: "PAID",
      orderId,
      createdAt: now,
    },
  });
  await invalidateOnCommit(tx, [cacheTags.account(merchantId)]);
}

/**
 * OPEN requests whose due date has passed in their store's zone become OVERDUE, each with its
 * history row, in one statement (the hourly job). Returns how many moved.
 */
export async function markOverdueRequests(now: Date = new Date()): Promise<number> {
  const moved = await db.$queryRaw<Array<{ id: string }>>`
    WITH moved AS (
      UPDATE "PaymentRequest" r SET status = 'OVERDUE'
      FROM "Store" s
      WHERE s.id = r."storeId" AND s."merchantId" = r."merchantId"
        AND r.status = 'OPEN' AND r."dueOn" < (${now}::timestamptz AT TIME ZONE s."timeZone")::date
      RETURNING r.id, r."merchantId"
    )
    INSERT INTO "PaymentRequestEvent" (id, "merchantId", "requestId", kind, "createdAt")
    SELECT gen_random_uuid()::text, "merchantId", id, 'OVERDUE', ${now} FROM moved
    RETURNING "requestId" AS id`;
  return moved.length;
}

/** The merchant's reminder schedule (audited). */
export async function updateReminderSettings(actor: RequestActor & { userId: string }, input: ReminderSettingsInput): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.merchant.update({
      where: { id: actor.merchantId },
      data: {
        paymentReminderDays: input.interval,
        paymentReminderMax: input.maxReminders,
      },
    });
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: "paymentRequest.reminderSettings",
      targetType: "Merchant",
      targetId: actor.merchantId,
      data: { days: input.interval, max: input.maxReminders },
    });
  });
}

/** The payer's unsubscribe link: no more reminders (the first stop is kept). True when the payer is the merchant's. */
export async function stopReminders(merchantId: MerchantId, payerId: string, now: Date = new Date()): Promise<boolean> {
  const payer = await db.payer.findFirst({
    where: { id: payerId, merchantId },
    select: { id: true },
  });
  if (!payer) return false;
  await db.payer.updateMany({
    where: { id: payer.id, merchantId, remindersStoppedAt: null },
    data: { remindersStoppedAt: now },
  });
  return true;
}

/** The first of `locales` a product has a title in, else any of its titles. */
function titleIn(translations: ReadonlyArray<{ locale: string; title: string }>, locales: readonly string[]): string {
  for (const locale of locales) {
    const found = translations.find((t) => t.locale === locale);
    if (found) return found.title;
  }
  return translations[0]?.title ?? "";
}
