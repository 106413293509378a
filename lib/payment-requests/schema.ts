import { z } from "zod";
import { checkEmailAddress } from "@/lib/email-address";
import { cleanMultilineString, cleanString, stripControlCharacters } from "@/lib/input";
import { LOCALES, type Locale } from "@/lib/locales";
import { parseMoney } from "@/lib/money";
import { isCalendarDate } from "@/lib/reports/period";
import { PAYMENT_REQUEST_STATUSES, type PaymentRequestStatus } from "./lifecycle";

/**
 * The forms of payment requests. Field problems are keys under `PaymentRequests.errors`. What
 * depends on the database (the store and its currency's decimals, its products, whether an email
 * is a customer's, today in the store's zone) is checked by the mutations, with the same keys.
 */

export type RequestFieldError =
  | "required"
  | "tooLong"
  | "invalidEmail"
  | "invalidAmount"
  | "amountTooLarge"
  | "belowMinimum"
  | "invalidQuantity"
  | "invalidDate"
  | "dateInPast"
  | "noLines"
  | "unknownStore"
  | "unknownProduct"
  | "notCustomer"
  | "duplicateReference"
  | "invalidChoice";

/** Lines one request holds at most (the form offers this many rows). */
export const MAX_REQUEST_LINES = 20;
/** The most one request may ask for, in minor units (1,000,000.00 in a two-decimal currency). */
export const MAX_REQUEST_CENTS = 100_000_000;
export const MAX_QUANTITY = 999;
export const NOTE_MAX = 1000;
export const TITLE_MAX = 200;
export const NAME_MAX = 120;
export const REFERENCE_MAX = 60;

const text = (v: unknown, max: number) => (typeof v === "string" ? v.slice(0, max + 1) : "");
const single = (max: number) => z.preprocess((v) => text(v, max), cleanString()).transform((v) => v.trim());

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface RequestLineInput {
  /** The form row it came from (`line.<row>.…`): refusals name that row's fields. */
  row: number;
  /** A catalog product of the store (its title is used when the line has none). */
  productId: string | null;
  title: string;
  /** As typed: read in the store's currency by the mutation. */
  amount: string;
  quantity: number;
}

export interface CreateRequestInput {
  storeId: string;
  payerName: string;
  payerEmail: string | null;
  payerLocale: Locale;
  /** The email of the customer it is for, when it is not the payer. */
  forEmail: string | null;
  /** Empty: one is made up. */
  reference: string;
  dueOn: string | null;
  note: string | null;
  lines: RequestLineInput[];
  /** The form's key: a made-up reference is derived from it, so a resubmitted form bills once. */
  formKey: string;
}

/** The new-request form: `line.<i>.productId|title|amount|quantity` for i below MAX_REQUEST_LINES; empty rows are left out. */
export const createRequestSchema = z
  .looseObject({
    storeId: z.preprocess((v) => text(v, 64), cleanString()),
    payerName: single(NAME_MAX),
    payerEmail: single(260),
    payerLocale: z.preprocess((v) => text(v, 8), cleanString()),
    forEmail: single(260),
    reference: single(REFERENCE_MAX),
    dueOn: single(16),
    note: z.preprocess((v) => text(v, NOTE_MAX), cleanMultilineString()).transform((v) => v.trim()),
    formKey: z.preprocess((v) => text(v, 64), cleanString({ error: "required" }).regex(/^[A-Za-z0-9_-]{16,64}$/, "required")),
  })
  .transform((raw, ctx): CreateRequestInput => {
    const issue = (path: string, message: RequestFieldError) => ctx.addIssue({ code: "custom", path: [path], message });
    if (!ID.test(raw.storeId)) issue("storeId", "unknownStore");
    if (raw.payerName === "") issue("payerName", "required");
    else if (raw.payerName.length > NAME_MAX) issue("payerName", "tooLong");
    const payerEmail = optionalEmail(raw.payerEmail, () => issue("payerEmail", "invalidEmail"));
    const forEmail = optionalEmail(raw.forEmail, () => issue("forEmail", "invalidEmail"));
    const payerLocale = (LOCALES as readonly string[]).includes(raw.payerLocale) ? (raw.payerLocale as Locale) : null;
    if (!payerLocale) issue("payerLocale", "invalidChoice");
    if (raw.reference.length > REFERENCE_MAX) issue("reference", "tooLong");
    if (raw.dueOn !== "" && !isCalendarDate(raw.dueOn)) issue("dueOn", "invalidDate");
    if (raw.note.length > NOTE_MAX) issue("note", "tooLong");

    const lines: RequestLineInput[] = [];
    for (let i = 0; i < MAX_REQUEST_LINES; i++) {
      const field = (name: string, max: number) => stripControlCharacters(text(raw[`line.${i}.${name}`], max)).trim();
      const productId = field("productId", 64);
      const title = field("title", TITLE_MAX);
      const amount = field("amount", 32);
      const quantityText = field("quantity", 8);
      if (productId === "" && title === "" && amount === "") continue;
      if (productId !== "" && !ID.test(productId)) issue(`line.${i}.productId`, "unknownProduct");
      if (productId === "" && title === "") issue(`line.${i}.title`, "required");
      if (title.length > TITLE_MAX) issue(`line.${i}.title`, "tooLong");
      const parsed = parseMoney(amount, 3);
      if (amount === "") issue(`line.${i}.amount`, "required");
      else if (!parsed.ok) issue(`line.${i}.amount`, parsed.reason === "tooLarge" ? "amountTooLarge" : "invalidAmount");
      else if (parsed.cents <= 0) issue(`line.${i}.amount`, "invalidAmount");
      const quantity = quantityText === "" ? 1 : /^\d{1,3}$/.test(quantityText) ? Number(quantityText) : 0;
      if (quantity < 1 || quantity > MAX_QUANTITY) issue(`line.${i}.quantity`, "invalidQuantity");
      lines.push({ row: i, productId: productId || null, title, amount, quantity });
    }
    if (lines.length === 0) issue("line.0.title", "noLines");
    return {
      storeId: raw.storeId,
      payerName: raw.payerName,
      payerEmail,
      payerLocale: payerLocale ?? "en",
      forEmail,
      reference: raw.reference,
      dueOn: raw.dueOn || null,
      note: raw.note || null,
      lines,
      formKey: raw.formKey,
    };
  });

function optionalEmail(value: string, onInvalid: () => void): string | null {
  if (value === "") return null;
  const checked = checkEmailAddress(value);
  if (!checked.ok) {
    onInvalid();
    return null;
  }
  return checked.email;
}

const idField = z.preprocess((v) => text(v, 64), cleanString({ error: "notFound" }).regex(ID, "notFound"));

/** Cancelling a request, or making one of an unpaid order: the row's id only. */
export const requestIdSchema = z.object({ requestId: idField });
export const orderIdSchema = z.object({ orderId: idField });
export const payerIdSchema = z.object({ payerId: idField });

/** Reminder settings: every how many days ("off": none) and in how many reminders a request appears at most. */
export const REMINDER_INTERVALS = [7, 14, 30] as const;
export const MAX_REMINDERS_LIMIT = 12;
export const reminderSettingsSchema = z.object({
  interval: z
    .enum(["off", ...REMINDER_INTERVALS.map(String)] as [string, ...string[]], "invalidChoice")
    .transform((v) => (v === "off" ? null : Number(v))),
  maxReminders: z.preprocess(
    (v) => (typeof v === "string" && /^\d{1,2}$/.test(v.trim()) ? Number(v.trim()) : NaN),
    z.number("invalidChoice").int("invalidChoice").min(1, "invalidChoice").max(MAX_REMINDERS_LIMIT, "invalidChoice"),
  ),
});
export type ReminderSettingsInput = z.infer<typeof reminderSettingsSchema>;

/** The payer's pay page: the request, its link's token and, when the payer has no email, where the receipt goes. */
export const payRequestSchema = z.object({
  requestId: idField,
  token: z.preprocess((v) => text(v, 128), cleanString({ error: "notFound" }).min(1, "notFound")),
  email: single(260),
});

/** The unsubscribe page's button. */
export const stopRemindersSchema = z.object({
  payerId: idField,
  token: z.preprocess((v) => text(v, 128), cleanString({ error: "notFound" }).min(1, "notFound")),
});

export interface RequestListQuery {
  status: PaymentRequestStatus | "OUTSTANDING" | null;
  storeId: string | null;
  /** Part of a payer's name or email, or of a reference. */
  q: string;
}

/** The merchant list's filters, from search params (anything unknown is ignored). */
export function parseRequestListQuery(searchParams: Record<string, string | string[] | undefined>): RequestListQuery {
  const one = (key: string) => (typeof searchParams[key] === "string" ? (searchParams[key] as string) : "");
  const status = one("status");
  const storeId = one("store");
  return {
    status:
      status === "OUTSTANDING" || (PAYMENT_REQUEST_STATUSES as readonly string[]).includes(status) ? (status as RequestListQuery["status"]) : null,
    storeId: ID.test(storeId) ? storeId : null,
    q: one("q").trim().slice(0, 100),
  };
}
