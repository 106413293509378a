"use server";

import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { fail, failFields, ok, type Outcome } from "@/lib/actions/pipeline";
import { storefrontAction } from "@/lib/auth/action-clients";
import { clientIp, consumeLimit, retryAfterMinutes } from "@/lib/auth/rate-limit";
import { cacheTags } from "@/lib/cache";
import { formatterFor } from "@/lib/i18n/format";
import type { Locale } from "@/lib/locales";
import { terminalAction } from "@/lib/loyalty/action-client";
import { currencyDigits, formatMoney } from "@/lib/money";
import type { Storefront } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";
import { parseGiftCardCode } from "./code";
import { findBalanceByCode, findCardByCode } from "./data";
import { validThrough } from "./display";
import { adjustBalance, redeemAtCounter, reverseCounterRedemption, type CounterResult } from "./mutations";
import { visibleStatus, type GiftCardStatus } from "./rules";
import { balanceAdjustmentSchema, codeFormSchema, counterDebitSchema, reverseRedemptionSchema } from "./schema";

/**
 * Gift-card server actions: the terminal's (staff of the store the request came to, through the
 * loyalty terminal's client) and the storefront's public balance check.
 */

/** A code as the forms' field refusal: not the shape of a code, or a typo the check character caught. */
function codeRefusal(reason: "malformed" | "typo") {
  return failFields({ code: reason === "typo" ? "GiftCards.errors.checkCode" : "GiftCards.errors.invalidCode" });
}

// --- Terminal

/** What a terminal action did, said in the request's locale ("€12.50 taken. New balance: €37.50."). */
export interface GiftCardTerminalDone {
  message: string;
}

/**
 * Finds a card of this store's merchant by its code (typed or scanned; case, spaces and dashes do
 * not matter) and opens it on the terminal's gift-card page. The code goes by POST only: the page
 * it opens names the card's id, never its code. A typo is refused before any lookup; a card of
 * another currency than the store's is refused.
 */
export const findGiftCardAction = terminalAction([])({
  schema: codeFormSchema,
  messages: "GiftCards.errors",
  echo: ["code"],
  handler: async ({ code }, ctx) => {
    const parsed = parseGiftCardCode(code);
    if (!parsed.ok) return codeRefusal(parsed.reason);
    const card = await findCardByCode(ctx.store.merchantId, parsed.code);
    if (!card) return fail("GiftCards.terminal.notFound");
    if (card.currency !== ctx.store.currency) return fail("GiftCards.terminal.refusals.otherCurrency", { currency: card.currency });
    const page = localizedPath("/terminal/gift-cards", ctx.locale, ctx.store.defaultLocale);
    return ok(undefined, { redirectTo: `${page}?${new URLSearchParams({ card: card.id })}` });
  },
});

/**
 * A counter movement's outcome: its success text and the merchant's tag (this page renders fresh
 * with it); a refusal translated with the card's balance; a card or row of another merchant notFound().
 */
async function counterOutcome(
  ctx: { store: Storefront; locale: Locale },
  result: CounterResult,
  success: (done: Extract<CounterResult, { ok: true }>, money: (cents: number) => string) => string,
): Promise<Outcome<GiftCardTerminalDone>> {
  if (!result.ok && result.reason === "notFound") notFound();
  const money = (cents: number) => formatMoney(cents, result.currency, ctx.locale);
  if (result.ok) return ok({ message: success(result, money) }, { invalidate: [cacheTags.account(ctx.store.merchantId)] });
  return fail(`GiftCards.terminal.refusals.${result.reason}`, { balance: money(result.balanceCents), currency: result.currency });
}

/** Staff take an amount (partial allowed, at most the balance) off the bound card. */
export const redeemGiftCardAction = terminalAction(["cardId"])({
  schema: (ctx) => counterDebitSchema(currencyDigits(ctx.store.currency)),
  messages: "GiftCards.errors",
  handler: async ({ amountCents }, ctx) => {
    const result = await redeemAtCounter(ctx.actor, ctx.ids.cardId, amountCents);
    const t = await getTranslations({ locale: ctx.locale, namespace: "GiftCards.terminal" });
    return counterOutcome(ctx, result, (done, money) => t("redeemed", { amount: money(done.amountCents), balance: money(done.balanceAfterCents) }));
  },
});

/** A manager gives back the bound counter redemption, with a reason (staff: forbidden). */
export const reverseGiftCardRedemptionAction = terminalAction(["ledgerId"], { atLeast: "MANAGER" })({
  schema: reverseRedemptionSchema,
  messages: "GiftCards.errors",
  handler: async ({ reason }, ctx) => {
    const result = await reverseCounterRedemption(ctx.actor, ctx.ids.ledgerId, reason);
    const t = await getTranslations({ locale: ctx.locale, namespace: "GiftCards.terminal" });
    return counterOutcome(ctx, result, (done, money) => t("reversed", { amount: money(done.amountCents), balance: money(done.balanceAfterCents) }));
  },
});

/** A manager corrects the bound card's balance by a signed amount, with a reason (staff: forbidden). */
export const adjustGiftCardAction = terminalAction(["cardId"], { atLeast: "MANAGER" })({
  schema: (ctx) => balanceAdjustmentSchema(currencyDigits(ctx.store.currency)),
  messages: "GiftCards.errors",
  handler: async ({ deltaCents, reason }, ctx) => {
    const result = await adjustBalance(ctx.actor, ctx.ids.cardId, deltaCents, reason);
    const t = await getTranslations({ locale: ctx.locale, namespace: "GiftCards.terminal" });
    return counterOutcome(ctx, result, (done, money) => t("adjusted", { balance: money(done.balanceAfterCents) }));
  },
});

// --- Storefront: the public balance check

/** What the balance page shows of a found card, worded in the request's locale. */
export interface GiftCardBalanceView {
  /** "Gift card ending in WV2D". */
  title: string;
  last4: string;
  balance: string;
  status: GiftCardStatus;
  statusLabel: string;
  /** The last day the card pays, in the store's time zone; null: it never expires. */
  validUntil: string | null;
}

/**
 * The storefront's balance check: a code in, the balance, status and expiry of the card out,
 * only for cards of this store's merchant. Every check counts against the visitor's address
 * (found or not), so codes cannot be tried in bulk; an unknown code, or one of another
 * merchant's cards, gets the same generic answer.
 */
export const checkGiftCardBalanceAction = storefrontAction({
  schema: codeFormSchema,
  messages: "GiftCards.errors",
  echo: ["code"],
  handler: async ({ code }, ctx) => {
    const limit = await consumeLimit("giftCardBalance", { ip: clientIp(await headers()) });
    if (!limit.ok) return fail("GiftCards.balance.rateLimited", { minutes: retryAfterMinutes(limit.retryAfterMs) });
    const parsed = parseGiftCardCode(code);
    if (!parsed.ok) return codeRefusal(parsed.reason);
    const card = await findBalanceByCode(ctx.store.merchantId, parsed.code);
    if (!card) return fail("GiftCards.balance.notFound");
    const [t, tb] = await Promise.all([
      getTranslations({ locale: ctx.locale, namespace: "GiftCards.cardStatus" }),
      getTranslations({ locale: ctx.locale, namespace: "GiftCards.balance" }),
    ]);
    const format = formatterFor(ctx.locale, ctx.store.timeZone);
    const status = visibleStatus(card, new Date());
    const view: GiftCardBalanceView = {
      title: tb("cardTitle", { last4: card.last4 }),
      last4: card.last4,
      balance: formatMoney(card.balanceCents, card.currency, ctx.locale),
      status,
      statusLabel: t(status),
      validUntil: card.expiresAt ? format.dateTime(validThrough(card.expiresAt), { dateStyle: "long" }) : null,
    };
    return ok(view);
  },
});
