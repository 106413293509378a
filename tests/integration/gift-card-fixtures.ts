import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { issueCard } from "@/lib/gift-cards/ledger";
import type { MerchantId } from "@/lib/tenancy/types";

/**
 * A gift card of `merchantId` issued through the ledger (card and ISSUE row), then put in the
 * state asked for. Returns its code (compact), which nothing stores.
 */
export async function createGiftCard(
  merchantId: string,
  data: {
    balanceCents: number;
    currency?: string;
    status?: "ACTIVE" | "DISABLED";
    expiresAt?: Date | null;
    lockedCustomerId?: string | null;
  },
) {
  const issued = await db.$transaction((tx) =>
    issueCard(
      tx,
      { merchantId: merchantId as MerchantId, transactionId: randomUUID() },
      {
        currency: data.currency ?? "EUR",
        amountCents: data.balanceCents,
        source: "MANUAL",
        expiresAt: data.expiresAt ?? null,
        deliveryLocale: "en",
        lockedCustomerId: data.lockedCustomerId ?? null,
        note: "test card",
      },
    ),
  );
  if (!issued) throw new Error("gift card not issued");
  if (data.status === "DISABLED") await db.giftCard.update({ where: { id: issued.id }, data: { status: "DISABLED" } });
  return issued;
}

/** The card's balance and the sum of its ledger, which must always agree. */
export async function giftCardState(cardId: string) {
  const card = await db.giftCard.findUniqueOrThrow({ where: { id: cardId }, select: { balanceCents: true, status: true } });
  const ledger = await db.giftCardLedger.aggregate({ where: { cardId }, _sum: { amountCents: true } });
  const rows = await db.giftCardLedger.findMany({ where: { cardId }, orderBy: { createdAt: "asc" }, select: { kind: true, amountCents: true, balanceAfterCents: true, orderId: true } });
  return { ...card, ledgerSumCents: ledger._sum.amountCents ?? 0, rows };
}
