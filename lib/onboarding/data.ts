import "server-only";
import { db } from "@/lib/db";
import type { MerchantId } from "@/lib/tenancy/types";

/** True when a store (of any merchant) already has this normalized slug. */
export async function slugIsTaken(slug: string): Promise<boolean> {
  return (await db.store.count({ where: { slug } })) > 0;
}

/** What the onboarding checklist of a merchant derives its state from. */
export async function findChecklistFacts(merchantId: MerchantId) {
  const [products, members, invitations, codes, domains, loyaltyPrograms, firstStore] = await Promise.all([
    db.product.count({ where: { merchantId, archivedAt: null } }),
    db.membership.count({ where: { merchantId } }),
    db.staffInvitation.count({ where: { merchantId } }),
    db.accessCode.count({ where: { merchantId } }),
    db.storeDomain.count({ where: { merchantId } }),
    db.loyaltyProgram.count({ where: { merchantId, status: "ACTIVE" } }),
    db.store.findFirst({ where: { merchantId }, select: { id: true }, orderBy: { createdAt: "asc" } }),
  ]);
  return { products, members, invitations, codes, domains, loyaltyPublished: loyaltyPrograms > 0, firstStoreId: firstStore?.id ?? null };
}
