import "server-only";
import { randomUUID } from "node:crypto";
import { creditAccount, debitAccount, ensureAccount, releaseDebit } from "@/lib/credit/ledger";
import type { OrderHold } from "./types";

export interface StoreCreditClaim {
  /** The store the order is placed in (recorded on the ledger row). */
  storeId: string;
  /** The buyer's account in the order's currency. */
  accountId: string;
  amountCents: number;
}

/**
 * Store credit: one DEBIT row for the order (key "order:<id>:debit"), taken under the account's
 * lock (lib/credit/ledger.ts), so two checkouts spending the same credit pay for one of them only.
 * A failed, expired or never-started payment gives each lot back what the debit took (RELEASE);
 * a refund credits the account with its store-credit shares: what the order paid with credit, and
 * the card payment's share when the merchant refunds it to store credit (CREDIT from a REFUND,
 * which never expires).
 */
export const storeCreditHold: OrderHold<StoreCreditClaim | null> = {
  kind: "STORE_CREDIT",

  async take(tx, ctx, claim) {
    if (!claim || claim.amountCents <= 0) return null;
    const debited = await debitAccount(
      tx,
      {
        merchantId: ctx.merchantId,
        transactionId: ctx.transactionId,
        storeId: claim.storeId,
        orderId: ctx.orderId,
        idempotencyKey: `order:${ctx.orderId}:debit`,
        at: ctx.now,
      },
      claim.accountId,
      "DEBIT",
      claim.amountCents,
    );
    return debited.ok ? null : { error: "storeCreditChanged" };
  },

  async release(tx, ctx) {
    const debit = await tx.storeCreditLedger.findFirst({
      where: { merchantId: ctx.merchantId, orderId: ctx.orderId, kind: "DEBIT" },
      select: { id: true, storeId: true },
    });
    if (!debit) return;
    await releaseDebit(
      tx,
      {
        merchantId: ctx.merchantId,
        transactionId: randomUUID(),
        storeId: debit.storeId,
        orderId: ctx.orderId,
        idempotencyKey: `order:${ctx.orderId}:release`,
        at: ctx.at,
      },
      debit.id,
    );
  },

  async refund(tx, ctx) {
    const shares = ctx.shares.filter((share) => share.kind === "STORE_CREDIT");
    for (const share of shares) {
      const accountId =
        share.tender?.storeCreditAccountId ??
        (ctx.customerId ? await ensureAccount(tx, ctx.merchantId, ctx.customerId, ctx.currency) : null);
      // Every order has a customer (guests become one by email); a share without one is a bug.
      if (!accountId) throw new Error(`Refund ${ctx.refundId} gives store credit to an order without a customer`);
      await creditAccount(
        tx,
        {
          merchantId: ctx.merchantId,
          transactionId: ctx.transactionId,
          storeId: ctx.storeId,
          orderId: ctx.orderId,
          refundId: ctx.refundId,
          idempotencyKey: `refund:${ctx.refundId}:credit:${share.tender?.id ?? "payment"}`,
          at: ctx.at,
        },
        accountId,
        { kind: "CREDIT", origin: "REFUND", amountCents: share.amountCents, expiresAt: null },
      );
    }
  },
};
