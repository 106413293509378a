"use server";

import { refresh, revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { fail, failFields, ok } from "@/lib/actions/pipeline";
import { merchantAction, storefrontAction } from "@/lib/auth/action-clients";
import { cacheTags } from "@/lib/cache";
import { clientIp, consumeLimit, retryAfterMinutes } from "@/lib/auth/rate-limit";
import { currencyDigits } from "@/lib/money";
import type { Locale } from "@/lib/locales";
import { assertStoreLocale, loadStorefront } from "@/lib/tenancy/loaders";
import { requireTerminalAccess } from "./loaders";
import { createReward, earnOnCard, enrollCustomer, redeemReward, reverseMovement, saveProgram, setRewardActive, type MovementResult } from "./mutations";
import { dateFormatOf, idSchema, joinFormSchema, parseSpend, programFormSchema, reasonSchema, rewardActiveSchema, rewardFormSchema, type LoyaltyFieldError } from "./schema";
import { qrDrawing, type QrDrawing } from "@/lib/qr";
import { dayKeyToUtcDate, todayKey } from "@/lib/time";
import { MAX_MOVEMENT } from "./rules";

/**
 * Loyalty server actions. Each one: parse the input, pass the gate (storefront host, terminal
 * staff, merchant manager), call one mutation, revalidate, return a small state with messages
 * already translated for the request's locale (client components only render them).
 */

/** What joining did, for the join page to show: the new card (number and QR), or "already a member". */
export type JoinOutcome =
  | {
      status: "joined";
      /** The address the card belongs to, for the sign-in that shows it. */
      email: string;
      number: string;
      /** The new card's QR code, drawn here so that the join form ships no QR encoder. */
      qr: QrDrawing;
    }
  | { status: "already"; email: string };

async function dateFormatText(locale: Locale): Promise<string> {
  const t = await getTranslations({ locale, namespace: "Loyalty.join.dateLetters" });
  const { order, separator } = dateFormatOf(locale);
  return order.map((part) => t(part)).join(separator);
}

/** Today's calendar date in the store's time zone, as UTC midnight (birthdays are compared as dates). */
function todayUtc(timeZone: string): Date {
  return dayKeyToUtcDate(todayKey(timeZone));
}

/**
 * The storefront join form, on the request's store and locale. Birthdays are typed in the
 * locale's date format, which the refusal names. "Already a member" tells whether an address is
 * a member: per address and per email, a few tries.
 */
export const joinLoyaltyAction = storefrontAction({
  schema: (ctx) => joinFormSchema(ctx.locale, todayUtc(ctx.store.timeZone)),
  messages: "Loyalty.errors",
  messageParams: async (ctx) => ({ format: await dateFormatText(ctx.locale) }),
  handler: async (input, ctx) => {
    const limit = await consumeLimit("loyaltyJoin", { ip: clientIp(await headers()), email: input.email });
    if (!limit.ok) return fail("Loyalty.join.rateLimited", { minutes: retryAfterMinutes(limit.retryAfterMs) });
    const customer = ctx.customer;
    const result = await enrollCustomer(
      { id: ctx.store.id, merchantId: ctx.store.merchantId },
      { ...input, locale: ctx.locale, userId: customer && customer.email === input.email ? customer.userId : null },
    );
    if (!result.ok) return fail("Loyalty.join.noProgram");
    // The storefront's header shows the visitor's balance: their own page, refreshed.
    refresh();
    const outcome: JoinOutcome = result.alreadyMember
      ? { status: "already", email: input.email }
      : { status: "joined", email: input.email, number: result.number, qr: qrDrawing(result.number) };
    return ok(outcome, { invalidate: [cacheTags.account(ctx.store.merchantId)] });
  },
});

// --- Terminal

export interface TerminalState {
  status: "idle" | "success" | "warning" | "error";
  message?: string;
  fieldError?: string;
}

async function movementState(locale: Locale, result: MovementResult, success: (balance: number) => Promise<string>): Promise<TerminalState> {
  if (result.ok) return { status: "success", message: await success(result.balance) };
  if (result.reason === "notFound") notFound();
  const t = await getTranslations({ locale, namespace: "Loyalty" });
  // An amount missing is said with its unit ("240 points"), never as a bare number.
  const params: Record<string, number | string> = { ...result.params };
  if (result.unit && typeof result.params.missing === "number") params.missing = t("amount", { count: result.params.missing, unit: result.unit });
  return { status: "warning", message: t(`reasons.${result.reason}`, params) };
}

function revalidateTerminal() {
  revalidatePath("/[locale]/s/[store]/terminal", "page");
  revalidatePath("/[locale]/account/m/[merchantId]/loyalty", "layout");
}

/** Earn on a card: stamps for a visit, or points for the amount typed in `spend`. */
export async function earnAction(slug: string, rawLocale: string, cardId: string, _prev: TerminalState, formData: FormData): Promise<TerminalState> {
  const store = await loadStorefront(slug);
  assertStoreLocale(store, rawLocale);
  const locale = rawLocale;
  const { actor } = await requireTerminalAccess(store, locale);
  const id = idSchema.safeParse(cardId);
  if (!id.success) notFound();
  let spendCents: number | null = null;
  const spend = formData.get("spend");
  if (typeof spend === "string") {
    const digits = currencyDigits(store.currency);
    const parsed = parseSpend(spend.slice(0, 40), digits, MAX_MOVEMENT * 10 ** digits);
    if (!parsed.ok) {
      const t = await getTranslations({ locale, namespace: "Loyalty.errors" });
      return { status: "error", fieldError: t(parsed.error, { format: "" }) };
    }
    spendCents = parsed.cents;
  }
  const result = await earnOnCard(actor, id.data, spendCents);
  if (result.ok) revalidateTerminal();
  const t = await getTranslations({ locale, namespace: "Terminal" });
  return movementState(locale, result, async (balance) =>
    result.ok ? t("earned", { count: result.amount, unit: result.unit ?? "POINTS", balance }) : "",
  );
}

export async function redeemAction(slug: string, rawLocale: string, cardId: string, rewardId: string): Promise<TerminalState> {
  const store = await loadStorefront(slug);
  assertStoreLocale(store, rawLocale);
  const locale = rawLocale;
  const { actor } = await requireTerminalAccess(store, locale);
  const card = idSchema.safeParse(cardId);
  const reward = idSchema.safeParse(rewardId);
  if (!card.success || !reward.success) notFound();
  const result = await redeemReward(actor, card.data, reward.data);
  if (result.ok) revalidateTerminal();
  const t = await getTranslations({ locale, namespace: "Terminal" });
  return movementState(locale, result, async (balance) => t("redeemed", { balance }));
}

/** A manager reverses a movement with a reason (staff: forbidden). */
export async function reverseAction(slug: string, rawLocale: string, ledgerId: string, _prev: TerminalState, formData: FormData): Promise<TerminalState> {
  const store = await loadStorefront(slug);
  assertStoreLocale(store, rawLocale);
  const locale = rawLocale;
  const { actor } = await requireTerminalAccess(store, locale, { atLeast: "MANAGER" });
  const id = idSchema.safeParse(ledgerId);
  if (!id.success) notFound();
  const reason = reasonSchema.safeParse(String(formData.get("reason") ?? "").slice(0, 400));
  if (!reason.success) {
    const t = await getTranslations({ locale, namespace: "Loyalty.errors" });
    return { status: "error", fieldError: t(reason.error.issues[0]!.message as LoyaltyFieldError, { format: "" }) };
  }
  const result = await reverseMovement(actor, id.data, reason.data);
  if (result.ok) revalidateTerminal();
  const t = await getTranslations({ locale, namespace: "Terminal" });
  return movementState(locale, result, async (balance) => t("reversed", { balance }));
}

// --- Merchant area: managers and owners (staff work at the terminal: 403; anyone else: 404)

const loyaltyManager = merchantAction({ role: "MANAGER" });

export const saveProgramAction = loyaltyManager({
  schema: programFormSchema,
  messages: "Loyalty.errors",
  handler: async (input, ctx) => {
    const result = await saveProgram(ctx.actor, input);
    if (!result.ok) return failFields({ type: "Loyalty.errors.typeLocked" });
    // The merchant's storefronts invite visitors to join only while the program is published.
    return ok(undefined, { invalidate: [cacheTags.storefronts(ctx.merchantId), cacheTags.account(ctx.merchantId)] });
  },
});

export const createRewardAction = loyaltyManager({
  schema: rewardFormSchema,
  messages: "Loyalty.errors",
  handler: async (input, ctx) => {
    const created = await createReward(ctx.actor, input);
    if (!created) return fail("Loyalty.merchant.needProgram");
    return ok(undefined, { invalidate: [cacheTags.storefronts(ctx.merchantId), cacheTags.account(ctx.merchantId)] });
  },
});

export const setRewardActiveAction = loyaltyManager({
  schema: rewardActiveSchema,
  messages: "Errors",
  handler: async ({ rewardId, active }, ctx) => {
    const changed = await setRewardActive(ctx.actor, rewardId, active);
    if (!changed) return fail("Errors.NOT_FOUND");
    return ok(undefined, { invalidate: [cacheTags.storefronts(ctx.merchantId), cacheTags.account(ctx.merchantId)] });
  },
});
