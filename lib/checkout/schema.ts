import { z } from "zod";
import { cleanString } from "@/lib/input";
import { checkEmailAddress } from "@/lib/email-address";

/*
 * Issue messages are keys under `Checkout.fieldErrors` (the place-order action's messages); an
 * issue zod raises itself (a wrong type, a tampered hidden field) is "invalid".
 */
const text = (max: number) => cleanString({ error: "required" }).trim().min(1, "required").max(max, "tooLong");
const optionalText = (max: number) =>
  z
    .string({ error: "invalid" })
    .trim()
    .max(max, "tooLong")
    .optional()
    .transform((v) => (v ? v : null));

export const shippingAddressSchema = z.object(
  {
    name: text(120),
    line1: text(200),
    line2: optionalText(200),
    postalCode: text(20),
    city: text(120),
    country: z
      .string({ error: "invalidCountry" })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "invalidCountry"),
  },
  { error: "invalid" },
);

export type ShippingAddress = z.infer<typeof shippingAddressSchema>;

/**
 * The "Place order" form. The email is required for guests and the address for carts with a
 * physical product: the mutation decides that (it knows the cart), so both stay optional here.
 * The idempotency key comes from the form, generated once per rendered checkout page.
 */
export const placeOrderSchema = z.object({
  idempotencyKey: z.string({ error: "invalid" }).regex(/^[A-Za-z0-9_-]{16,64}$/, "invalid"),
  email: z
    .string({ error: "invalid" })
    .trim()
    .max(254, "tooLong")
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const checked = checkEmailAddress(v);
      if (checked.ok) return checked.email;
      ctx.addIssue({ code: "custom", message: checked.problem === "emailAccentedName" ? checked.problem : "invalidEmail" });
      return z.NEVER;
    }),
  shipping: shippingAddressSchema.nullable(),
  /** The total the customer saw; a different total at commit means prices changed under them. */
  expectedTotalCents: z.coerce.number({ error: "invalid" }).int().min(0).max(1_000_000_000).nullable(),
  /** The amount due after gift cards the customer saw; a different one at commit refuses the order. */
  expectedAmountDueCents: z.coerce.number({ error: "invalid" }).int().min(0).max(1_000_000_000).nullable(),
  /**
   * The coupons the customer saw applied (ids, comma-separated): only these may refuse the order
   * when they stop qualifying. Absent: unknown (every attached coupon must qualify).
   */
  appliedCouponIds: z
    .string({ error: "invalid" })
    .max(2000, "invalid")
    .transform((v) => (v ? v.split(",") : []))
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "invalid"), { error: "invalid" }).max(50, "invalid"))
    .nullable(),
}, { error: "invalid" });

export type PlaceOrderFormInput = z.infer<typeof placeOrderSchema>;

/**
 * The "Place order" form as posted (flat field names such as "shipping.city"), for a buyer who
 * is signed in or not: a guest must give an email address (a customer's is on the account).
 */
export function placeOrderFormSchema(signedIn: boolean) {
  return z.preprocess(
    (fields) => placeOrderFormValues(fields),
    placeOrderSchema.superRefine((order, ctx) => {
      if (!signedIn && !order.email) ctx.addIssue({ code: "custom", path: ["email"], message: "required" });
    }),
  );
}

/** Reads the checkout form's fields (the address only when the form had one). */
export function placeOrderFormValues(form: FormData | unknown): Record<string, unknown> {
  const str = (name: string) => {
    const v = form instanceof FormData ? form.get(name) : typeof form === "object" && form !== null ? (form as Record<string, unknown>)[name] : undefined;
    return typeof v === "string" ? v : undefined;
  };
  const hasShipping = str("shipping.line1") !== undefined;
  return {
    idempotencyKey: str("idempotencyKey"),
    email: str("email"),
    shipping: hasShipping
      ? {
          name: str("shipping.name") ?? "",
          line1: str("shipping.line1") ?? "",
          line2: str("shipping.line2"),
          postalCode: str("shipping.postalCode") ?? "",
          city: str("shipping.city") ?? "",
          country: str("shipping.country") ?? "",
        }
      : null,
    expectedTotalCents: str("expectedTotalCents") ?? null,
    expectedAmountDueCents: str("expectedAmountDueCents") ?? null,
    appliedCouponIds: str("appliedCoupons") ?? null,
  };
}
