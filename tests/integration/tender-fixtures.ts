import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { generateCardNumber } from "@/lib/loyalty/card-number";
import { storeAddress } from "@/lib/tenancy/urls";
import { createLoyaltyTenant, createRewardRow } from "./loyalty-fixtures";
import { giveStoreCredit } from "./store-credit-fixtures";

/**
 * A shop whose merchant runs a points program (1 point per euro), with a signed-in customer who
 * holds `points` on their card and `creditCents` of store credit, and a reward of 500 points worth
 * 5.00 EUR online. Shaped like checkout-fixtures' createShop, so its helpers take it.
 */
export async function createTenderShop(options: { points?: number; creditCents?: number } = {}) {
  const t = await createLoyaltyTenant({ pointsPerUnit: 1 });
  const shop = {
    tenant: t.tenant,
    store: {
      id: t.store.id,
      merchantId: t.merchantId,
      name: `Store ${t.tenant.tag}`,
      currency: "EUR",
      target: storeAddress({ slug: t.tenant.store.slug, defaultLocale: "en" }, { rootDomain: "localhost:3000", protocol: "http" }),
    },
  };
  const email = `member-${randomUUID().slice(0, 8)}@example.test`;
  const customer = await db.customer.create({ data: { merchantId: t.merchantId, email }, select: { id: true } });
  const points = options.points ?? 0;
  const card = await db.loyaltyCard.create({
    data: { merchantId: t.merchantId, customerId: customer.id, number: generateCardNumber((n) => randomBytes(n)), balance: points, storeId: t.store.id },
    select: { id: true },
  });
  if (points > 0) await db.loyaltyLedger.create({ data: { merchantId: t.merchantId, cardId: card.id, kind: "BONUS", amount: points, storeId: t.store.id } });
  const reward = await createRewardRow(t.merchantId, t.programId, 500, "Five euros off");
  await db.loyaltyReward.update({ where: { id: reward.id }, data: { onlineValueCents: 500, onlineCurrency: "EUR" } });
  const accountId = (options.creditCents ?? 0) > 0 ? await giveStoreCredit(t.merchantId, customer.id, options.creditCents!) : null;
  return { ...shop, loyalty: t, customer: { customerId: customer.id, email }, cardId: card.id, rewardId: reward.id, accountId };
}

/** The card's cached balance and the sum of its ledger, which must always agree. */
export async function pointsState(cardId: string) {
  const [card, ledger] = await Promise.all([
    db.loyaltyCard.findUniqueOrThrow({ where: { id: cardId }, select: { balance: true } }),
    db.loyaltyLedger.aggregate({ where: { cardId }, _sum: { amount: true } }),
  ]);
  return { balance: card.balance, ledgerSum: ledger._sum.amount ?? 0 };
}
