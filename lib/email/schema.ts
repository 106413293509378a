import { z } from "zod";
import { cleanString } from "@/lib/input";
import { checkEmailAddress, normalizeEmail } from "@/lib/email-address";
import { LOCALES } from "@/lib/locales";
import { TEMPLATE_NAMES } from "./templates/registry";
import { EMAIL_STATUSES } from "./types";

/** A recipient: the forms' rules (lib/email-address.ts), canonical form. */
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
  merchantId: cleanString().min(1).max(64).nullish(),
  // Resend accepts idempotency keys of up to 256 characters; a re-send appends a suffix.
  idempotencyKey: cleanString().trim().min(1).max(200),
  /** Not sent before this time (a gift card's delivery date). */
  sendAfter: z.date().optional(),
});

export const emailMessageIdSchema = cleanString().trim().min(1).max(64);

/** "Send again": the message's id, a hidden field; anything else is `Mailbox.resend.invalid`. */
export const resendEmailSchema = z.object({ id: cleanString({ error: "invalid" }).trim().min(1).max(64) });

/** The merchant filter's value for messages that belong to no merchant. */
export const NO_MERCHANT = "none";

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const emptyToUndefined = (value: unknown) => {
  const first = firstValue(value);
  return typeof first === "string" && first.trim() === "" ? undefined : first;
};

/** A recipient filter is part of an address, which holds at most 254 characters. */
export const MAILBOX_RECIPIENT_MAX = 254;

/** The outbox page's search params. What cannot be read comes out undefined (see unreadableMailboxParams). */
export const mailboxFilterSchema = z.object({
  status: z.preprocess(emptyToUndefined, z.enum(EMAIL_STATUSES).optional()).catch(undefined),
  template: z.preprocess(emptyToUndefined, z.enum(TEMPLATE_NAMES).optional()).catch(undefined),
  merchant: z.preprocess(emptyToUndefined, cleanString().trim().max(64).optional()).catch(undefined),
  recipient: z.preprocess(emptyToUndefined, cleanString().trim().max(MAILBOX_RECIPIENT_MAX).optional()).catch(undefined),
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(100_000)).catch(1),
});

export type MailboxFilter = z.infer<typeof mailboxFilterSchema>;

/** The params that narrow the list (the page number does not). */
export const MAILBOX_FILTER_FIELDS = ["status", "template", "merchant", "recipient"] as const;
export type MailboxFilterField = (typeof MAILBOX_FILTER_FIELDS)[number];

/**
 * What was given in the URL but could not be read. A filter that cannot be applied refuses the
 * search (`refused`): listing every email instead would look like the filter's result. A page
 * number that cannot be read only falls back to page 1 (`pageIgnored`), which the page says.
 */
export function unreadableMailboxParams(
  searchParams: Record<string, string | string[] | undefined>,
  filter: MailboxFilter,
): { refused: MailboxFilterField[]; pageIgnored: boolean } {
  const given = (field: string) => {
    const value = firstValue(searchParams[field]);
    return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
  };
  const page = given("page");
  return {
    refused: MAILBOX_FILTER_FIELDS.filter((field) => given(field) !== null && filter[field] === undefined),
    pageIgnored: page !== null && String(filter.page) !== page,
  };
}
