import { PAYMENT_MINIMUM_CENTS } from "@/lib/money";

/** Orders below the minimum charge (zero included) are completed without a payment step. */
export { PAYMENT_MINIMUM_CENTS };

export function needsPayment(totalCents: number): boolean {
  return totalCents >= PAYMENT_MINIMUM_CENTS;
}

/** A store's choice for small orders (the Store.smallOrderPolicy column). */
export type SmallOrderPolicy = "WAIVE" | "REFUSE";

/**
 * How checkout settles a total: `charge` it through the provider, complete it at once because
 * it is `free` (nothing is owed), complete it with the payment `waived` (above zero but below the
 * minimum charge, the store's default), or `refuse` it (the same, when the store refuses such
 * orders). Waived orders are marked on the order and kept out of revenue in reports.
 */
export function settleTotal(totalCents: number, policy: SmallOrderPolicy): "charge" | "free" | "waived" | "refuse" {
  if (needsPayment(totalCents)) return "charge";
  if (totalCents <= 0) return "free";
  return policy === "REFUSE" ? "refuse" : "waived";
}
