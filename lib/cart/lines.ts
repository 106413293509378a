import { checkAmount, offerOf } from "@/lib/gift-cards/rules";
import type { PricingLine } from "@/lib/pricing/pricing";
import type { CartLineView } from "./types";

/** A cart line as pricing sees it: a gift card at its amount, out of the coupons' reach. */
export function pricingLine(line: CartLineView): PricingLine {
  return { productId: line.productId, title: line.product.title, unitPriceCents: line.unitPriceCents, quantity: line.quantity, giftCard: line.giftCard !== null };
}

/**
 * Why a line cannot be bought as it is because of what it is as a gift card: "unavailable" when
 * the product and the line no longer agree on being a gift card (or the product offers nothing),
 * "priceChanged" when the product no longer offers the line's amount. Null for a line that is fine
 * (plain lines: always).
 */
export function giftCardLineRefusal(line: Pick<CartLineView, "giftCard" | "product">): "unavailable" | "priceChanged" | null {
  const isGiftCard = line.product.kind === "GIFT_CARD";
  if (!isGiftCard) return line.giftCard ? "unavailable" : null;
  if (!line.giftCard) return "unavailable";
  const offer = offerOf(line.product);
  if (!offer) return "unavailable";
  return checkAmount(offer, line.giftCard.amountCents) ? "priceChanged" : null;
}
