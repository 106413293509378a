/**
 * How a refund's money is found and where it goes. Pure and integer-only; table-tested in
 * refund-plan.test.ts.
 *
 * What a line is worth: its total less its share of the order's coupon discounts (coupons
 * discount the goods only, never gift cards), split over the goods lines in proportion to their
 * totals by the largest remainder, and then over the line's units the same way (unit i is worth
 * floor((i+1)·net/q) − floor(i·net/q)), so refunding every unit of every line, in any steps, gives
 * back exactly the order's total.
 *
 * Where it goes: back to what paid, in the reverse order of use. Checkout uses gift cards, then
 * points, then store credit (lib/pricing/tenders.ts TENDER_ORDER) and the card payment last, so a
 * refund gives back to the card payment first, then store credit, then points, then gift cards:
 * the buyer's own money comes back first, and the merchant's instruments only when the refund
 * reaches them. When the merchant refunds to store credit, the card payment's share goes to the
 * customer's store credit instead of the card; the tenders always go back to themselves.
 */

/** Everything an order can give back in all: what its tenders and its payment provider took (nothing for a waived payment). */
export function refundableTotalCents(order: { tenderedCents: number; amountDueCents: number; paymentWaived: boolean }): number {
  return order.tenderedCents + (order.paymentWaived ? 0 : order.amountDueCents);
}

export interface RefundableLine {
  id: string;
  /** Gift cards are never discounted by coupons. */
  giftCard: boolean;
  totalCents: number;
  quantity: number;
  /** Units given back by earlier refunds (pending or settled). */
  refundedQuantity: number;
}

/**
 * What each line is worth after the order's discounts: `discountCents` split over the non-gift-card
 * lines in proportion to their totals (largest remainder; ties to the earlier line).
 */
export function netLineTotals(lines: readonly RefundableLine[], discountCents: number): Map<string, number> {
  const goods = lines.filter((line) => !line.giftCard);
  const goodsTotal = goods.reduce((sum, line) => sum + line.totalCents, 0);
  const net = new Map(lines.map((line) => [line.id, line.totalCents]));
  if (discountCents <= 0 || goodsTotal <= 0) return net;
  const discount = Math.min(discountCents, goodsTotal);
  const shares = goods.map((line, index) => {
    const exact = discount * line.totalCents;
    return { id: line.id, index, share: Math.floor(exact / goodsTotal), remainder: exact % goodsTotal };
  });
  let left = discount - shares.reduce((sum, s) => sum + s.share, 0);
  for (const s of [...shares].sort((a, b) => b.remainder - a.remainder || a.index - b.index)) {
    if (left === 0) break;
    s.share += 1;
    left -= 1;
  }
  for (const s of shares) net.set(s.id, net.get(s.id)! - s.share);
  return net;
}

/** What units from..from+count of a line worth `netCents` over `quantity` units are worth. */
export function unitsValue(netCents: number, quantity: number, from: number, count: number): number {
  const at = (units: number) => Math.floor((units * netCents) / quantity);
  return at(from + count) - at(from);
}

export type LinesRefusal = { ok: false; reason: "unknownLine" | "tooManyUnits" | "nothingToRefund"; lineId?: string };

/**
 * The amount of a refund of some units of some lines (after the units earlier refunds gave back),
 * with each line's part. Refuses a line that is not the order's or more units than are left.
 */
export function linesRefund(
  lines: readonly RefundableLine[],
  discountCents: number,
  request: ReadonlyArray<{ lineId: string; quantity: number }>,
): { ok: true; amountCents: number; lines: Array<{ lineId: string; quantity: number; amountCents: number }> } | LinesRefusal {
  const net = netLineTotals(lines, discountCents);
  const byId = new Map(lines.map((line) => [line.id, line]));
  const parts: Array<{ lineId: string; quantity: number; amountCents: number }> = [];
  for (const { lineId, quantity } of request) {
    if (quantity === 0) continue;
    const line = byId.get(lineId);
    if (!line || parts.some((p) => p.lineId === lineId)) return { ok: false, reason: "unknownLine", lineId };
    if (!Number.isSafeInteger(quantity) || quantity < 0 || quantity > line.quantity - line.refundedQuantity) {
      return { ok: false, reason: "tooManyUnits", lineId };
    }
    parts.push({ lineId, quantity, amountCents: unitsValue(net.get(lineId)!, line.quantity, line.refundedQuantity, quantity) });
  }
  if (parts.length === 0) return { ok: false, reason: "nothingToRefund" };
  return { ok: true, amountCents: parts.reduce((sum, p) => sum + p.amountCents, 0), lines: parts };
}

/** One thing that paid for the order, with what refunds gave back of it so far. */
export interface RefundSource {
  kind: "PAYMENT" | "GIFT_CARD" | "LOYALTY_POINTS" | "STORE_CREDIT";
  /** The order's tender; null for the card payment. */
  tenderId: string | null;
  paidCents: number;
  refundedCents: number;
  /** LOYALTY_POINTS: the points it spent. */
  points?: number;
  /** Within a kind, the order checkout used them in (gift cards: by card id); given back in reverse. */
  useOrder?: string;
}

export interface PlannedShare {
  /** Where the money goes. */
  kind: "PAYMENT" | "GIFT_CARD" | "LOYALTY_POINTS" | "STORE_CREDIT";
  tenderId: string | null;
  amountCents: number;
  /** LOYALTY_POINTS: the points given back. */
  points: number | null;
}

export type RefundPlan =
  | { ok: true; shares: PlannedShare[] }
  | { ok: false; reason: "nothingToRefund" | "moreThanRefundable"; refundableCents: number };

/** The order in which refunds give back: the reverse of the order in which checkout used them. */
const GIVE_BACK_ORDER: ReadonlyArray<RefundSource["kind"]> = ["PAYMENT", "STORE_CREDIT", "LOYALTY_POINTS", "GIFT_CARD"];

/** The points a points tender gives back once `refundedCents` of its `paidCents` are refunded. */
function pointsBackAt(points: number, paidCents: number, refundedCents: number): number {
  return refundedCents >= paidCents ? points : Math.floor((points * refundedCents) / paidCents);
}

/**
 * Splits `amountCents` over the sources in the give-back order (the card payment, store credit,
 * points, gift cards in the reverse of their use order), each taking at most what it has left to give back.
 * Refuses 0, a negative or fractional amount, and more than the order has left to refund.
 */
export function planRefund(amountCents: number, sources: readonly RefundSource[], toStoreCredit: boolean): RefundPlan {
  const refundableCents = sources.reduce((sum, s) => sum + Math.max(0, s.paidCents - s.refundedCents), 0);
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0 || refundableCents === 0) {
    return { ok: false, reason: refundableCents === 0 ? "nothingToRefund" : "moreThanRefundable", refundableCents };
  }
  if (amountCents > refundableCents) return { ok: false, reason: "moreThanRefundable", refundableCents };
  const ordered = [...sources].sort((a, b) => {
    const [x, y] = [a.useOrder ?? "", b.useOrder ?? ""];
    return GIVE_BACK_ORDER.indexOf(a.kind) - GIVE_BACK_ORDER.indexOf(b.kind) || (y < x ? -1 : y > x ? 1 : 0);
  });
  const shares: PlannedShare[] = [];
  let left = amountCents;
  for (const source of ordered) {
    if (left === 0) break;
    const take = Math.min(left, Math.max(0, source.paidCents - source.refundedCents));
    if (take === 0) continue;
    left -= take;
    const points =
      source.kind === "LOYALTY_POINTS"
        ? pointsBackAt(source.points ?? 0, source.paidCents, source.refundedCents + take) - pointsBackAt(source.points ?? 0, source.paidCents, source.refundedCents)
        : null;
    const kind = source.kind === "PAYMENT" && toStoreCredit ? "STORE_CREDIT" : source.kind;
    shares.push({ kind, tenderId: source.tenderId, amountCents: take, points });
  }
  return { ok: true, shares };
}
