import { createHash } from "node:crypto";
import { z } from "zod";
import { LOCALES, type Locale } from "@/lib/locales";
import { GIFT_CARD_MESSAGE_MAX } from "./rules";

/**
 * How one bought gift card is delivered, as the cart line (CartLine.giftCard) and then the order
 * line (OrderLine.giftCard) keep it. The product page's form validates it (with the store's
 * dates); this schema only reads stored JSON back.
 */
export interface GiftCardPurchase {
  /** Null: for the buyer, delivered to the buyer's email when the order is paid. */
  recipient: { name: string; email: string } | null;
  message: string | null;
  /** The delivery day in the store's time zone ("YYYY-MM-DD"); null: when the order is paid. */
  deliverOn: string | null;
  /** The language of the card's email and certificate. */
  locale: Locale;
}

export const storedPurchaseSchema = z.object({
  recipient: z.object({ name: z.string().min(1).max(120), email: z.string().min(3).max(254) }).nullable(),
  message: z.string().max(GIFT_CARD_MESSAGE_MAX).nullable(),
  deliverOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  locale: z.enum(LOCALES),
}) satisfies z.ZodType<GiftCardPurchase>;

/** Stored JSON as a purchase, or null when it is not one (a line of another kind). */
export function readPurchase(value: unknown): GiftCardPurchase | null {
  const parsed = storedPurchaseSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The cart line key of a gift card: cards of the same amount for the same delivery are one line
 * (a second one adds a unit); any difference makes a line of its own. Plain products use "".
 */
export function giftCardLineKey(amountCents: number, purchase: GiftCardPurchase): string {
  const canonical = JSON.stringify([amountCents, purchase.recipient?.name ?? null, purchase.recipient?.email ?? null, purchase.message, purchase.deliverOn, purchase.locale]);
  return createHash("sha256").update(canonical).digest("base64url").slice(0, 22);
}
