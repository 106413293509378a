import "server-only";
import { db } from "@/lib/db";
import type { MerchantId } from "@/lib/tenancy/types";

/**
 * Gives a user signing in on a storefront a Customer row at the store's merchant, once per
 * (merchant, email): an existing guest row with that email is linked to the user instead.
 * Safe under concurrent sign-ins (ON CONFLICT DO NOTHING, then a conditional link).
 */
export async function ensureCustomer(input: { merchantId: MerchantId; userId: string; email: string; locale?: string }) {
  await db.customer.createMany({
    data: [{ merchantId: input.merchantId, userId: input.userId, email: input.email, preferredLocale: input.locale ?? null }],
    skipDuplicates: true,
  });
  await db.customer.updateMany({
    where: { merchantId: input.merchantId, email: input.email, userId: null },
    data: { userId: input.userId },
  });
}
