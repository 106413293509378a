import { z } from "zod";
import { cleanString } from "@/lib/input";

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const blankToUndefined = (value: unknown) => {
  const v = first(value);
  return typeof v === "string" && v.trim() === "" ? undefined : v;
};

/** Ids of rows the admin pages act on (cuid()s; anything longer is not one of ours). */
export const adminIdSchema = cleanString().trim().min(1).max(64);

/** The merchant search: text (name, id, store name or slug), status, page. */
export const merchantSearchSchema = z.object({
  q: z.preprocess(blankToUndefined, cleanString().trim().max(200).optional()),
  status: z.preprocess(blankToUndefined, z.enum(["ACTIVE", "SUSPENDED"]).optional()),
  page: z.preprocess((v) => first(v) ?? "1", z.coerce.number().int().min(1).max(100_000)),
});
export type MerchantSearch = z.infer<typeof merchantSearchSchema>;

/** The user search: text (email, name or id), admins only, page. */
export const userSearchSchema = z.object({
  q: z.preprocess(blankToUndefined, cleanString().trim().max(254).optional()),
  admins: z.preprocess(blankToUndefined, z.literal("1").optional()),
  page: z.preprocess((v) => first(v) ?? "1", z.coerce.number().int().min(1).max(100_000)),
});
export type UserSearch = z.infer<typeof userSearchSchema>;

/**
 * The admin buttons' forms: hidden fields the page wrote, so every issue is one message,
 * `AdminArea.results.invalid` (the page is out of date or the request was tampered with).
 */
const formIdSchema = cleanString({ error: "invalid" }).trim().min(1).max(64);

export const merchantStatusFormSchema = z.object({
  merchantId: formIdSchema,
  status: z.enum(["ACTIVE", "SUSPENDED"], { error: "invalid" }),
});

export const platformAdminFormSchema = z.object({
  userId: formIdSchema,
  admin: z.enum(["grant", "revoke"], { error: "invalid" }),
});

export const userIdFormSchema = z.object({ userId: formIdSchema });

/** The order search: one exact value (number, email, transaction id or payment reference), an optional merchant, page. */
export const orderSearchSchema = z.object({
  q: z.preprocess(blankToUndefined, cleanString().trim().max(254).optional()),
  merchant: z.preprocess(blankToUndefined, adminIdSchema.optional()),
  page: z.preprocess((v) => first(v) ?? "1", z.coerce.number().int().min(1).max(100_000)),
});
export type OrderSearch = z.infer<typeof orderSearchSchema>;

/** The payment issues list: status, page. */
export const paymentIssueSearchSchema = z.object({
  status: z.preprocess(blankToUndefined, z.enum(["OPEN", "REFUNDED", "REFUND_FAILED"]).optional()),
  page: z.preprocess((v) => first(v) ?? "1", z.coerce.number().int().min(1).max(100_000)),
});
export type PaymentIssueSearch = z.infer<typeof paymentIssueSearchSchema>;
