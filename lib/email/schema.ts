import { z } from "zod";
import { checkEmailAddress } from "@/lib/auth/email-address";
import { normalizeEmail } from "@/lib/auth/schema";
import { LOCALES } from "@/lib/i18n/locales";
import { TEMPLATE_NAMES } from "./templates/registry";
import { EMAIL_STATUSES } from "./types";

/** A recipient: the forms' rules (lib/auth/email-address), canonical form. */
export const emailAddressSchema = z
  .string()
  .max(1_000)
  .refine((v) => checkEmailAddress(v).ok)
  .transform((v) => normalizeEmail(v));

/** The envelope of enqueueEmail; `data` is checked by the template's own schema afterwards. */
export const enqueueEmailSchema = z.object({
  to: emailAddressSchema,
  template: z.enum(TEMPLATE_NAMES),
  locale: z.enum(LOCALES),
  data: z.unknown(),
  merchantId: z.string().min(1).max(64).nullish(),
  // Resend accepts idempotency keys of up to 256 characters; a re-send appends a suffix.
  idempotencyKey: z.string().trim().min(1).max(200),
});

export const emailMessageIdSchema = z.string().trim().min(1).max(64);

export const resendEmailSchema = z.object({ id: emailMessageIdSchema });

/** The merchant filter's value for messages that belong to no merchant. */
export const NO_MERCHANT = "none";

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const emptyToUndefined = (value: unknown) => {
  const first = firstValue(value);
  return typeof first === "string" && first.trim() === "" ? undefined : first;
};

/** The outbox page's search params. Anything malformed is ignored rather than an error. */
export const mailboxFilterSchema = z.object({
  status: z.preprocess(emptyToUndefined, z.enum(EMAIL_STATUSES).optional()).catch(undefined),
  template: z.preprocess(emptyToUndefined, z.enum(TEMPLATE_NAMES).optional()).catch(undefined),
  merchant: z.preprocess(emptyToUndefined, z.string().trim().max(64).optional()).catch(undefined),
  recipient: z.preprocess(emptyToUndefined, z.string().trim().max(254).optional()).catch(undefined),
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(100_000)).catch(1),
});

export type MailboxFilter = z.infer<typeof mailboxFilterSchema>;

export const MAILBOX_FILTER_FIELDS = ["status", "template", "merchant", "recipient", "page"] as const;

/**
 * The filters that were given but could not be read (and so were ignored by mailboxFilterSchema),
 * so the page can say so instead of silently showing an unfiltered list.
 */
export function ignoredMailboxFilters(
  searchParams: Record<string, string | string[] | undefined>,
  filter: MailboxFilter,
): Array<(typeof MAILBOX_FILTER_FIELDS)[number]> {
  return MAILBOX_FILTER_FIELDS.filter((field) => {
    const given = firstValue(searchParams[field]);
    if (typeof given !== "string" || given.trim() === "") return false;
    return field === "page" ? String(filter.page) !== given.trim() : filter[field] === undefined;
  });
}
