/**
 * Loyalty inputs as zod schemas: the join form, the program and reward forms, the terminal.
 * Every schema turns raw form strings into typed values or field-level message keys
 * (translated under `Loyalty.errors.<key>`). Pure module.
 */
import { z } from "zod";
import { cleanMultilineString, cleanString, stripControlCharacters } from "@/lib/input";
import { checkEmailAddress } from "@/lib/email-address";
import { INTL_TAGS, LOCALES, type Locale } from "@/lib/locales";
import { currencyDigits, MAX_MINOR_UNITS, parseMoney } from "@/lib/money";
import { parseCardNumber } from "./card-number";
import { canPublish, MAX_MOVEMENT } from "./rules";

export type LoyaltyFieldError =
  | "required"
  | "invalidEmail"
  | "emailAccentedName"
  | "tooLong"
  | "invalidPhone"
  | "invalidDate"
  | "birthdayInFuture"
  | "termsRequired"
  | "invalidNumber"
  | "invalidUrl"
  | "invalidAmount"
  | "amountTooLarge"
  | "termsMissing"
  | "invalidCard"
  | "currencyNotOffered";

const text = (max: number, multiline = false) =>
  (multiline ? cleanMultilineString({ error: "tooLong" }) : cleanString({ error: "tooLong" }))
    .max(10_000)
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(z.string().max(max, "tooLong"));

// --- Birthday: typed in the locale's order (22/11/1990 or 22.11.1990), or ISO from a date input.

/** The order and separator of a numeric date in `locale`, e.g. { order: ["day","month","year"], separator: "." }. */
export function dateFormatOf(locale: Locale): { order: Array<"day" | "month" | "year">; separator: string } {
  const parts = new Intl.DateTimeFormat(INTL_TAGS[locale], { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }).formatToParts(
    new Date(Date.UTC(2026, 10, 22)),
  );
  const order = parts.filter((p) => p.type === "day" || p.type === "month" || p.type === "year").map((p) => p.type as "day" | "month" | "year");
  const separator = parts.find((p) => p.type === "literal")?.value ?? "/";
  return { order, separator };
}

/** A birthday as the locale writes it ("22.11.1990"), or "" for none. */
export function formatBirthday(date: Date | null, locale: Locale): string {
  if (!date) return "";
  const { order, separator } = dateFormatOf(locale);
  const values = { day: String(date.getUTCDate()).padStart(2, "0"), month: String(date.getUTCMonth() + 1).padStart(2, "0"), year: String(date.getUTCFullYear()) };
  return order.map((k) => values[k]).join(separator);
}

/**
 * A typed birthday as a UTC midnight date: the locale's order with ".", "/", "-" or spaces as
 * separators, or ISO "1990-11-22". Null when it is not a real calendar date.
 */
export function parseBirthday(raw: string, locale: Locale): Date | null {
  const value = raw.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    const pieces = value.split(/[./\-\s]+/);
    if (pieces.length !== 3 || pieces.some((p) => !/^\d{1,4}$/.test(p))) return null;
    const { order } = dateFormatOf(locale);
    const got = Object.fromEntries(order.map((k, i) => [k, Number(pieces[i])])) as Record<"day" | "month" | "year", number>;
    if (String(pieces[order.indexOf("year")]).length !== 4) return null;
    [y, m, d] = [got.year, got.month, got.day];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900) return null;
  return date;
}

// --- Join form

export const JOIN_FIELDS = ["email", "name", "phone", "birthday", "terms"] as const;
export type JoinField = (typeof JOIN_FIELDS)[number];

export interface JoinInput {
  email: string;
  name: string;
  phone: string | null;
  birthday: Date | null;
}

const PHONE = /^\+?[0-9 ()./-]{6,30}$/;

/** The storefront join form in `locale`; `today` (UTC midnight of the request's day) bounds birthdays. */
export function joinFormSchema(locale: Locale, today: Date) {
  return z
    .object({ email: text(254), name: text(120), phone: text(40), birthday: text(40), terms: z.string().optional() })
    .transform((raw, ctx): JoinInput => {
      const fail = (field: JoinField, message: LoyaltyFieldError) => ctx.addIssue({ code: "custom", path: [field], message });
      const checked = checkEmailAddress(raw.email);
      if (!checked.ok) fail("email", checked.problem === "emailTooLong" ? "tooLong" : checked.problem);
      const email = checked.ok ? checked.email : "";
      if (!raw.name) fail("name", "required");
      if (raw.phone && !PHONE.test(raw.phone)) fail("phone", "invalidPhone");
      let birthday: Date | null = null;
      if (raw.birthday) {
        birthday = parseBirthday(raw.birthday, locale);
        if (!birthday) fail("birthday", "invalidDate");
        else if (birthday.getTime() > today.getTime()) fail("birthday", "birthdayInFuture");
      }
      if (raw.terms !== "on") fail("terms", "termsRequired");
      return { email, name: raw.name, phone: raw.phone || null, birthday };
    });
}

// --- Program form

/** The form field of the terms in `locale`. */
export const termsField = (locale: Locale) => `termsText_${locale}` as const;
export type TermsField = ReturnType<typeof termsField>;

export const PROGRAM_FIELDS = [
  ...["type", "pointsPerUnit", "welcomeBonus", "stampsPerVisit", "cooldownMinutes", "dailyCap", "termsUrl", "publish"] as const,
  ...LOCALES.map(termsField),
];
/** A form field, or "termsText" for the terms as a whole (publishing without any). */
export type ProgramField = (typeof PROGRAM_FIELDS)[number] | "termsText";

/** Terms by locale; a locale without its own text has no key. */
export type TermsTexts = Partial<Record<Locale, string>>;

export interface ProgramInput {
  type: "POINTS" | "STAMPS";
  pointsPerUnit: number | null;
  welcomeBonus: number;
  stampsPerVisit: number | null;
  cooldownMinutes: number;
  dailyCap: number | null;
  termsTexts: TermsTexts;
  termsUrl: string | null;
  status: "DRAFT" | "ACTIVE";
}

const termsShape = Object.fromEntries(LOCALES.map((l) => [termsField(l), text(5000, true)])) as Record<TermsField, ReturnType<typeof text>>;

export const programFormSchema = z
  .object({
    type: z.enum(["POINTS", "STAMPS"], { error: "required" }),
    pointsPerUnit: text(12),
    welcomeBonus: text(12),
    stampsPerVisit: text(12),
    cooldownMinutes: text(12),
    dailyCap: text(12),
    ...termsShape,
    termsUrl: text(2048),
    publish: z.string({ error: "required" }).optional(),
  })
  .transform((raw, ctx): ProgramInput => {
    const fail = (field: ProgramField, message: LoyaltyFieldError) => {
      ctx.addIssue({ code: "custom", path: [field], message });
      return null;
    };
    const whole = (field: ProgramField, value: string, opts: { required: boolean; min: number; max: number }): number | null => {
      if (!value) return opts.required ? fail(field, "required") : null;
      if (!/^\d{1,9}$/.test(value) || Number(value) < opts.min || Number(value) > opts.max) return fail(field, "invalidNumber");
      return Number(value);
    };
    const points = raw.type === "POINTS";
    const pointsPerUnit = points ? whole("pointsPerUnit", raw.pointsPerUnit, { required: true, min: 1, max: 1000 }) : null;
    const stampsPerVisit = points ? null : whole("stampsPerVisit", raw.stampsPerVisit, { required: true, min: 1, max: 100 });
    const welcomeBonus = whole("welcomeBonus", raw.welcomeBonus, { required: false, min: 0, max: MAX_MOVEMENT }) ?? 0;
    const cooldownMinutes = whole("cooldownMinutes", raw.cooldownMinutes, { required: false, min: 0, max: 7 * 24 * 60 }) ?? 0;
    const dailyCap = whole("dailyCap", raw.dailyCap, { required: false, min: 1, max: MAX_MOVEMENT });
    let termsUrl: string | null = raw.termsUrl || null;
    if (termsUrl && !z.url({ protocol: /^https?$/ }).safeParse(termsUrl).success) termsUrl = fail("termsUrl", "invalidUrl");
    const termsTexts: TermsTexts = Object.fromEntries(LOCALES.flatMap((l) => (raw[termsField(l)] ? [[l, raw[termsField(l)]]] : [])));
    const publish = raw.publish === "true";
    if (publish && !canPublish({ termsTexts, termsUrl: raw.termsUrl })) fail("termsText", "termsMissing");
    return { type: raw.type, pointsPerUnit, welcomeBonus, stampsPerVisit, cooldownMinutes, dailyCap, termsTexts, termsUrl, status: publish ? "ACTIVE" : "DRAFT" };
  });

// --- Reward form: a cost and a name per locale (at least one), descriptions optional, an online value

/** What a reward takes off an online order, in minor units of `currency`. */
export interface OnlineValue {
  valueCents: number;
  currency: string;
}

export interface RewardInput {
  cost: number;
  translations: Array<{ locale: Locale; name: string; description: string }>;
  /** Null: the reward is for the counter only. */
  online: OnlineValue | null;
}

const rewardText = (multiline: boolean) =>
  z.preprocess((v) => (typeof v === "string" ? stripControlCharacters(v, { multiline }).trim() : ""), z.string());

const onlineValueShape = { onlineValue: rewardText(false), onlineCurrency: rewardText(false) };

/**
 * An online value as typed ("5", "5,00") in a currency code; an empty amount is none. Whether the
 * merchant sells in that currency is the action's to check (it depends on their stores).
 */
function readOnlineValue(raw: { onlineValue: string; onlineCurrency: string }, ctx: z.RefinementCtx): OnlineValue | null {
  if (!raw.onlineValue) return null;
  const currency = raw.onlineCurrency.toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) {
    ctx.addIssue({ code: "custom", path: ["onlineCurrency"], message: "currencyNotOffered" });
    return null;
  }
  const parsed = parseSpend(raw.onlineValue.slice(0, 40), currencyDigits(currency), MAX_MINOR_UNITS);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", path: ["onlineValue"], message: parsed.error });
    return null;
  }
  return { valueCents: parsed.cents, currency };
}

/** The reward form: a whole cost within (0, MAX_MOVEMENT], a name in at least one language, an optional online value. Issues are `Loyalty.errors` keys. */
export const rewardFormSchema = z
  .object({
    cost: rewardText(false),
    ...onlineValueShape,
    ...(Object.fromEntries(LOCALES.flatMap((l) => [[`name_${l}`, rewardText(false)], [`description_${l}`, rewardText(true)]])) as Record<string, ReturnType<typeof rewardText>>),
  })
  .transform((fields, ctx): RewardInput => {
    const raw: Record<string, string> = fields;
    const cost = raw.cost ?? "";
    if (!/^\d{1,9}$/.test(cost) || Number(cost) < 1 || Number(cost) > MAX_MOVEMENT) ctx.addIssue({ code: "custom", path: ["cost"], message: cost ? "invalidNumber" : "required" });
    const translations = LOCALES.filter((l) => raw[`name_${l}`]).map((l) => ({ locale: l, name: raw[`name_${l}`]!.slice(0, 120), description: (raw[`description_${l}`] ?? "").slice(0, 500) }));
    if (translations.length === 0) ctx.addIssue({ code: "custom", path: ["name_en"], message: "required" });
    const online = readOnlineValue({ onlineValue: raw.onlineValue ?? "", onlineCurrency: raw.onlineCurrency ?? "" }, ctx);
    return { cost: Number(cost), translations, online };
  });

/**
 * The online value of an existing reward: an amount and a currency, or an empty amount for none.
 * The reward id is looked up within the merchant (an unknown one is `Errors.NOT_FOUND` there).
 */
export const rewardOnlineValueSchema = z
  .object({ rewardId: rewardText(false).pipe(z.string().max(64, "required")), ...onlineValueShape })
  .transform((raw, ctx) => ({ rewardId: raw.rewardId, online: readOnlineValue(raw, ctx) }));

/** The active switch of a reward on the program page; a malformed one is a reward that does not exist (`Errors.NOT_FOUND`). */
export const rewardActiveSchema = z.object({
  rewardId: cleanString({ error: "NOT_FOUND" }).trim().min(1).max(64).regex(/^[a-z0-9]+$/i),
  active: z.preprocess((v) => v === "true", z.boolean()),
});

// --- Terminal

export type LookupQuery = { kind: "number"; number: string } | { kind: "email"; email: string };

/** A terminal search: an email when it has an "@", else a card number. Null when it is neither. */
export function parseLookup(raw: string): LookupQuery | null {
  const value = raw.trim().slice(0, 254);
  if (value.includes("@")) {
    const checked = checkEmailAddress(value);
    return checked.ok ? { kind: "email", email: checked.email } : null;
  }
  const number = parseCardNumber(value);
  return number ? { kind: "number", number } : null;
}

/**
 * An amount the staff member typed ("12,50", "12.50", "12") in minor units of a currency with
 * `digits` decimals, within (0, MAX] units. Returns the field error otherwise.
 */
export function parseSpend(raw: string, digits: number, maxCents: number): { ok: true; cents: number } | { ok: false; error: LoyaltyFieldError } {
  const parsed = parseMoney(raw, digits, maxCents);
  if (!parsed.ok) return { ok: false, error: parsed.reason === "required" ? "required" : parsed.reason === "tooLarge" ? "amountTooLarge" : "invalidAmount" };
  if (parsed.cents <= 0) return { ok: false, error: "invalidAmount" };
  return { ok: true, cents: parsed.cents };
}

export const idSchema = cleanString().trim().min(1).max(64).regex(/^[a-z0-9]+$/i);
export const reasonSchema = cleanMultilineString({ error: "required" }).trim().min(1, "required").max(300, "tooLong");

/**
 * The terminal's earn form: no field for stamps (one visit), the amount spent for points, in
 * the store's currency (`digits` decimals), as integer minor units.
 */
export function earnFormSchema(digits: number) {
  return z.object({ spend: z.string({ error: "invalidAmount" }).optional() }).transform((raw, ctx) => {
    if (raw.spend === undefined) return { spendCents: null };
    const parsed = parseSpend(raw.spend.slice(0, 40), digits, MAX_MOVEMENT * 10 ** digits);
    if (parsed.ok) return { spendCents: parsed.cents };
    ctx.addIssue({ code: "custom", path: ["spend"], message: parsed.error });
    return z.NEVER;
  });
}

/** A manager's reversal of a movement: the reason, kept in the ledger. */
export const reverseFormSchema = z.object({ reason: z.preprocess((v) => (typeof v === "string" ? v.slice(0, 400) : v), reasonSchema) });

/** Redeeming takes nothing but the bound card and reward. */
export const redeemFormSchema = z.object({});
