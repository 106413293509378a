import "server-only";
import { cached, cacheTags } from "@/lib/cache";
import { db } from "@/lib/db";
import { isLocale, LOCALES, type Locale } from "@/lib/locales";
import type { MerchantId } from "@/lib/tenancy/types";
import type { TermsTexts } from "./schema";
import type { LoyaltyLedgerKind, LoyaltyProgramType } from "./types";

/** Reads of the loyalty domain. Every query has the merchant id in its `where`. */

export interface RewardView {
  id: string;
  cost: number;
  active: boolean;
  name: string;
  description: string;
}

export interface ProgramView {
  id: string;
  type: LoyaltyProgramType;
  status: "DRAFT" | "ACTIVE";
  pointsPerUnit: number | null;
  welcomeBonus: number;
  stampsPerVisit: number | null;
  cooldownMinutes: number;
  dailyCap: number | null;
  /** Every locale's terms (the merchant's form). */
  termsTexts: TermsTexts;
  /** The terms to show for the requested locale: its own text, else a fallback's; null when there is no text. */
  termsText: string | null;
  /** The locale termsText is written in: a page in another locale says it shows a fallback. */
  termsLocale: Locale | null;
  termsUrl: string | null;
  rewards: RewardView[];
}

type Translation = { locale: string; name: string; description: string };

function pickTranslation(translations: Translation[], locale: Locale, fallback?: Locale): Translation | undefined {
  return translations.find((t) => t.locale === locale) ?? (fallback && translations.find((t) => t.locale === fallback)) ?? translations.find((t) => t.locale === "en") ?? translations[0];
}

/** The stored terms column, keeping only known locales with a non-blank text. */
function termsTextsOf(value: unknown): TermsTexts {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const entries = Object.entries(value as Record<string, unknown>);
  return Object.fromEntries(entries.filter(([l, v]) => isLocale(l) && typeof v === "string" && v.trim() !== ""));
}

/** The locale whose terms a page in `locale` shows: its own, the store's default, English, then any. */
function pickTermsLocale(texts: TermsTexts, locale: Locale, fallback?: Locale): Locale | null {
  const order = [locale, fallback, "en", ...LOCALES].filter((l): l is Locale => !!l);
  return order.find((l) => texts[l] !== undefined) ?? null;
}

/** The merchant's program (draft or published) with its rewards named in `locale`, or null. */
export async function findProgram(merchantId: MerchantId, locale: Locale, fallback?: Locale, options: { activeRewardsOnly?: boolean } = {}): Promise<ProgramView | null> {
  const program = await db.loyaltyProgram.findUnique({
    where: { merchantId },
    select: {
      id: true,
      type: true,
      status: true,
      pointsPerUnit: true,
      welcomeBonus: true,
      stampsPerVisit: true,
      cooldownMinutes: true,
      dailyCap: true,
      termsTexts: true,
      termsUrl: true,
      rewards: {
        where: { merchantId, ...(options.activeRewardsOnly ? { active: true } : {}) },
        select: { id: true, cost: true, active: true, translations: { select: { locale: true, name: true, description: true } } },
        orderBy: [{ cost: "asc" }, { createdAt: "asc" }],
      },
    },
  });
  if (!program) return null;
  const termsTexts = termsTextsOf(program.termsTexts);
  const termsLocale = pickTermsLocale(termsTexts, locale, fallback);
  return {
    ...program,
    termsTexts,
    termsText: termsLocale ? termsTexts[termsLocale]! : null,
    termsLocale,
    rewards: program.rewards.map((r) => {
      const t = pickTranslation(r.translations, locale, fallback);
      return { id: r.id, cost: r.cost, active: r.active, name: t?.name ?? "", description: t?.description ?? "" };
    }),
  };
}

/**
 * True when the merchant behind storefront `slug` has a published program: public, the same
 * for every visitor, so cached under the merchant's tag with its storefronts' pages (saving the
 * program invalidates them).
 */
export function hasPublishedProgram(slug: string, merchantId: MerchantId): Promise<boolean> {
  return cached([cacheTags.storefronts(merchantId)], ["storefront", merchantId, slug, "loyalty-program"], async () => {
    const program = await db.loyaltyProgram.findFirst({ where: { merchantId, status: "ACTIVE" }, select: { id: true } });
    return program !== null;
  });
}

/** A member's balance and the unit it counts in, while the merchant's program is published; else null. */
export async function findMemberBalance(merchantId: MerchantId, customerId: string): Promise<{ balance: number; unit: LoyaltyProgramType } | null> {
  const card = await db.loyaltyCard.findFirst({
    where: { merchantId, customerId },
    select: { balance: true, merchant: { select: { loyaltyProgram: { select: { type: true, status: true } } } } },
  });
  const program = card?.merchant.loyaltyProgram;
  return card && program?.status === "ACTIVE" ? { balance: card.balance, unit: program.type } : null;
}

/** The published program only (storefront, terminal). */
export async function findActiveProgram(merchantId: MerchantId, locale: Locale, fallback?: Locale): Promise<ProgramView | null> {
  const program = await findProgram(merchantId, locale, fallback, { activeRewardsOnly: true });
  return program?.status === "ACTIVE" ? program : null;
}

/**
 * A reward of the merchant as an online payment sees it (cost, online value and currency,
 * whether it is active in an active program), or null when the merchant has no such reward.
 */
export async function findOnlineReward(merchantId: MerchantId, rewardId: string) {
  const reward = await db.loyaltyReward.findFirst({
    where: { id: rewardId, merchantId },
    select: { cost: true, active: true, onlineValueCents: true, onlineCurrency: true, program: { select: { status: true } } },
  });
  if (!reward) return null;
  const { active, program, ...terms } = reward;
  return { ...terms, usable: active && program.status === "ACTIVE" };
}

/**
 * The rewards members can spend online in a store selling in `currency`: active, in the
 * merchant's published program, with an online value in that currency; named in `locale`.
 * Cheapest first. Empty when the program is not published.
 */
export async function listOnlineRewards(merchantId: MerchantId, currency: string, locale: Locale, fallback?: Locale) {
  const rewards = await db.loyaltyReward.findMany({
    where: { merchantId, active: true, onlineCurrency: currency, onlineValueCents: { gt: 0 }, program: { merchantId, status: "ACTIVE" } },
    select: { id: true, cost: true, onlineValueCents: true, translations: { select: { locale: true, name: true, description: true } } },
    orderBy: [{ cost: "asc" }, { createdAt: "asc" }],
  });
  return rewards.map((r) => ({ id: r.id, cost: r.cost, valueCents: r.onlineValueCents!, name: pickTranslation(r.translations, locale, fallback)?.name ?? "" }));
}

/** The currencies the merchant's stores sell in (what a reward's online value may be in). */
export async function listStoreCurrencies(merchantId: MerchantId): Promise<string[]> {
  const stores = await db.store.findMany({ where: { merchantId }, select: { currency: true }, distinct: ["currency"], orderBy: { currency: "asc" } });
  return stores.map((s) => s.currency);
}

/** Raw reward translations, for the merchant's reward list. */
export async function listRewardTranslations(merchantId: MerchantId) {
  return db.loyaltyReward.findMany({
    where: { merchantId },
    select: { id: true, cost: true, active: true, onlineValueCents: true, onlineCurrency: true, translations: { select: { locale: true, name: true, description: true } } },
    orderBy: [{ cost: "asc" }, { createdAt: "asc" }],
  });
}

/** The id of the merchant's card with this number, or with a customer of this email. */
export async function findCardId(merchantId: MerchantId, query: { kind: "number"; number: string } | { kind: "email"; email: string }): Promise<string | null> {
  const card = await db.loyaltyCard.findFirst({
    where: query.kind === "number" ? { merchantId, number: query.number } : { merchantId, customer: { merchantId, email: query.email } },
    select: { id: true },
  });
  return card?.id ?? null;
}

/** True when this customer of the merchant has a card. */
export async function customerHasCard(merchantId: MerchantId, customerId: string): Promise<boolean> {
  const card = await db.loyaltyCard.findFirst({ where: { merchantId, customerId }, select: { id: true } });
  return card !== null;
}

export interface LedgerRowView {
  id: string;
  kind: LoyaltyLedgerKind;
  amount: number;
  createdAt: Date;
  storeName: string | null;
  staffEmail: string | null;
  orderId: string | null;
  rewardName: string | null;
  reason: string | null;
  reversed: boolean;
}

export interface CardView {
  id: string;
  number: string;
  balance: number;
  lastEarnedAt: Date | null;
  createdAt: Date;
  customer: { name: string | null; email: string; phone: string | null; birthday: Date | null };
  ledger: LedgerRowView[];
}

/**
 * One card of the merchant (by id, or the card of a customer) with its customer and its newest
 * `limit` movements (null: all); null when the merchant has no such card.
 */
export async function findCardView(
  merchantId: MerchantId,
  card: string | { customerId: string },
  locale: Locale,
  limit: number | null = 10,
  /** Staff emails on each movement: for the terminal and the merchant area, never for the customer. */
  withStaff = true,
): Promise<CardView | null> {
  // One statement: the card, its last movements and the merchant's store names (relation joins).
  const row = await db.loyaltyCard.findFirst({
    where: { merchantId, ...(typeof card === "string" ? { id: card } : { customerId: card.customerId }) },
    select: {
      id: true,
      number: true,
      balance: true,
      lastEarnedAt: true,
      createdAt: true,
      customer: { select: { name: true, email: true, phone: true, birthday: true } },
      merchant: { select: { stores: { select: { id: true, name: true } } } },
      ledger: {
        select: {
          id: true,
          kind: true,
          amount: true,
          createdAt: true,
          storeId: true,
          staffUserId: true,
          orderId: true,
          reason: true,
          reward: { select: { translations: { select: { locale: true, name: true, description: true } } } },
          reversal: { select: { id: true } },
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        ...(limit ? { take: limit } : {}),
      },
    },
  });
  if (!row) return null;
  const { merchant, ledger: rows, ...rest } = row;
  const staffIds = [...new Set(rows.map((r) => r.staffUserId).filter((id): id is string => !!id))];
  const staff =
    withStaff && staffIds.length > 0
      ? await db.user.findMany({ where: { id: { in: staffIds }, memberships: { some: { merchantId } } }, select: { id: true, email: true } })
      : [];
  const storeName = new Map(merchant.stores.map((s) => [s.id, s.name]));
  const staffEmail = new Map(staff.map((s) => [s.id, s.email]));
  return {
    ...rest,
    ledger: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      amount: r.amount,
      createdAt: r.createdAt,
      storeName: r.storeId ? (storeName.get(r.storeId) ?? null) : null,
      staffEmail: r.staffUserId ? (staffEmail.get(r.staffUserId) ?? null) : null,
      orderId: r.orderId,
      rewardName: r.reward ? (pickTranslation(r.reward.translations, locale)?.name ?? null) : null,
      reason: r.reason,
      reversed: !!r.reversal,
    })),
  };
}

export interface MemberRow {
  cardId: string;
  number: string;
  balance: number;
  createdAt: Date;
  name: string | null;
  email: string;
}

/** The merchant's members, newest first. */
export async function listMembers(merchantId: MerchantId, take = 200): Promise<MemberRow[]> {
  const cards = await db.loyaltyCard.findMany({
    where: { merchantId },
    select: { id: true, number: true, balance: true, createdAt: true, customer: { select: { name: true, email: true } } },
    orderBy: { createdAt: "desc" },
    take,
  });
  return cards.map((c) => ({ cardId: c.id, number: c.number, balance: c.balance, createdAt: c.createdAt, name: c.customer.name, email: c.customer.email }));
}

export interface WeeklyTotal {
  /** Monday of the week (in the zone the totals were asked for), as YYYY-MM-DD. */
  week: string;
  storeId: string | null;
  storeName: string | null;
  /** EARN and BONUS, less their reversals. */
  issued: number;
  /** REDEEM, less their reversals (a positive number). */
  redeemed: number;
}

/** Issued and redeemed per store and ISO week (weeks start on Monday in `timeZone`) over the last `weeks` weeks. */
export async function weeklyTotals(merchantId: MerchantId, timeZone: string, weeks = 12): Promise<WeeklyTotal[]> {
  const rows = await db.$queryRaw<Array<{ week: string; storeId: string | null; issued: bigint; redeemed: bigint }>>`
    SELECT to_char(date_trunc('week', l."createdAt" AT TIME ZONE ${timeZone}), 'YYYY-MM-DD') AS week,
           l."storeId" AS "storeId",
           SUM(CASE WHEN l.kind IN ('EARN', 'BONUS') OR (l.kind = 'REVERSAL' AND l.amount < 0) THEN l.amount ELSE 0 END) AS issued,
           SUM(CASE WHEN l.kind = 'REDEEM' OR (l.kind = 'REVERSAL' AND l.amount > 0) THEN -l.amount ELSE 0 END) AS redeemed
    FROM "LoyaltyLedger" l
    WHERE l."merchantId" = ${merchantId} AND l."createdAt" >= now() - make_interval(weeks => ${weeks})
    GROUP BY 1, 2
    ORDER BY 1 DESC, 2`;
  const stores = await db.store.findMany({ where: { merchantId }, select: { id: true, name: true } });
  const names = new Map(stores.map((s) => [s.id, s.name]));
  return rows.map((r) => ({
    week: r.week,
    storeId: r.storeId,
    storeName: r.storeId ? (names.get(r.storeId) ?? null) : null,
    issued: Number(r.issued),
    redeemed: Number(r.redeemed),
  }));
}

/** Ledger sum and cached balance of a card (tests and consistency checks). */
export async function cardConsistency(merchantId: MerchantId, cardId: string): Promise<{ balance: number; ledgerSum: number }> {
  const [card, sum] = await Promise.all([
    db.loyaltyCard.findFirstOrThrow({ where: { id: cardId, merchantId }, select: { balance: true } }),
    db.loyaltyLedger.aggregate({ where: { merchantId, cardId }, _sum: { amount: true } }),
  ]);
  return { balance: card.balance, ledgerSum: sum._sum.amount ?? 0 };
}

export function localeOr(value: string | null | undefined, fallback: Locale): Locale {
  return isLocale(value) ? value : fallback;
}

/** True when the store has something for sale (the join page then says "continue shopping"). */
export async function storeSellsSomething(merchantId: MerchantId, storeId: string): Promise<boolean> {
  const count = await db.product.count({ where: { merchantId, storeId, visibility: "PUBLIC", archivedAt: null } });
  return count > 0;
}


/** Monday of the current week in `timeZone`, as "YYYY-MM-DD" (the database's clock, as the totals use). */
export async function currentWeekStart(timeZone: string): Promise<string> {
  const [row] = await db.$queryRaw<Array<{ week: string }>>`
    SELECT to_char(date_trunc('week', now() AT TIME ZONE ${timeZone}), 'YYYY-MM-DD') AS week`;
  return row!.week;
}
