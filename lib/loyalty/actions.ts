"use server";

import { refresh } from "next/cache";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { fail, failFields, ok, type Outcome } from "@/lib/actions/pipeline";
import { merchantAction, storefrontAction } from "@/lib/auth/action-clients";
import { cacheTags } from "@/lib/cache";
import { clientIp, consumeLimit, retryAfterMinutes } from "@/lib/auth/rate-limit";
import { currencyDigits } from "@/lib/money";
import type { Locale } from "@/lib/locales";
import type { Storefront } from "@/lib/tenancy/loaders";
import type { MerchantId } from "@/lib/tenancy/types";
import { terminalAction } from "./action-client";
import { listStoreCurrencies } from "./data";
import { createReward, earnOnCard, enrollCustomer, redeemReward, reverseMovement, saveProgram, setRewardActive, setRewardOnlineValue, type MovementResult } from "./mutations";
import {
  dateFormatOf,
  earnFormSchema,
  joinFormSchema,
  programFormSchema,
  redeemFormSchema,
  reverseFormSchema,
  rewardActiveSchema,
  rewardFormSchema,
  rewardOnlineValueSchema,
  type OnlineValue,
} from "./schema";
import { qrDrawing, type QrDrawing } from "@/lib/qr";
import { dayKeyToUtcDate, todayKey } from "@/lib/time";

/**
 * Loyalty server actions, each built from a client of the action pipeline: the storefront's join
 * form, the staff terminal of a store's host, the merchant area's program and rewards.
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

// --- Terminal: staff of the store the request came to (lib/loyalty/action-client.ts)

/** What a terminal action did, said in the request's locale ("12 points added. New balance: 12."). */
export interface TerminalDone {
  message: string;
}

/**
 * A movement's outcome: the success text and the merchant's tag (its loyalty pages; this page
 * renders fresh with it), a rule's refusal as its reason's text, another merchant's id notFound().
 */
async function movementOutcome(ctx: { store: Storefront; locale: Locale }, result: MovementResult, success: (done: Extract<MovementResult, { ok: true }>) => string): Promise<Outcome<TerminalDone>> {
  if (result.ok) return ok({ message: success(result) }, { invalidate: [cacheTags.account(ctx.store.merchantId)] });
  if (result.reason === "notFound") notFound();
  const t = await getTranslations({ locale: ctx.locale, namespace: "Loyalty" });
  // An amount missing is said with its unit ("240 points"), never as a bare number.
  const params: Record<string, number | string> = { ...result.params };
  if (result.unit && typeof result.params.missing === "number") params.missing = t("amount", { count: result.params.missing, unit: result.unit });
  return fail(`Loyalty.reasons.${result.reason}`, params);
}

/** Earn on the bound card: stamps for a visit, or points for the amount typed in `spend`. */
export const earnAction = terminalAction(["cardId"])({
  schema: (ctx) => earnFormSchema(currencyDigits(ctx.store.currency)),
  messages: "Loyalty.errors",
  handler: async ({ spendCents }, ctx) => {
    const result = await earnOnCard(ctx.actor, ctx.ids.cardId, spendCents);
    const t = await getTranslations({ locale: ctx.locale, namespace: "Terminal" });
    return movementOutcome(ctx, result, (done) => t("earned", { count: done.amount, unit: done.unit ?? "POINTS", balance: done.balance }));
  },
});

/** Redeem the bound reward with the bound card's balance. */
export const redeemAction = terminalAction(["cardId", "rewardId"])({
  schema: redeemFormSchema,
  messages: "Loyalty.errors",
  handler: async (_input, ctx) => {
    const result = await redeemReward(ctx.actor, ctx.ids.cardId, ctx.ids.rewardId);
    const t = await getTranslations({ locale: ctx.locale, namespace: "Terminal" });
    return movementOutcome(ctx, result, (done) => t("redeemed", { balance: done.balance }));
  },
});

/** A manager reverses the bound movement with a reason (staff: forbidden). */
export const reverseAction = terminalAction(["ledgerId"], { atLeast: "MANAGER" })({
  schema: reverseFormSchema,
  messages: "Loyalty.errors",
  handler: async ({ reason }, ctx) => {
    const result = await reverseMovement(ctx.actor, ctx.ids.ledgerId, reason);
    const t = await getTranslations({ locale: ctx.locale, namespace: "Terminal" });
    return movementOutcome(ctx, result, (done) => t("reversed", { balance: done.balance }));
  },
});

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

/** Whether the merchant sells in the currency of an online value (one of their stores' currencies). */
async function currencyOffered(merchantId: MerchantId, online: OnlineValue | null): Promise<boolean> {
  return online === null || (await listStoreCurrencies(merchantId)).includes(online.currency);
}

export const createRewardAction = loyaltyManager({
  schema: rewardFormSchema,
  messages: "Loyalty.errors",
  handler: async (input, ctx) => {
    if (!(await currencyOffered(ctx.merchantId, input.online))) return failFields({ onlineCurrency: "Loyalty.errors.currencyNotOffered" });
    const created = await createReward(ctx.actor, input);
    if (!created) return fail("Loyalty.merchant.needProgram");
    return ok(undefined, { invalidate: [cacheTags.storefronts(ctx.merchantId), cacheTags.account(ctx.merchantId)] });
  },
});

/** The online value of an existing reward (an empty amount: counter only). */
export const setRewardOnlineValueAction = loyaltyManager({
  schema: rewardOnlineValueSchema,
  messages: "Loyalty.errors",
  handler: async ({ rewardId, online }, ctx) => {
    if (!(await currencyOffered(ctx.merchantId, online))) return failFields({ onlineCurrency: "Loyalty.errors.currencyNotOffered" });
    const changed = await setRewardOnlineValue(ctx.actor, rewardId, online);
    if (!changed) return fail("Errors.NOT_FOUND");
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
