import { randomUUID } from "node:crypto";
import type pg from "pg";
import { newId, storeBySlug } from "./db";

/** A fresh FIXED coupon on the store `slug` with optional dates (a new row; demo rows stay untouched). */
export async function createDatedCoupon(
  db: pg.Pool,
  slug: string,
  options: { amountCents: number; startsAt?: Date | null; endsAt?: Date | null },
): Promise<{ id: string; code: string }> {
  const store = await storeBySlug(db, slug);
  const code = `E2E${randomUUID().slice(0, 8).toUpperCase()}`;
  const id = newId();
  await db.query(
    `INSERT INTO "Coupon" (id, "merchantId", "storeId", code, kind, "amountCents", "startsAt", "endsAt")
     VALUES ($1, $2, $3, $4, 'FIXED', $5, $6, $7)`,
    [id, store.merchantId, store.id, code, options.amountCents, options.startsAt ?? null, options.endsAt ?? null],
  );
  return { id, code };
}
