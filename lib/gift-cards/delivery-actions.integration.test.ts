import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { IDLE } from "@/lib/actions/form-state";
import { closeRateLimitPool } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db";
import { addDays, todayKey } from "@/lib/time";
import { actAs, form as formOf, memberOf, outcome } from "@/tests/integration/actors";
import { createShop } from "@/tests/integration/checkout-fixtures";
import { discardEmails } from "@/tests/doubles/email";
import { createGiftCardOrder, payOrder } from "@/tests/integration/gift-card-order-fixtures";
import { changeCardRecipientAction, resendCardDeliveryAction } from "./delivery-actions";
import { hashGiftCardCode, parseGiftCardCode } from "./code";

vi.mock("@/lib/auth/index", () => import("@/tests/doubles/auth"));
vi.mock("next/headers", async () => {
  const { testHeaders } = await import("@/tests/doubles/auth");
  return { headers: async () => testHeaders() };
});
vi.mock("next/navigation", async () => (await import("@/tests/doubles/next-navigation")).navigationMock);
vi.mock("next-intl/server", () => ({ getLocale: async () => "en", getTranslations: async () => (key: string) => key }));

const started = new Date();
afterAll(async () => {
  await closeRateLimitPool();
  await discardEmails(["gift-card-delivery", "order-confirmation"], started);
});

beforeEach(() => actAs(null));

const refused = (code: string) => ({ status: "error", error: { key: `GiftCards.delivery.refusals.${code}` } });

/** A paid order of one card for Jos, delivered in `days` days (0: at once). */
async function paidCardOrder(days: number) {
  const shop = await createShop();
  const jos = `jos-${shop.tenant.tag}@example.test`;
  const deliverOn = days > 0 ? addDays(todayKey("Europe/Luxembourg"), days) : null;
  const order = await createGiftCardOrder(shop, [
    { amountCents: 3000, quantity: 1, purchase: { recipient: { name: "Jos", email: jos }, message: "Merci!", deliverOn, locale: "lb" } },
  ]);
  expect(await payOrder(order.id)).toBe("applied");
  const card = await db.giftCard.findFirstOrThrow({ where: { orderId: order.id }, select: { id: true, deliveryEmailId: true, codeHash: true } });
  return { shop, order, card, jos, ids: [shop.store.merchantId, shop.store.id] as const };
}

const emailOf = (id: string | null) =>
  db.emailMessage.findUniqueOrThrow({ where: { id: id! }, select: { id: true, to: true, data: true, status: true, sendAfter: true, locale: true, idempotencyKey: true } });

describe("a manager's actions on the gift cards of an order", () => {
  it("changes the recipient of a card before its day: the card and its waiting email both change, audited", async () => {
    const { shop, card, ids } = await paidCardOrder(5);
    const manager = await memberOf(shop.tenant, "MANAGER");
    await actAs(manager.email);
    const newEmail = `marie-${shop.tenant.tag}@example.test`;

    expect(await outcome(changeCardRecipientAction(...ids, IDLE, formOf({ cardId: card.id, name: "Marie", email: ` ${newEmail.toUpperCase()} ` })))).toEqual({ status: "ok", data: undefined });
    expect(await db.giftCard.findUniqueOrThrow({ where: { id: card.id }, select: { recipientName: true, recipientEmail: true } })).toEqual({ recipientName: "Marie", recipientEmail: newEmail });
    const email = await emailOf(card.deliveryEmailId);
    expect(email).toMatchObject({ to: newEmail, status: "QUEUED", sendAfter: expect.any(Date), data: { kind: "recipient", recipientName: "Marie" } });
    // The code stays the card's.
    const parsed = parseGiftCardCode((email.data as { code: string }).code);
    expect(parsed.ok && hashGiftCardCode(parsed.code)).toBe(card.codeHash);
    expect(await db.auditEvent.count({ where: { merchantId: shop.store.merchantId, action: "giftCard.recipient.change", targetId: card.id, actorUserId: manager.id } })).toBe(1);

    // Bad input: field refusals, nothing changes.
    const bad = await outcome(changeCardRecipientAction(...ids, IDLE, formOf({ cardId: card.id, name: "", email: "not-an-email" })));
    expect(bad).toMatchObject({ status: "error", fieldErrors: { name: { key: "GiftCards.delivery.refusals.required" }, email: { key: "GiftCards.delivery.refusals.invalidEmail" } } });
    expect((await emailOf(card.deliveryEmailId)).to).toBe(newEmail);

    // While it waits for its day, it cannot be sent again.
    expect(await outcome(resendCardDeliveryAction(...ids, IDLE, formOf({ cardId: card.id })))).toMatchObject(refused("scheduled"));
  });

  it("refuses a new recipient once the email went out, and sends it again to the card's recipient with a new key", async () => {
    const { shop, card, ids, jos } = await paidCardOrder(0);
    await actAs((await memberOf(shop.tenant, "OWNER")).email);
    const first = await emailOf(card.deliveryEmailId);
    expect(first).toMatchObject({ to: jos, sendAfter: null });

    expect(await outcome(changeCardRecipientAction(...ids, IDLE, formOf({ cardId: card.id, name: "Marie", email: "marie@example.test" })))).toMatchObject(refused("alreadyDelivered"));
    expect((await emailOf(card.deliveryEmailId)).to).toBe(jos);

    // Delivered: the manager sends it again.
    await db.emailMessage.update({ where: { id: first.id }, data: { status: "SENT", sentAt: new Date() } });
    expect(await outcome(resendCardDeliveryAction(...ids, IDLE, formOf({ cardId: card.id })))).toEqual({ status: "ok", data: undefined });
    const after = await db.giftCard.findUniqueOrThrow({ where: { id: card.id }, select: { deliveryEmailId: true } });
    expect(after.deliveryEmailId).not.toBe(first.id);
    const resent = await emailOf(after.deliveryEmailId);
    expect(resent).toMatchObject({ to: jos, status: "QUEUED", locale: "lb", sendAfter: null, data: first.data as object });
    expect(resent.idempotencyKey).not.toBe(first.idempotencyKey);
    expect(await db.auditEvent.count({ where: { merchantId: shop.store.merchantId, action: "giftCard.delivery.resend", targetId: card.id } })).toBe(1);
  });

  it("staff are forbidden, and another merchant finds nothing and changes nothing", async () => {
    const { shop, card, ids, jos } = await paidCardOrder(5);
    await actAs((await memberOf(shop.tenant, "STAFF")).email);
    const change = formOf({ cardId: card.id, name: "Eve", email: "eve@example.test" });
    expect(await outcome(changeCardRecipientAction(...ids, IDLE, change))).toBe("forbidden");

    const attacker = await createShop();
    await actAs((await memberOf(attacker.tenant, "OWNER")).email);
    expect(await outcome(changeCardRecipientAction(...ids, IDLE, change))).toBe("notFound");
    expect(await outcome(resendCardDeliveryAction(...ids, IDLE, formOf({ cardId: card.id })))).toBe("notFound");
    const own = [attacker.store.merchantId, attacker.store.id] as const;
    expect(await outcome(changeCardRecipientAction(...own, IDLE, change))).toMatchObject(refused("notFound"));
    expect(await outcome(resendCardDeliveryAction(...own, IDLE, formOf({ cardId: card.id })))).toMatchObject(refused("notFound"));
    expect(await outcome(resendCardDeliveryAction(...own, IDLE, formOf({ cardId: "x'; --" })))).toMatchObject({ status: "error" });

    expect((await emailOf(card.deliveryEmailId)).to).toBe(jos);
    expect(await db.giftCard.findUniqueOrThrow({ where: { id: card.id }, select: { recipientEmail: true } })).toEqual({ recipientEmail: jos });
    expect(await db.emailMessage.count({ where: { to: jos } })).toBe(1);
  });
});
