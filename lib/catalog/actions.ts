"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireStoreAccess } from "@/lib/auth/loaders";
import type { StoreAccess } from "@/lib/auth/types";
import { invalidateStorefronts } from "@/lib/tenancy/storefront-cache";
import { localizedPath } from "@/lib/tenancy/urls";
import { PLATFORM_DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { archiveProduct, createProduct, updateProduct, type CatalogActor, type ProductWrite } from "./mutations";
import { catalogFieldErrors, productFormFields, productFormSchema, productIdSchema, readImageUploads } from "./schema";
import type { ProductFormState } from "./types";

/**
 * The product forms' server actions: bound to (merchantId, storeId[, productId]) by the page,
 * they parse the form (field errors, nothing written), pass the store gate with MANAGER (another
 * merchant's store: notFound; staff: forbidden), call one mutation, revalidate, and go back to
 * the product list.
 */

const TEXT_FIELDS = ["slug", "price", "stock", "kind", "visibility"] as const;

function typedValues(formData: FormData, access: StoreAccess): Record<string, string> {
  const names = [...TEXT_FIELDS, ...access.store.locales.flatMap((l) => [`title.${l}`, `description.${l}`])];
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = formData.get(name);
    if (typeof value === "string") out[name] = value.slice(0, 10_000);
  }
  return out;
}

function actorOf(access: StoreAccess): CatalogActor {
  return { merchantId: access.merchantId, storeId: access.store.id, userId: access.userId, defaultLocale: access.store.defaultLocale };
}

function localeOf(formData: FormData) {
  const raw = formData.get("locale");
  return isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
}

function productsPath(merchantId: string, storeId: string): string {
  return `/account/m/${encodeURIComponent(merchantId)}/stores/${encodeURIComponent(storeId)}/products`;
}

async function parseProductForm(
  access: StoreAccess,
  formData: FormData,
): Promise<{ ok: true; write: ProductWrite } | { ok: false; state: ProductFormState }> {
  const values = typedValues(formData, access);
  const parsed = productFormSchema(access.store).safeParse(productFormFields(formData, access.store.locales));
  if (!parsed.success) return { ok: false, state: { status: "error", fieldErrors: catalogFieldErrors(parsed.error), values } };
  const { images, digitalFile, ...input } = parsed.data;
  const uploads = await readImageUploads(images);
  if (!uploads) return { ok: false, state: { status: "error", fieldErrors: { images: "imageType" }, values } };
  const digital = digitalFile && input.kind === "DIGITAL" ? new Uint8Array(await digitalFile.arrayBuffer()) : null;
  return { ok: true, write: { input, images: uploads, digitalFile: digital } };
}

async function afterSave(access: StoreAccess, formData: FormData): Promise<never> {
  const path = productsPath(access.merchantId, access.store.id);
  revalidatePath(`/[locale]/account/m/[merchantId]/stores/[storeId]/products`, "layout");
  await invalidateStorefronts({ merchantId: access.merchantId, storeId: access.store.id });
  redirect(localizedPath(path, localeOf(formData), PLATFORM_DEFAULT_LOCALE));
}

export async function createProductAction(merchantId: string, storeId: string, _prev: ProductFormState, formData: FormData): Promise<ProductFormState> {
  const access = await requireStoreAccess(merchantId, storeId, "MANAGER");
  const parsed = await parseProductForm(access, formData);
  if (!parsed.ok) return parsed.state;
  const result = await createProduct(actorOf(access), parsed.write);
  if (!result.ok) {
    return result.reason === "invalid"
      ? { status: "error", fieldErrors: result.fieldErrors, values: typedValues(formData, access) }
      : { status: "error", formError: "notFound" };
  }
  return afterSave(access, formData);
}

export async function updateProductAction(
  merchantId: string,
  storeId: string,
  productId: string,
  _prev: ProductFormState,
  formData: FormData,
): Promise<ProductFormState> {
  const access = await requireStoreAccess(merchantId, storeId, "MANAGER");
  const id = productIdSchema.safeParse(productId);
  if (!id.success) return { status: "error", formError: "notFound" };
  const parsed = await parseProductForm(access, formData);
  if (!parsed.ok) return parsed.state;
  const result = await updateProduct(actorOf(access), id.data, parsed.write);
  if (!result.ok) {
    return result.reason === "invalid"
      ? { status: "error", fieldErrors: result.fieldErrors, values: typedValues(formData, access) }
      : { status: "error", formError: "notFound" };
  }
  return afterSave(access, formData);
}

export async function archiveProductAction(
  merchantId: string,
  storeId: string,
  productId: string,
  _prev: ProductFormState,
  formData: FormData,
): Promise<ProductFormState> {
  const access = await requireStoreAccess(merchantId, storeId, "MANAGER");
  const id = productIdSchema.safeParse(productId);
  if (!id.success) return { status: "error", formError: "notFound" };
  const result = await archiveProduct(actorOf(access), id.data);
  if (!result.ok) return { status: "error", formError: "notFound" };
  return afterSave(access, formData);
}
