"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { loadCustomerSession } from "@/lib/auth/loaders";
import { currentCart } from "@/lib/cart/request";
import { isLocale } from "@/lib/i18n/locales";
import { orderPath } from "@/lib/orders/confirmation";
import { loadStorefront } from "@/lib/tenancy/loaders";
import { urlConfig } from "@/lib/tenancy/request";
import { localizedPath } from "@/lib/tenancy/urls";
import { placeOrderRecorded } from "./attempts";
import { placeOrderFormValues, placeOrderSchema } from "./schema";
import { cartReviewPath, isCartReviewReason, type CheckoutErrorCode } from "./types";

export interface CheckoutFormState {
  error: CheckoutErrorCode | "invalid" | "unexpected" | null;
  params?: Record<string, string | number>;
  /** Field-level problems as message keys under `Checkout.fieldErrors`. */
  fields?: Record<string, string>;
  /** What the buyer typed, to fill the form again. */
  values?: Record<string, string>;
}

/**
 * "Place order": parse the form, resolve the store from the request (the proxy's routing, not
 * the form), the customer from the session and the cart from the session or signed cookie,
 * place the order, then go to the payment page or straight to the confirmation.
 */
export async function placeOrderAction(_previous: CheckoutFormState, form: FormData): Promise<CheckoutFormState> {
  const slug = form.get("store");
  const locale = form.get("locale");
  if (typeof slug !== "string" || typeof locale !== "string" || !isLocale(locale)) return { error: "invalid" };
  const store = await loadStorefront(slug);
  if (!store.locales.includes(locale) || !store.isOpen) return { error: "invalid" };

  const raw = placeOrderFormValues(form);
  // Typed values go back to the form, so a refused order does not make the buyer retype them.
  const values: Record<string, string> = {};
  for (const name of ["email", "shipping.name", "shipping.line1", "shipping.line2", "shipping.postalCode", "shipping.city", "shipping.country"]) {
    const value = form.get(name);
    if (typeof value === "string") values[name] = value.slice(0, 300);
  }
  const parsed = placeOrderSchema.safeParse(raw);
  const customer = await loadCustomerSession(store.id);
  const fields: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.join(".");
      fields[key] ??= ["required", "tooLong", "invalidEmail", "emailAccentedName", "invalidCountry"].includes(issue.message) ? issue.message : "invalid";
    }
  }
  if (!customer && !values.email?.trim()) fields.email = "required";
  // Only a country the store ships to (the form offers no other).
  if (parsed.success && parsed.data.shipping && !store.shippingCountries.includes(parsed.data.shipping.country)) {
    fields["shipping.country"] = "invalidCountry";
  }
  if (!parsed.success || Object.keys(fields).length > 0) return { error: "invalid", fields, values };

  const cart = await currentCart(store, customer);
  let result: Awaited<ReturnType<typeof placeOrderRecorded>>;
  try {
    result = await placeOrderRecorded({
      store,
      urls: urlConfig(),
      cartId: cart?.cartId ?? "",
      customer: customer ? { customerId: customer.customerId, email: customer.email } : null,
      email: parsed.data.email,
      shipping: parsed.data.shipping,
      idempotencyKey: parsed.data.idempotencyKey,
      expectedTotalCents: parsed.data.expectedTotalCents,
      appliedCouponIds: parsed.data.appliedCouponIds,
      locale,
    });
  } catch (error) {
    // Nothing partial was written (the order commits in one transaction); say so instead of a 500.
    console.error("Placing an order failed:", error);
    return { error: "unexpected", values };
  }
  if (!result.ok && isCartReviewReason(result.error)) {
    // The cart changed under the buyer (a coupon stopped qualifying, stock ran out, a price moved):
    // back to the cart, which shows each line's and each coupon's state and says why they are there.
    redirect(cartReviewPath(localizedPath("/cart", locale, store.defaultLocale), result.error));
  }
  if (!result.ok) {
    const fields: Record<string, string> | undefined =
      result.error === "emailRequired" ? { email: "required" } : result.error === "shippingRequired" ? { "shipping.line1": "required" } : undefined;
    return { error: result.error, params: result.params, fields, values };
  }
  // The storefront header counts the cart, which is now checked out.
  revalidatePath("/[locale]/s/[store]", "layout");
  redirect(result.paymentUrl ?? localizedPath(orderPath(result.orderId), locale, store.defaultLocale));
}
