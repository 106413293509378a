import type { GiftCardStatus } from "@/lib/gift-cards/rules";
import { addDays, dayKey, startOfDayKey } from "@/lib/time";

/**
 * The rules of the merchant's gift-card area that need no database: the list's search and
 * filters, the expiry a manager may set, whether a card may be re-enabled, the merchant's
 * default expiry. Pure and table-tested (rules.test.ts).
 */

/** Cards per page of the list. */
export const GIFT_CARD_PAGE_SIZE = 25;
/** The longest search a list takes (longer text is cut). */
export const SEARCH_MAX = 100;
/** The longest default expiry a merchant may set, in months (50 years). */
export const MAX_EXPIRY_MONTHS = 600;

export const LIST_STATUSES = ["ACTIVE", "DISABLED", "EXPIRED", "USED_UP"] as const satisfies readonly GiftCardStatus[];

export interface ListQuery {
  /** What was typed in the search box, trimmed ("" for none). */
  q: string;
  /** The visible status to show only, or null for every card. */
  status: GiftCardStatus | null;
  /** From 1. */
  page: number;
}

const first = (value: string | readonly string[] | undefined): string | undefined => (typeof value === "string" || value === undefined ? value : value[0]);

/** The list's search params, whatever they hold: unknown statuses and pages fall back to the defaults. */
export function parseListQuery(params: Record<string, string | readonly string[] | undefined>): ListQuery {
  const q = (first(params.q) ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, SEARCH_MAX);
  const rawStatus = first(params.status);
  const status = LIST_STATUSES.find((s) => s === rawStatus) ?? null;
  const page = Number(first(params.page));
  return { q, status, page: Number.isSafeInteger(page) && page >= 1 && page <= 100_000 ? page : 1 };
}

/**
 * The last four characters a search may mean: four letters or digits, typed in any case, with
 * or without the dots the list shows ("•••• wv2d"). Null when the search cannot be a card's end.
 */
export function last4Of(q: string): string | null {
  const compact = q.replace(/[•\s*.-]/g, "").toUpperCase();
  return /^[0-9A-Z]{4}$/.test(compact) ? compact : null;
}

/** The instant a card chosen to be valid through `day` (in `timeZone`) expires: the next day's start. */
export function expiryOfDay(day: string, timeZone: string): Date {
  return startOfDayKey(addDays(day, 1), timeZone);
}

/** The last day a card is valid on, in `timeZone` (the day before its expiry instant). */
export function lastValidDay(expiresAt: Date, timeZone: string): string {
  return dayKey(new Date(expiresAt.getTime() - 1), timeZone);
}

export type ExtendRefusal = "expiredTaken" | "notLater" | "inPast";

/**
 * Whether a card's expiry may become `next` (null: never). An EXPIRED card has had its balance
 * taken by the expiry job (an EXPIRE row): it is not revived here. A new date must be in the
 * future and later than the current one; "never" is later than any date.
 */
export function extendRefusal(card: { status: GiftCardStatus; expiresAt: Date | null }, next: Date | null, now: Date): ExtendRefusal | null {
  if (card.status === "EXPIRED") return "expiredTaken";
  if (next !== null && next <= now) return "inPast";
  if (card.expiresAt === null) return "notLater";
  if (next !== null && next <= card.expiresAt) return "notLater";
  return null;
}

export type EnableRefusal = "notDisabled" | "expired";

/** Whether a disabled card may be enabled again: only while it has not expired. */
export function enableRefusal(card: { status: GiftCardStatus; expiresAt: Date | null }, now: Date): EnableRefusal | null {
  if (card.status !== "DISABLED") return "notDisabled";
  if (card.expiresAt !== null && card.expiresAt <= now) return "expired";
  return null;
}

/** The status a re-enabled card gets: ACTIVE while money is left on it, else USED_UP. */
export function statusWhenEnabled(balanceCents: number): "ACTIVE" | "USED_UP" {
  return balanceCents > 0 ? "ACTIVE" : "USED_UP";
}

/** Whether a card may be disabled: ACTIVE or USED_UP (a disabled or expired card stays as it is). */
export function canDisable(status: GiftCardStatus): boolean {
  return status === "ACTIVE" || status === "USED_UP";
}

/** The default expiry as the settings form shows it: none, N years when whole, else N months. */
export function expiryChoice(months: number | null): { unit: "none" | "months" | "years"; count: number | null } {
  if (months === null) return { unit: "none", count: null };
  return months % 12 === 0 ? { unit: "years", count: months / 12 } : { unit: "months", count: months };
}
