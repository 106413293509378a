"use server";

import { revalidatePath } from "next/cache";
import { requirePlatformAdmin } from "@/lib/auth/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { invalidateStorefronts } from "@/lib/tenancy/storefront-cache";
import { sendSignInLink, setMerchantStatus, setPlatformAdmin, type AdminMutationResult } from "./mutations";
import { merchantStatusFormSchema, platformAdminFormSchema, userIdFormSchema } from "./schema";
import type { AdminActionState } from "./types";

/**
 * The admin area's form actions. Each one: platform admins only (403 otherwise), parse the form
 * (a malformed one writes nothing), one mutation (which audits), revalidate, a small result the
 * form translates.
 */

function stateOf(result: AdminMutationResult<Extract<AdminActionState, { status: "done" }>["reason"]>): AdminActionState {
  return result.ok ? { status: "done", reason: result.done } : { status: "error", reason: result.reason };
}

/** Suspend (status=SUSPENDED) or reactivate (status=ACTIVE) a merchant. */
export async function setMerchantStatusAction(_prev: AdminActionState, formData: FormData): Promise<AdminActionState> {
  const admin = await requirePlatformAdmin({ from: "/admin/merchants" });
  const parsed = merchantStatusFormSchema.safeParse({ merchantId: formData.get("merchantId"), status: formData.get("status") });
  if (!parsed.success) return { status: "error", reason: "invalid" };
  const result = await setMerchantStatus(admin.userId, parsed.data.merchantId, parsed.data.status);
  revalidatePath("/[locale]/admin", "layout");
  // Storefronts of a suspended merchant show the closed page from the next request on.
  if (result.ok) await invalidateStorefronts({ merchantId: parsed.data.merchantId });
  return stateOf(result);
}

/** Grant (admin=grant) or revoke (admin=revoke) the platform admin right; never the last one. */
export async function setPlatformAdminAction(_prev: AdminActionState, formData: FormData): Promise<AdminActionState> {
  const admin = await requirePlatformAdmin({ from: "/admin/users" });
  const parsed = platformAdminFormSchema.safeParse({ userId: formData.get("userId"), admin: formData.get("admin") });
  if (!parsed.success) return { status: "error", reason: "invalid" };
  const result = await setPlatformAdmin(admin.userId, parsed.data.userId, parsed.data.admin === "grant");
  revalidatePath("/[locale]/admin", "layout");
  return stateOf(result);
}

/** Emails the user a one-time sign-in link, in the language of the admin page that asked. */
export async function sendSignInLinkAction(_prev: AdminActionState, formData: FormData): Promise<AdminActionState> {
  const admin = await requirePlatformAdmin({ from: "/admin/users" });
  const parsed = userIdFormSchema.safeParse({ userId: formData.get("userId") });
  if (!parsed.success) return { status: "error", reason: "invalid" };
  const raw = formData.get("locale");
  const result = await sendSignInLink(admin.userId, parsed.data.userId, isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE);
  revalidatePath("/[locale]/admin", "layout");
  return stateOf(result);
}
