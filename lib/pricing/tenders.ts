/**
 * Tenders: what pays part of an order before the payment provider does (gift-card balance,
 * store credit, loyalty points). Each kind implements the same small shape: an id (the card,
 * the credit account, the loyalty card) and the amount it can give, in the order's minor units
 * (a points tender converts its points before pricing sees it). Pricing only decides how much each
 * takes; taking it is the tender's hold at checkout.
 */
export type TenderKind = "GIFT_CARD" | "STORE_CREDIT" | "LOYALTY_POINTS";

/**
 * The fixed order in which tenders pay: money the buyer has already paid for and that may
 * expire (gift cards) first; then points, which pay a reward's fixed value that the buyer chose;
 * then store credit, which is divided to the cent and so fills what is left exactly.
 */
export const TENDER_ORDER: readonly TenderKind[] = ["GIFT_CARD", "LOYALTY_POINTS", "STORE_CREDIT"];

/** `tenders` sorted in the order they pay (TENDER_ORDER), for lists that show them. */
export function inTenderOrder<T extends { kind: TenderKind }>(tenders: readonly T[]): T[] {
  return [...tenders].sort((a, b) => TENDER_ORDER.indexOf(a.kind) - TENDER_ORDER.indexOf(b.kind));
}

export interface Tender {
  kind: TenderKind;
  id: string;
  /** What this tender can give, in minor units of the order's currency. */
  availableCents: number;
}

export interface AppliedTender {
  kind: TenderKind;
  id: string;
  /** What this tender takes of the order (0 when the tenders before it covered everything). */
  amountCents: number;
}

export interface TenderedTotal {
  /** Every tender, in the order they were applied. */
  tenders: AppliedTender[];
  tenderedCents: number;
  /** What remains for the payment provider: never below zero. */
  amountDueCents: number;
}

/**
 * Applies tenders to a total. Pure and integer-only.
 *
 * Rules (table-tested in tenders.test.ts):
 * 1. Tenders apply in TENDER_ORDER by kind, then by id, whatever order they are given in, so the
 *    cart, the checkout page and the checkout transaction always agree.
 * 2. Each takes the smaller of what it has and what is still due: the amount due never goes
 *    below zero, and a tender after the total is covered takes 0 (and is still reported).
 * 3. A negative or fractional total or amount, or the same tender twice, is a programming error
 *    (RangeError), never a discount.
 */
export function applyTenders(totalCents: number, tenders: readonly Tender[]): TenderedTotal {
  if (!Number.isSafeInteger(totalCents) || totalCents < 0) throw new RangeError("Invalid total for tenders");
  const seen = new Set<string>();
  for (const tender of tenders) {
    if (!Number.isSafeInteger(tender.availableCents) || tender.availableCents < 0) {
      throw new RangeError(`Invalid available amount for tender ${tender.kind} ${tender.id}`);
    }
    const key = `${tender.kind}:${tender.id}`;
    if (seen.has(key)) throw new RangeError(`Tender ${key} given twice`);
    seen.add(key);
  }

  const ordered = [...tenders].sort(
    (a, b) => TENDER_ORDER.indexOf(a.kind) - TENDER_ORDER.indexOf(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  let due = totalCents;
  const applied: AppliedTender[] = [];
  for (const tender of ordered) {
    const amountCents = Math.min(tender.availableCents, due);
    due -= amountCents;
    applied.push({ kind: tender.kind, id: tender.id, amountCents });
  }
  return { tenders: applied, tenderedCents: totalCents - due, amountDueCents: due };
}
