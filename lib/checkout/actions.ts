"use server";

import { redirect } from "next/navigation";
import { fail, failFields, ok } from "@/lib/actions/pipeline";
import { storefrontAction } from "@/lib/auth/action-clients";
import { cacheTags } from "@/lib/cache";
import { currentCart } from "@/lib/cart/request";
import { formatMoney } from "@/lib/money";
import { orderPath } from "@/lib/orders/confirmation";
import { PAYMENT_MINIMUM_CENTS } from "@/lib/payments/minimum";
import { loadStorefront } from "@/lib/tenancy/loaders";
import { urlConfig } from "@/lib/tenancy/request";
import { localizedPath } from "@/lib/tenancy/urls";
import { placeOrderRecorded } from "./attempts";
import { placeOrderFormSchema } from "./schema";
import { cartReviewPath, isCartReviewReason } from "./types";

/**
 * "Place order", on the storefront client: the store comes from the request (the proxy's
 * routing, not the form), the customer from the session and the cart from the session or signed
 * cookie. Places the order, then goes to the payment page or straight to the confirmation. What
 * the buyer typed goes back to the form with a refusal, so they never retype it.
 */
export const placeOrderAction = storefrontAction({
  schema: (ctx) => placeOrderFormSchema(ctx.customer !== null),
  messages: "Checkout.fieldErrors",
  invalid: "Checkout.errors.invalid",
  handler: async (input, ctx) => {
    const store = await loadStorefront(ctx.store.slug);
    if (!store.locales.includes(ctx.locale) || !store.isOpen) return fail("Checkout.errors.invalid");
    // Only a country the store ships to (the form offers no other).
    if (input.shipping && !store.shippingCountries.includes(input.shipping.country)) {
      return failFields({ "shipping.country": "Checkout.fieldErrors.invalidCountry" }, "Checkout.errors.invalid");
    }

    const cart = await currentCart(store, ctx.customer);
    let result: Awaited<ReturnType<typeof placeOrderRecorded>>;
    try {
      result = await placeOrderRecorded({
        store,
        urls: urlConfig(),
        cartId: cart?.cartId ?? "",
        customer: ctx.customer ? { customerId: ctx.customer.customerId, email: ctx.customer.email } : null,
        email: input.email,
        shipping: input.shipping,
        idempotencyKey: input.idempotencyKey,
        expectedTotalCents: input.expectedTotalCents,
        expectedAmountDueCents: input.expectedAmountDueCents,
        appliedCouponIds: input.appliedCouponIds,
        locale: ctx.locale,
      });
    } catch (error) {
      // Nothing partial was written (the order commits in one transaction); say so instead of a 500.
      console.error("Placing an order failed:", error);
      return fail("Checkout.errors.unexpected");
    }
    if (!result.ok) {
      const reason = result.error;
      if (isCartReviewReason(reason)) {
        // The cart changed under the buyer (a coupon stopped qualifying, stock ran out, a price moved):
        // back to the cart, which shows each line's and each coupon's state and says why they are there.
        redirect(cartReviewPath(localizedPath("/cart", ctx.locale, store.defaultLocale), reason));
      }
      switch (reason) {
        case "emailRequired":
          return failFields({ email: "Checkout.fieldErrors.required" }, "Checkout.errors.emailRequired");
        case "shippingRequired":
          return failFields({ "shipping.line1": "Checkout.fieldErrors.required" }, "Checkout.errors.shippingRequired");
        case "belowPaymentMinimum":
          return fail("Checkout.errors.belowPaymentMinimum", { minimum: formatMoney(PAYMENT_MINIMUM_CENTS, store.currency, ctx.locale) });
        default:
          return fail(`Checkout.errors.${reason}`);
      }
    }
    // The new order shows in the merchant's area; the storefront header counts the cart, which is
    // now checked out.
    return ok(undefined, {
      invalidate: [cacheTags.store(store.id), cacheTags.account(store.merchantId)],
      redirectTo: result.paymentUrl ?? localizedPath(orderPath(result.orderId), ctx.locale, store.defaultLocale),
    });
  },
});
