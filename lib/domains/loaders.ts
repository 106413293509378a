import "server-only";
import { requirePlatformAdmin, requireStoreAccess } from "@/lib/auth/loaders";
import { env } from "@/lib/env";
import { listAllDomains, listStoreDomains } from "./data";
import { dnsTargets, verificationRecord } from "./rules";

function targets() {
  const e = env();
  return dnsTargets(e.PLATFORM_ROOT_DOMAIN, { cname: e.DOMAIN_CNAME_TARGET, a: e.DOMAIN_A_TARGET });
}

/** A store's domains with the DNS records each needs (owners only; others 403/404). */
export async function loadStoreDomains(merchantId: string, storeId: string) {
  const access = await requireStoreAccess(merchantId, storeId, "OWNER");
  const rows = await listStoreDomains(access.merchantId, access.store.id);
  return {
    access,
    targets: targets(),
    domains: rows.map((d) => ({ ...d, proof: verificationRecord(d.domain, d.verificationToken) })),
  };
}

/** Every custom domain of the platform with its state and last check (platform admins only). */
export async function loadAdminDomains() {
  await requirePlatformAdmin({ from: "/admin/domains" });
  return listAllDomains();
}
