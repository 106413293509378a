import type { GiftCardOffer } from "@/lib/gift-cards/rules";

/**
 * How a gift-card product's price reads in a listing or on its page: its fixed amounts, or
 * "from" its smallest amount when the buyer chooses one. `from` is the translated "from {price}".
 */
export function giftCardPriceText(
  offer: GiftCardOffer,
  money: (cents: number) => string,
  from: (price: string) => string,
): string {
  if (offer.kind === "fixed") return offer.amounts.map(money).join(" · ");
  return from(money(offer.minCents));
}
