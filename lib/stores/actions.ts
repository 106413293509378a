"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { requireStoreAccess } from "@/lib/auth/loaders";
import { sniffImageType } from "@/lib/storage/keys";
import { invalidateStorefronts } from "@/lib/tenancy/storefront-cache";
import { updateStoreSettings } from "./mutations";
import { storeSettingsFieldErrors, storeSettingsFields, storeSettingsSchema } from "./schema";
import type { StoreSettingsFormState } from "./types";

function typed(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$")) out[k] = v.slice(0, 5000);
  return out;
}

/**
 * Saves a store's settings. Owners only (managers get 403, other merchants 404). Bad input gives
 * field errors and writes nothing; a file that claims to be an image but is not one is refused.
 */
export async function updateStoreSettingsAction(
  merchantId: string,
  storeId: string,
  _prev: StoreSettingsFormState,
  formData: FormData,
): Promise<StoreSettingsFormState> {
  const access = await requireStoreAccess(merchantId, storeId, "OWNER");
  const parsed = storeSettingsSchema(access.store).safeParse(storeSettingsFields(formData, access.store.locales));
  if (!parsed.success) return { status: "error", fieldErrors: storeSettingsFieldErrors(parsed.error), values: typed(formData) };
  let logo: { bytes: Uint8Array; type: NonNullable<ReturnType<typeof sniffImageType>> } | null = null;
  if (parsed.data.logo) {
    const bytes = new Uint8Array(await parsed.data.logo.arrayBuffer());
    const type = sniffImageType(bytes);
    if (!type) return { status: "error", fieldErrors: { logo: "imageType" }, values: typed(formData) };
    logo = { bytes, type };
  }
  const saved = await updateStoreSettings(
    { merchantId: access.merchantId, storeId: access.store.id, userId: access.userId, defaultLocale: access.store.defaultLocale, locales: access.store.locales },
    { ...parsed.data, logo },
  );
  if (!saved) notFound();
  revalidatePath("/[locale]/account/m/[merchantId]", "layout");
  await invalidateStorefronts({ merchantId: access.merchantId, storeId: access.store.id });
  return { status: "saved" };
}
