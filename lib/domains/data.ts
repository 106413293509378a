import "server-only";
import { db } from "@/lib/db";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";

const domainSelect = {
  id: true,
  domain: true,
  status: true,
  verificationToken: true,
  verifiedAt: true,
  lastCheckedAt: true,
  lastError: true,
  createdAt: true,
} as const;

/** The custom domains of one store of a merchant. */
export function listStoreDomains(merchantId: MerchantId, storeId: StoreId) {
  return db.storeDomain.findMany({ where: { merchantId, storeId }, select: domainSelect, orderBy: { createdAt: "asc" } });
}

/** Every custom domain of the platform (platform admins only), newest first. */
export function listAllDomains() {
  return db.storeDomain.findMany({
    select: { ...domainSelect, store: { select: { name: true, slug: true } }, merchant: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
    take: 500,
  });
}
