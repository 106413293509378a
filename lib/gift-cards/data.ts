import "server-only";
import { db } from "@/lib/db";
import type { MerchantId } from "@/lib/tenancy/types";
import { hashGiftCardCode } from "./code";
import type { CartGiftCard } from "./tender";

/**
 * The merchant's card with this code (compact, checked by parseGiftCardCode), or null. Found by
 * the code's hash only, and only within the merchant: a code of another merchant is unknown here.
 */
export async function findGiftCardByCode(merchantId: MerchantId, compactCode: string): Promise<CartGiftCard | null> {
  return db.giftCard.findFirst({
    where: { merchantId, codeHash: hashGiftCardCode(compactCode) },
    select: { id: true, last4: true, currency: true, balanceCents: true, status: true, expiresAt: true, lockedCustomerId: true },
  });
}
