/**
 * Data the admin and report specs arrange straight in the e2e database: orders with known
 * totals and audit events (plain SQL, as in support/db.ts).
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { newId } from "./db";

type Queryable = Pick<pg.Pool, "query">;

/** A PAID order of one line placed now, with an optional coupon discount. Returns its number. */
export async function insertPaidOrder(
  db: Queryable,
  store: { id: string; merchantId: string },
  order: { email: string; title: string; unitPriceCents: number; quantity: number; coupon?: { code: string; amountCents: number } },
): Promise<string> {
  const id = newId();
  const number = `E2E-${randomUUID().slice(0, 6).toUpperCase()}`;
  const subtotal = order.unitPriceCents * order.quantity;
  const discount = order.coupon?.amountCents ?? 0;
  await db.query(
    `INSERT INTO "Order" (id, "merchantId", "storeId", number, email, locale, currency, status, "subtotalCents", "discountCents", "totalCents",
                          "amountDueCents", "paymentProvider", "idempotencyKey", "transactionId", "paidAt")
     VALUES ($1, $2, $3, $4, $5, 'en', 'EUR', 'PAID', $6, $7, $8, $8, 'TEST', $9, $9, now())`,
    [id, store.merchantId, store.id, number, order.email, subtotal, discount, subtotal - discount, randomUUID()],
  );
  await db.query(
    `INSERT INTO "OrderLine" (id, "orderId", title, kind, "unitPriceCents", quantity, "totalCents") VALUES ($1, $2, $3, 'PHYSICAL', $4, $5, $6)`,
    [newId(), id, order.title, order.unitPriceCents, order.quantity, subtotal],
  );
  if (order.coupon) {
    await db.query(`INSERT INTO "OrderDiscount" (id, "orderId", code, "amountCents") VALUES ($1, $2, $3, $4)`, [newId(), id, order.coupon.code, order.coupon.amountCents]);
  }
  return number;
}

/** An audit event of a merchant, as the app's mutations write them. */
export async function insertAuditEvent(db: Queryable, merchantId: string, action: string, targetId: string): Promise<void> {
  await db.query(`INSERT INTO "AuditEvent" (id, "merchantId", action, "targetType", "targetId") VALUES ($1, $2, $3, 'Coupon', $4)`, [newId(), merchantId, action, targetId]);
}
