import { z } from "zod";
import { fail, ok } from "@/lib/actions/pipeline";
import { cacheTags } from "@/lib/cache";

/**
 * What the merchant's order actions share (lib/orders/actions.ts fulfils, lib/payments/actions.ts
 * refunds): the form, a hidden order id; and the answer, an order that is not the store's being
 * `Orders.merchant.errors.notFound` with nothing changed.
 */

export const orderFormSchema = z.object({ orderId: z.string("notFound").regex(/^[a-z0-9]{1,64}$/i, "notFound") });

const REFUSALS = {
  notFound: "Orders.merchant.errors.notFound",
  invalidState: "Orders.merchant.errors.invalidState",
  refundFailed: "Orders.merchant.errors.refundFailed",
  nothingToRefund: "Orders.merchant.errors.nothingToRefund",
  moreThanRefundable: "Orders.merchant.errors.moreThanRefundable",
  unknownLine: "Orders.merchant.errors.unknownLine",
  tooManyUnits: "Orders.merchant.errors.tooManyUnits",
  giftCardUsed: "Orders.merchant.errors.giftCardUsed",
} as const;

export function merchantOrderOutcome(result: { ok: true } | { ok: false; error: keyof typeof REFUSALS }, ctx: { merchantId: string; store: { id: string } }) {
  if (!result.ok) return fail(REFUSALS[result.error]);
  return ok(undefined, { invalidate: [cacheTags.account(ctx.merchantId)] });
}
