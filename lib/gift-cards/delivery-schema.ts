import { z } from "zod";
import { cleanString } from "@/lib/input";
import { formEmailSchema } from "@/lib/onboarding/schema";

/*
 * The merchant's forms on a card of an order (lib/gift-cards/delivery-actions.ts): each issue's
 * message is a key under `GiftCards.delivery.refusals`.
 */

const cardId = cleanString({ error: "notFound" }).trim().min(1, "notFound").max(64, "notFound").regex(/^[a-z0-9]+$/i, "notFound");

/** Change the recipient of a card whose email has not gone out. */
export const changeRecipientSchema = z.object({
  cardId,
  name: cleanString({ error: "required" }).trim().min(1, "required").max(120, "nameTooLong"),
  email: formEmailSchema({ missing: "required", tooLong: "emailTooLong" }),
});
export type ChangeRecipientInput = z.infer<typeof changeRecipientSchema>;

/** Send a card's delivery email again. */
export const resendDeliverySchema = z.object({ cardId });
