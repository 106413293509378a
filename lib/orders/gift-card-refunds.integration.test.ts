import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { debitCard } from "@/lib/gift-cards/ledger";
import { refundOrder } from "@/lib/payments/refunds";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { createShop } from "@/tests/integration/checkout-fixtures";
import { createGiftCardOrder, payOrder } from "@/tests/integration/gift-card-order-fixtures";
import { giftCardState } from "@/tests/integration/gift-card-fixtures";

const FOR_ME = { recipient: null, message: null, deliverOn: null, locale: "en" as const };

async function paidCards(quantity: number) {
  const shop = await createShop();
  const order = await createGiftCardOrder(shop, [{ amountCents: 2500, quantity, purchase: FOR_ME }]);
  expect(await payOrder(order.id)).toBe("applied");
  const line = await db.orderLine.findFirstOrThrow({ where: { orderId: order.id }, select: { id: true } });
  const cards = await db.giftCard.findMany({ where: { orderLineId: line.id }, select: { id: true }, orderBy: { unitIndex: "asc" } });
  expect(cards).toHaveLength(quantity);
  const ids = { merchantId: shop.store.merchantId as MerchantId, storeId: shop.store.id as StoreId };
  return { shop, order, line, cards, ...ids, refund: (request: Parameters<typeof refundOrder>[4]) => refundOrder(ids.merchantId, ids.storeId, order.id, shop.tenant.owner.id, request) };
}

describe("refunding gift cards an order bought", () => {
  it("takes the refunded cards back: their money is written off and they are disabled", async () => {
    const { cards, line, refund } = await paidCards(2);

    expect(await refund({ lines: [{ lineId: line.id, quantity: 1 }] })).toMatchObject({ ok: true });

    const states = await Promise.all(cards.map((c) => giftCardState(c.id)));
    // The last issued goes first; the other stays as it was.
    expect(states.map((s) => [s.status, s.balanceCents, s.ledgerSumCents])).toEqual([
      ["ACTIVE", 2500, 2500],
      ["DISABLED", 0, 0],
    ]);
    expect(states[1]!.rows.at(-1)).toMatchObject({ kind: "ADJUST", amountCents: -2500 });
  });

  it("refuses to refund a card that paid for something, and refunds an amount instead", async () => {
    const { shop, cards, line, order, refund } = await paidCards(1);
    await db.$transaction((tx) =>
      debitCard(tx, { merchantId: shop.store.merchantId as MerchantId, transactionId: randomUUID() }, cards[0]!.id, "REDEEM", 100),
    );

    expect(await refund({ lines: [{ lineId: line.id, quantity: 1 }] })).toEqual({ ok: false, error: "giftCardUsed" });
    expect(await refund({})).toEqual({ ok: false, error: "giftCardUsed" });
    expect(await db.refund.count({ where: { orderId: order.id } })).toBe(0);
    expect(await refund({ amountCents: 1000 })).toMatchObject({ ok: true });
    expect(await giftCardState(cards[0]!.id)).toMatchObject({ status: "ACTIVE", balanceCents: 2400 });
  });
});
