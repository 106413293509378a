/**
 * Checkout under contention, through the real order-placement code (lib/checkout placeOrder):
 * N guest carts, each holding 2 units of one product with stock 100 and one coupon limited to 50
 * uses, all placed at once. Prints one JSON line with the outcome counts, what the database
 * holds afterwards, and orders per second.
 *
 *   tsx --import ./scripts/lib/server-only-hook.mjs scripts/bench/contention.ts <storeSlug> <checkouts>
 *
 * Needs DATABASE_URL and AUTH_SECRET (run by scripts/bench/run.ts).
 */
import { randomUUID } from "node:crypto";
import { placeOrder } from "@/lib/checkout/mutations";
import { db, disconnectDb } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { storeAddress } from "@/lib/tenancy/urls";

const COUPON_LIMIT = 50;
const STOCK = 100;
const UNITS_PER_CART = 2;

async function main() {
  const [slug = "bench-1", countArg = "200"] = process.argv.slice(2);
  const checkouts = Number(countArg);
  const store = await db.store.findUniqueOrThrow({
    where: { slug },
    select: { id: true, merchantId: true, name: true, currency: true },
  });
  const tag = randomUUID().slice(0, 8);
  const product = await db.product.create({
    data: {
      merchantId: store.merchantId,
      storeId: store.id,
      slug: `contended-${tag}`,
      priceCents: 2000,
      stock: STOCK,
      kind: "DIGITAL",
      visibility: "PUBLIC",
      translations: { create: [{ locale: "en", title: `Contended ${tag}` }] },
    },
    select: { id: true },
  });
  const coupon = await db.coupon.create({
    data: {
      merchantId: store.merchantId,
      storeId: store.id,
      code: `RUSH${tag.toUpperCase()}`,
      kind: "FIXED",
      amountCents: 500,
      totalLimit: COUPON_LIMIT,
    },
    select: { id: true },
  });
  const carts = await Promise.all(
    Array.from({ length: checkouts }, () =>
      db.cart.create({
        data: {
          merchantId: store.merchantId,
          storeId: store.id,
          lines: {
            create: [{ productId: product.id, quantity: UNITS_PER_CART }],
          },
          coupons: { create: [{ couponId: coupon.id }] },
        },
        select: { id: true },
      }),
    ),
  );

  const shop = {
    id: store.id as StoreId,
    merchantId: store.merchantId as MerchantId,
    name: store.name,
    currency: store.currency,
    target: storeAddress({ slug, defaultLocale: "en" }, { rootDomain: "localhost:3000", protocol: "http" }),
  };
  const started = performance.now();
  const results = await Promise.allSettled(
    carts.map((cart, i) =>
      placeOrder({
        store: shop,
        urls: { rootDomain: "localhost:3000", protocol: "http" },
        cartId: cart.id,
        customer: null,
        email: `rush-${tag}-${i}@bench.test`,
        shipping: null,
        idempotencyKey: randomUUID(),
        expectedTotalCents: null,
        locale: "en",
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;

  const outcomes: Record<string, number> = {};
  for (const r of results) {
    const key =
      r.status === "rejected"
        ? `error: ${r.reason instanceof Error ? r.reason.message.split("\n")[0] : String(r.reason)}`
        : r.value.ok
          ? "placed"
          : r.value.error === "couponNotQualified"
            ? `couponNotQualified:${r.value.coupon?.reason}`
            : r.value.error;
    outcomes[key] = (outcomes[key] ?? 0) + 1;
  }
  const [redemptions, remaining, sold, orders] = await Promise.all([
    db.couponRedemption.count({
      where: { couponId: coupon.id, status: "ACTIVE" },
    }),
    db.product.findUniqueOrThrow({
      where: { id: product.id },
      select: { stock: true },
    }),
    db.orderLine.aggregate({
      where: { productId: product.id },
      _sum: { quantity: true },
    }),
    db.order.count({ where: { lines: { some: { productId: product.id } } } }),
  ]);
  console.log(
    JSON.stringify({
      checkouts,
      seconds: Number(seconds.toFixed(3)),
      ordersPerSecond: Number((orders / seconds).toFixed(1)),
      outcomes,
      couponLimit: COUPON_LIMIT,
      redemptions,
      stock: STOCK,
      unitsSold: sold._sum.quantity ?? 0,
      stockLeft: remaining.stock,
      orders,
    }),
  );
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stopBoss(1_000).catch(() => undefined);
    await disconnectDb();
  });
