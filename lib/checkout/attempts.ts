import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { placeOrder, type PlaceOrderInput } from "./mutations";
import type { PlaceOrderResult } from "./types";

/**
 * "Place order", recorded: runs placeOrder with a transaction id of its own, then writes one
 * CheckoutAttempt row in a transaction of its own, so the row stays whatever the order's
 * transaction did (committed, refused and rolled back, or failed). The row holds the transaction
 * id, the total the buyer saw and the one computed (the order's, or the new price when it
 * changed), the outcome or the refusal reason, and the order when one was written (also for a
 * repeated key, and for an order cancelled because the payment could not start).
 *
 * Same trust as placeOrder; rethrows placeOrder's unexpected errors after recording them.
 */
export async function placeOrderRecorded(input: Omit<PlaceOrderInput, "transactionId">): Promise<PlaceOrderResult & { transactionId: string }> {
  const transactionId = randomUUID();
  let result: PlaceOrderResult | undefined;
  try {
    result = await placeOrder({ ...input, transactionId });
    return { ...result, transactionId };
  } finally {
    await recordCheckoutAttempt(input, transactionId, result).catch((error) =>
      console.error(`Checkout attempt ${transactionId} could not be recorded:`, error),
    );
  }
}

async function recordCheckoutAttempt(input: Omit<PlaceOrderInput, "transactionId">, transactionId: string, result: PlaceOrderResult | undefined) {
  const { store } = input;
  await db.$transaction(async (tx) => {
    // The order this press placed or found again; also one written and then cancelled because its
    // payment could not start.
    const order = await tx.order.findFirst({
      where: { merchantId: store.merchantId, storeId: store.id, idempotencyKey: input.idempotencyKey },
      select: { id: true, totalCents: true, transactionId: true },
    });
    const reason = !result
      ? "unexpected"
      : result.ok
        ? null
        : result.error === "couponNotQualified" && result.coupon
          ? `couponNotQualified:${result.coupon.reason}`
          : result.error;
    await tx.checkoutAttempt.create({
      data: {
        merchantId: store.merchantId,
        storeId: store.id,
        transactionId,
        idempotencyKey: input.idempotencyKey,
        cartId: input.cartId || null,
        email: input.customer?.email ?? input.email ?? null,
        expectedTotalCents: input.expectedTotalCents,
        computedTotalCents: order?.totalCents ?? (result && !result.ok ? (result.computedTotalCents ?? null) : null),
        outcome: !result ? "FAILED" : result.ok ? "PLACED" : "REFUSED",
        reason,
        orderId: order?.id ?? null,
      },
    });
  });
}
