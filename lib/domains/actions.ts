"use server";

import { revalidatePath } from "next/cache";
import { requirePlatformAdmin, requireStoreAccess } from "@/lib/auth/loaders";
import type { StoreAccess } from "@/lib/auth/types";
import { env } from "@/lib/env";
import { addDomain, removeDomain, verifyDomain, type DomainActor } from "./mutations";
import { parseCustomDomain } from "./rules";
import type { DomainFormState } from "./types";

/**
 * Custom-domain actions. A store's domains are its owners' (managers: 403, other merchants:
 * 404); platform admins re-check any domain from /admin/domains. Bad input and failed checks
 * come back as translated codes.
 */

function actorOf(access: StoreAccess): DomainActor {
  return { merchantId: access.merchantId, storeId: access.store.id, userId: access.userId };
}

function idOf(formData: FormData): string | null {
  const raw = formData.get("domainId");
  return typeof raw === "string" && /^[a-z0-9]{1,64}$/i.test(raw) ? raw : null;
}

function revalidateDomains() {
  revalidatePath("/[locale]/account/m/[merchantId]/stores/[storeId]/domains", "page");
  revalidatePath("/[locale]/admin/domains", "page");
}

export async function addDomainAction(merchantId: string, storeId: string, _prev: DomainFormState, formData: FormData): Promise<DomainFormState> {
  const access = await requireStoreAccess(merchantId, storeId, "OWNER");
  const raw = formData.get("domain");
  const parsed = parseCustomDomain(typeof raw === "string" ? raw.slice(0, 300) : "", env().PLATFORM_ROOT_DOMAIN);
  if (!parsed.ok) return { status: "error", error: parsed.error };
  const result = await addDomain(actorOf(access), parsed.domain);
  if (!result.ok) return { status: "error", error: result.error };
  revalidateDomains();
  return { status: "done", done: "added" };
}

export async function verifyDomainAction(merchantId: string, storeId: string, _prev: DomainFormState, formData: FormData): Promise<DomainFormState> {
  const access = await requireStoreAccess(merchantId, storeId, "OWNER");
  const id = idOf(formData);
  if (!id) return { status: "error", error: "notFound" };
  const result = await verifyDomain({ merchantId: access.merchantId, storeId: access.store.id }, id, access.userId);
  revalidateDomains();
  return result.ok ? { status: "done", done: "verified" } : { status: "error", error: result.error };
}

export async function removeDomainAction(merchantId: string, storeId: string, _prev: DomainFormState, formData: FormData): Promise<DomainFormState> {
  const access = await requireStoreAccess(merchantId, storeId, "OWNER");
  const id = idOf(formData);
  if (!id || !(await removeDomain(actorOf(access), id))) return { status: "error", error: "notFound" };
  revalidateDomains();
  return { status: "done", done: "removed" };
}

/** Platform admins: check any domain again now. */
export async function recheckDomainAction(_prev: DomainFormState, formData: FormData): Promise<DomainFormState> {
  const admin = await requirePlatformAdmin({ from: "/admin/domains" });
  const id = idOf(formData);
  if (!id) return { status: "error", error: "notFound" };
  const result = await verifyDomain({ merchantId: null }, id, admin.userId);
  revalidateDomains();
  return result.ok ? { status: "done", done: "verified" } : { status: "error", error: result.error };
}
