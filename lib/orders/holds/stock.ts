import "server-only";
import { isPurchasable } from "@/lib/cart/data";
import type { Tx } from "@/lib/db";
import type { ProductKind } from "@/lib/catalog/types";
import type { HoldRefusal, OrderHold, TakeContext } from "./types";

export interface StockClaim {
  /** The order's lines as priced; lines of unlimited products (stock null) are left out by take. */
  lines: ReadonlyArray<{
    productId: string;
    quantity: number;
    product: { title: string; priceCents: number; kind: ProductKind; stock: number | null };
  }>;
}

/**
 * Stock: a stocked product's units, taken from Product.stock. Released when the payment failed,
 * expired or never started; a refund puts back the units the merchant asked to restock (others
 * were shipped or downloaded). Unlimited products (stock null) are neither taken nor given back.
 */
export const stockHold: OrderHold<StockClaim> = {
  kind: "STOCK",

  async take(tx, ctx, claim) {
    const stocked = claim.lines.filter((l) => l.product.stock !== null).sort((a, b) => (a.productId < b.productId ? -1 : 1));
    for (const line of stocked) {
      const refused = await takeUnits(tx, ctx, line);
      if (refused) return refused;
    }
    return null;
  },

  async release(tx, ctx) {
    const lines = await tx.orderLine.findMany({
      where: { orderId: ctx.orderId, order: { merchantId: ctx.merchantId }, productId: { not: null } },
      select: { productId: true, quantity: true },
      orderBy: { productId: "asc" },
    });
    await putBack(tx, ctx.merchantId, ctx.at, lines as Array<{ productId: string; quantity: number }>);
  },

  async refund(tx, ctx) {
    await putBack(tx, ctx.merchantId, ctx.at, [...ctx.restock].sort((a, b) => (a.productId < b.productId ? -1 : 1)));
  },
};

/** Adds units back to stocked products of the merchant, in product id order. */
async function putBack(tx: Tx, merchantId: string, at: Date, lines: ReadonlyArray<{ productId: string; quantity: number }>): Promise<void> {
  for (const line of lines) {
    if (line.quantity <= 0) continue;
    // The merchant is in the where: a line never gives units to another merchant's product.
    await tx.$executeRaw`
      UPDATE "Product" SET stock = stock + ${line.quantity}, "updatedAt" = ${at}
      WHERE id = ${line.productId} AND "merchantId" = ${merchantId} AND stock IS NOT NULL`;
  }
}

/**
 * Takes a line's units from a stocked product whose price and availability are as read. A gift
 * card's price is its amount, which checkout checked against the product's offer: its listed
 * "from" price may change without the line's price changing.
 */
async function takeUnits(tx: Tx, ctx: TakeContext, line: StockClaim["lines"][number]): Promise<HoldRefusal | null> {
  const { product, quantity } = line;
  const taken = await tx.$executeRaw`
    UPDATE "Product" SET stock = stock - ${quantity}
    WHERE id = ${line.productId} AND "merchantId" = ${ctx.merchantId} AND stock >= ${quantity}
      AND ("priceCents" = ${product.priceCents} OR kind = 'GIFT_CARD') AND kind = ${product.kind}::"ProductKind"
      AND "archivedAt" IS NULL AND visibility <> 'DRAFT'`;
  if (taken === 1) return null;
  // Sold out by other orders, or the product changed since it was read: say which.
  const current = await tx.product.findFirst({
    where: { id: line.productId, merchantId: ctx.merchantId },
    select: { stock: true, visibility: true, archivedAt: true },
  });
  if (!current || !isPurchasable({ visibility: current.visibility, archived: current.archivedAt !== null })) {
    return { error: "unavailable", params: { title: product.title } };
  }
  if (current.stock !== null && current.stock < quantity) {
    return { error: "notEnoughStock", params: { title: product.title, available: Math.max(0, current.stock) } };
  }
  return { error: "priceChanged" };
}
