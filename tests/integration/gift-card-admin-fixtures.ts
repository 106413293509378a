import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { debitCard, issueCard, type NewCard } from "@/lib/gift-cards/ledger";
import type { MerchantId } from "@/lib/tenancy/types";

/**
 * Gift cards for tests of the merchant area, written through the ledger as selling, the
 * terminal and the checkout write them: a card of the tenant's store, and a redemption.
 */
export async function issueTestCard(tenant: { merchant: { id: string }; store: { id: string } }, data: Partial<NewCard> & { at?: Date } = {}) {
  const { at, ...rest } = data;
  const issued = await db.$transaction((tx) =>
    issueCard(
      tx,
      { merchantId: tenant.merchant.id as MerchantId, transactionId: randomUUID(), storeId: tenant.store.id, at },
      { currency: "EUR", amountCents: 5000, source: "PURCHASE", expiresAt: null, deliveryLocale: "en", storeId: tenant.store.id, ...rest },
    ),
  );
  if (!issued) throw new Error("the test card was not issued");
  return issued;
}

export async function redeemTestCard(tenant: { merchant: { id: string }; store: { id: string } }, cardId: string, amountCents: number, movement: { at?: Date; transactionId?: string } = {}) {
  const result = await db.$transaction((tx) =>
    debitCard(tx, { merchantId: tenant.merchant.id as MerchantId, transactionId: movement.transactionId ?? randomUUID(), storeId: tenant.store.id, at: movement.at }, cardId, "REDEEM", amountCents),
  );
  if (!result.ok) throw new Error(`the test redemption was refused: ${result.reason}`);
  return result;
}
