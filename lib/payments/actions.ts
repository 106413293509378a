"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { cleanString } from "@/lib/input";
import { isLocale } from "@/lib/i18n/locales";
import { orderPath } from "@/lib/orders/confirmation";
import { findStoreOrder } from "@/lib/orders/data";
import { verifyOrderToken } from "@/lib/orders/tokens";
import { loadStorefront } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";
import { applyPaymentEvent } from "./mutations";
import { testPaymentRef, testPaymentsEnabled } from "./test-provider";

const schema = z.object({
  store: cleanString().min(1).max(100),
  locale: z.string().refine(isLocale),
  orderId: cleanString().min(1).max(64),
  token: cleanString().min(1).max(128),
  outcome: z.enum(["paid", "failed"]),
});

/**
 * The test provider's "Pay" and "Fail payment" buttons: the same event a Stripe webhook
 * delivers (handled once per event id), for the buyer holding the order's pay token only.
 * In production the test provider does not exist: nothing is applied, and the answer is a 404.
 */
export async function completeTestPaymentAction(form: FormData): Promise<void> {
  if (!testPaymentsEnabled()) notFound();
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw new Error("Bad test payment request");
  const { orderId, token, outcome } = parsed.data;
  const locale = parsed.data.locale as Parameters<typeof localizedPath>[1];
  const store = await loadStorefront(parsed.data.store);
  const order = await findStoreOrder(store.merchantId, store.id, orderId);
  if (!order || order.paymentProvider !== "TEST" || !verifyOrderToken(orderId, "pay", token)) {
    redirect(localizedPath("/", locale, store.defaultLocale));
  }
  const paymentRef = testPaymentRef(orderId);
  await applyPaymentEvent({ eventId: `${paymentRef}:${outcome}`, provider: "TEST", type: `test.payment.${outcome}`, paymentRef, orderId, outcome });
  // The storefront header counts the cart: checked out once paid, given back after a failure.
  revalidatePath("/[locale]/s/[store]", "layout");
  redirect(localizedPath(outcome === "paid" ? orderPath(orderId) : "/cart", locale, store.defaultLocale));
}
