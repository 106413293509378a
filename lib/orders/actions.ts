"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { cleanString } from "@/lib/input";
import { requireStoreAccess } from "@/lib/auth/loaders";
import { refundOrder } from "@/lib/payments/refunds";
import { fulfillOrder, type MerchantOrderResult } from "./mutations";

const schema = z.object({
  merchantId: cleanString().min(1).max(64),
  storeId: cleanString().min(1).max(64),
  orderId: cleanString().min(1).max(64),
});

export type OrderActionState = { result: MerchantOrderResult | null };

function parse(form: FormData) {
  return schema.safeParse({ merchantId: form.get("merchantId"), storeId: form.get("storeId"), orderId: form.get("orderId") });
}

/** Mark fulfilled: staff and above of the order's store. */
export async function fulfillOrderAction(_previous: OrderActionState, form: FormData): Promise<OrderActionState> {
  const parsed = parse(form);
  if (!parsed.success) return { result: { ok: false, error: "notFound" } };
  const access = await requireStoreAccess(parsed.data.merchantId, parsed.data.storeId, "STAFF");
  const result = await fulfillOrder(access.merchantId, access.store.id, parsed.data.orderId, access.userId);
  revalidatePath(`/[locale]/account/m/[merchantId]/stores/[storeId]/orders`, "layout");
  return { result };
}

/** Refund: managers and owners of the order's store. */
export async function refundOrderAction(_previous: OrderActionState, form: FormData): Promise<OrderActionState> {
  const parsed = parse(form);
  if (!parsed.success) return { result: { ok: false, error: "notFound" } };
  const access = await requireStoreAccess(parsed.data.merchantId, parsed.data.storeId, "MANAGER");
  const result = await refundOrder(access.merchantId, access.store.id, parsed.data.orderId, access.userId);
  revalidatePath(`/[locale]/account/m/[merchantId]/stores/[storeId]/orders`, "layout");
  return { result };
}
