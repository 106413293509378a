/**
 * The benchmark's data set, written straight into PostgreSQL with set-based SQL
 * (generate_series), so 100,000 orders take seconds rather than minutes. Deterministic: the same
 * scale gives the same rows (ids, slugs, prices), so runs compare.
 *
 * Layout: `merchants` merchants with `storesPerMerchant` stores each (slugs bench-1, bench-2, …,
 * English, EUR); products, customers and orders spread evenly over stores and merchants; every
 * order has one to three lines. The demo seed is not needed and not loaded.
 *
 * The caller owns the transaction (and runs ANALYZE afterwards): the benchmark commits, the
 * query-plan test rolls back.
 */
import type pg from "pg";

export interface Scale {
  merchants: number;
  storesPerMerchant: number;
  products: number;
  customers: number;
  orders: number;
  ledgerRows: number;
}

export const FULL: Scale = {
  merchants: 5,
  storesPerMerchant: 2,
  products: 20_000,
  customers: 50_000,
  orders: 100_000,
  ledgerRows: 200_000,
};
export const QUICK: Scale = {
  merchants: 5,
  storesPerMerchant: 2,
  products: 2_000,
  customers: 5_000,
  orders: 10_000,
  ledgerRows: 20_000,
};

/** Store `n` (1-based): its id, slug and merchant. */
export function benchStore(n: number, scale: Scale) {
  const merchant = Math.floor((n - 1) / scale.storesPerMerchant) + 1;
  return {
    id: `bstore${n}`,
    slug: `bench-${n}`,
    merchantId: `bmerchant${merchant}`,
  };
}

export async function generateDataset(client: pg.ClientBase, scale: Scale): Promise<void> {
  const stores = scale.merchants * scale.storesPerMerchant;
  const spm = scale.storesPerMerchant;
  const q = (sql: string, params: unknown[] = []) => client.query(sql, params);

  await q(`INSERT INTO "Merchant" (id, name) SELECT 'bmerchant' || m, 'Bench merchant ' || m FROM generate_series(1, $1::int) m`, [scale.merchants]);
  await q(
    `INSERT INTO "Store" (id, "merchantId", slug, name, currency, "defaultLocale", locales)
     SELECT 'bstore' || s, 'bmerchant' || ((s - 1) / $2::int + 1), 'bench-' || s, 'Bench store ' || s, 'EUR', 'en', ARRAY['en','fr','de','lb']
     FROM generate_series(1, $1::int) s`,
    [stores, spm],
  );
  // Products: round-robin over stores; every tenth hidden, every twentieth a draft; a tenth stocked.
  await q(
    `INSERT INTO "Product" (id, "merchantId", "storeId", slug, "priceCents", stock, kind, visibility, "createdAt")
     SELECT 'bprod' || p,
            'bmerchant' || ((((p - 1) % $2::int)) / $3::int + 1),
            'bstore' || ((p - 1) % $2::int + 1),
            'product-' || p,
            500 + (p * 37) % 19500,
            CASE WHEN p % 10 = 0 THEN 1000000 ELSE NULL END,
            CASE WHEN p % 7 = 0 THEN 'DIGITAL'::"ProductKind" ELSE 'PHYSICAL'::"ProductKind" END,
            CASE WHEN p % 20 = 0 THEN 'DRAFT'::"ProductVisibility" WHEN p % 10 = 5 THEN 'HIDDEN'::"ProductVisibility" ELSE 'PUBLIC'::"ProductVisibility" END,
            timestamptz '2026-01-01' + p * interval '1 minute'
     FROM generate_series(1, $1::int) p`,
    [scale.products, stores, spm],
  );
  await q(
    `INSERT INTO "ProductTranslation" ("productId", locale, title, description)
     SELECT 'bprod' || p, l.locale, l.prefix || ' ' || p, 'A product of the benchmark catalog, number ' || p || '.'
     FROM generate_series(1, $1::int) p
     CROSS JOIN (VALUES ('en', 'Product'), ('fr', 'Produit')) AS l(locale, prefix)`,
    [scale.products],
  );
  await q(
    `INSERT INTO "Customer" (id, "merchantId", email, name, "preferredLocale")
     SELECT 'bcust' || c, 'bmerchant' || ((c - 1) % $2::int + 1), 'customer' || c || '@bench.test', 'Customer ' || c, 'en'
     FROM generate_series(1, $1::int) c`,
    [scale.customers, scale.merchants],
  );
  // Orders: store o % stores, a customer of that store's merchant, paid over the past year.
  await q(
    `INSERT INTO "Order" (id, "merchantId", "storeId", number, "customerId", email, locale, currency, status,
                          "subtotalCents", "discountCents", "totalCents", "amountDueCents", "paymentProvider", "idempotencyKey",
                          "transactionId", "paidAt", "createdAt")
     SELECT 'border' || o, st.merchant, 'bstore' || st.s, lpad(((o - 1) / $2::int + 1)::text, 6, '0'),
            'bcust' || cu.c, 'customer' || cu.c || '@bench.test', 'en', 'EUR',
            CASE WHEN o % 50 = 0 THEN 'REFUNDED'::"OrderStatus" WHEN o % 3 = 0 THEN 'FULFILLED'::"OrderStatus" ELSE 'PAID'::"OrderStatus" END,
            0, 0, 0, 0, 'TEST', 'bench-' || o, 'bench-tx-' || o,
            timestamptz '2025-12-01' + (o % 365) * interval '1 day' + (o % 1440) * interval '1 minute',
            timestamptz '2025-12-01' + (o % 365) * interval '1 day' + (o % 1440) * interval '1 minute'
     FROM generate_series(1, $1::int) o
     CROSS JOIN LATERAL (SELECT (o - 1) % $2::int + 1 AS s, 'bmerchant' || (((o - 1) % $2::int) / $3::int + 1) AS merchant) st
     CROSS JOIN LATERAL (SELECT ((o * 7919) % ($4::int / $5::int)) * $5::int + (((o - 1) % $2::int) / $3::int) + 1 AS c) cu`,
    [scale.orders, stores, spm, scale.customers, scale.merchants],
  );
  // One to three lines per order, each a product of the order's store.
  await q(
    `INSERT INTO "OrderLine" (id, "orderId", "productId", title, kind, "unitPriceCents", quantity, "totalCents")
     SELECT 'bline' || o || '-' || l, 'border' || o, 'bprod' || p.id, 'Product ' || p.id, 'PHYSICAL', p.price, l, p.price * l
     FROM generate_series(1, $1::int) o
     CROSS JOIN LATERAL generate_series(1, 1 + o % 3) l
     CROSS JOIN LATERAL (
       SELECT ((((o * 31 + l * 17) % ($3::int / $2::int)) * $2::int) + (o - 1) % $2::int + 1) AS id
     ) pick
     CROSS JOIN LATERAL (SELECT pick.id, 500 + (pick.id * 37) % 19500 AS price) p`,
    [scale.orders, stores, scale.products],
  );
  // Loyalty: a published points program per merchant with three rewards, a card for every
  // customer, and EARN rows spread over the cards and the past year (balances are their sums).
  await q(
    `INSERT INTO "LoyaltyProgram" (id, "merchantId", type, status, "pointsPerUnit", "termsTexts")
     SELECT 'bprog' || m, 'bmerchant' || m, 'POINTS', 'ACTIVE', 1, '{"en": "One point per euro spent."}'::jsonb FROM generate_series(1, $1::int) m`,
    [scale.merchants],
  );
  await q(
    `INSERT INTO "LoyaltyReward" (id, "merchantId", "programId", cost)
     SELECT 'breward' || m || '-' || r, 'bmerchant' || m, 'bprog' || m, r * 100 FROM generate_series(1, $1::int) m CROSS JOIN generate_series(1, 3) r`,
    [scale.merchants],
  );
  await q(
    `INSERT INTO "LoyaltyRewardTranslation" ("rewardId", locale, name)
     SELECT 'breward' || m || '-' || r, 'en', r * 5 || ' € voucher' FROM generate_series(1, $1::int) m CROSS JOIN generate_series(1, 3) r`,
    [scale.merchants],
  );
  await q(
    `INSERT INTO "LoyaltyCard" (id, "merchantId", "customerId", number, "storeId")
     SELECT 'bcard' || c, 'bmerchant' || ((c - 1) % $2::int + 1), 'bcust' || c, 'BNCH-' || lpad(c::text, 8, '0'),
            'bstore' || (((c - 1) % $2::int) * $3::int + 1)
     FROM generate_series(1, $1::int) c`,
    [scale.customers, scale.merchants, spm],
  );
  await q(
    `INSERT INTO "LoyaltyLedger" (id, "merchantId", "cardId", kind, amount, "storeId", "spendCents", "createdAt", "transactionId")
     SELECT 'bledger' || l, 'bmerchant' || (((l - 1) % $2::int) % $3::int + 1), 'bcard' || ((l - 1) % $2::int + 1), 'EARN', 1 + l % 40,
            'bstore' || (((((l - 1) % $2::int) % $3::int)) * $4::int + 1), (1 + l % 40) * 100,
            timestamptz '2025-12-01' + (l % 365) * interval '1 day' + (l % 1440) * interval '1 minute', 'btx' || l
     FROM generate_series(1, $1::int) l`,
    [scale.ledgerRows, scale.customers, scale.merchants, spm],
  );
  await q(
    `UPDATE "LoyaltyCard" c SET balance = t.sum FROM (SELECT "cardId", sum(amount)::int AS sum FROM "LoyaltyLedger" GROUP BY "cardId") t WHERE c.id = t."cardId"`,
  );
  await q(`UPDATE "Store" s SET "lastOrderNumber" = o.n FROM (SELECT "storeId", count(*)::int AS n FROM "Order" GROUP BY "storeId") o WHERE o."storeId" = s.id`);
  await q(
    `UPDATE "Order" o SET "subtotalCents" = t.sum, "totalCents" = t.sum, "amountDueCents" = t.sum
     FROM (SELECT "orderId", sum("totalCents")::int AS sum FROM "OrderLine" WHERE "orderId" LIKE 'border%' GROUP BY "orderId") t
     WHERE o.id = t."orderId"`,
  );
}
