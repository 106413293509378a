import "server-only";
import { randomUUID } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { db, type Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import type { TemplateData } from "@/lib/email/templates/registry";
import { isLocale } from "@/lib/locales";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import type { ChangeRecipientInput } from "./delivery-schema";
import { deliveryEmailKey } from "./issue";

export type DeliveryChangeResult = { ok: true } | { ok: false; reason: "notFound" | "alreadyDelivered" | "noEmail" | "scheduled" };

interface Actor {
  merchantId: MerchantId;
  storeId: StoreId;
  userId: string;
}

/** The card of the store (an order's PURCHASE or BONUS card), locked; null when it is not the store's. */
async function lockCard(tx: Tx, actor: Actor, cardId: string) {
  const [card] = await tx.$queryRaw<{ id: string; deliveryEmailId: string | null; recipientName: string | null; recipientEmail: string | null }[]>`
    SELECT id, "deliveryEmailId", "recipientName", "recipientEmail" FROM "GiftCard"
    WHERE id = ${cardId} AND "merchantId" = ${actor.merchantId} AND "storeId" = ${actor.storeId} AND "orderId" IS NOT NULL
    FOR UPDATE`;
  return card ?? null;
}

/** The card's delivery email, locked (the worker holds the same lock while it sends). */
async function lockEmail(tx: Tx, merchantId: MerchantId, emailId: string) {
  const [email] = await tx.$queryRaw<{ id: string; status: string; sendAfter: Date | null; template: string; locale: string; data: unknown }[]>`
    SELECT id, status::text AS status, "sendAfter", template, locale, data FROM "EmailMessage"
    WHERE id = ${emailId} AND "merchantId" = ${merchantId}
    FOR UPDATE`;
  return email ?? null;
}

/**
 * Gives a card another recipient before it is delivered: only while its delivery email is still
 * QUEUED and waiting for a day ahead. The card and that outbox row (its recipient and the name it
 * greets) change together, under both rows' locks, so the worker either sends to the new
 * recipient or has already sent (then: alreadyDelivered, nothing changes). Audited.
 */
export async function changeCardRecipient(actor: Actor, input: ChangeRecipientInput, now: Date = new Date()): Promise<DeliveryChangeResult> {
  return db.$transaction(async (tx) => {
    const card = await lockCard(tx, actor, input.cardId);
    if (!card) return { ok: false, reason: "notFound" } as const;
    const email = card.deliveryEmailId ? await lockEmail(tx, actor.merchantId, card.deliveryEmailId) : null;
    if (!email || email.status !== "QUEUED" || !email.sendAfter || email.sendAfter <= now) return { ok: false, reason: "alreadyDelivered" } as const;
    await tx.giftCard.updateMany({
      where: { id: card.id, merchantId: actor.merchantId },
      data: { recipientName: input.name, recipientEmail: input.email, updatedAt: now },
    });
    const data = { ...(email.data as Record<string, unknown>), recipientName: input.name };
    await tx.emailMessage.updateMany({ where: { id: email.id, merchantId: actor.merchantId }, data: { to: input.email, data, updatedAt: now } });
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: "giftCard.recipient.change",
      targetType: "GiftCard",
      targetId: card.id,
    });
    return { ok: true } as const;
  });
}

/**
 * Sends a card's delivery email again, to the card's current recipient: a new outbox row from
 * the last delivery's data (the code lives only there) with a key of its own, which becomes the
 * card's delivery email. Refused while the delivery still waits for its day. Audited.
 */
export async function resendCardDelivery(actor: Actor, cardId: string, now: Date = new Date()): Promise<DeliveryChangeResult> {
  return db.$transaction(async (tx) => {
    const card = await lockCard(tx, actor, cardId);
    if (!card) return { ok: false, reason: "notFound" } as const;
    const email = card.deliveryEmailId ? await lockEmail(tx, actor.merchantId, card.deliveryEmailId) : null;
    if (!email || email.template !== "gift-card-delivery" || !isLocale(email.locale) || !card.recipientEmail) return { ok: false, reason: "noEmail" } as const;
    if (email.status === "QUEUED" && email.sendAfter && email.sendAfter > now) return { ok: false, reason: "scheduled" } as const;
    const original = email.data as TemplateData<"gift-card-delivery">;
    const resent = await enqueueEmail(
      {
        to: card.recipientEmail,
        template: "gift-card-delivery",
        locale: email.locale,
        merchantId: actor.merchantId,
        idempotencyKey: `${deliveryEmailKey(card.id)}:resend:${randomUUID()}`,
        data: { ...original, recipientName: card.recipientName ?? original.recipientName ?? null },
      },
      tx,
    );
    await tx.giftCard.updateMany({ where: { id: card.id, merchantId: actor.merchantId }, data: { deliveryEmailId: resent.id, updatedAt: now } });
    await recordAuditEvent(tx, {
      merchantId: actor.merchantId,
      actorUserId: actor.userId,
      action: "giftCard.delivery.resend",
      targetType: "GiftCard",
      targetId: card.id,
    });
    return { ok: true } as const;
  });
}
