/**
 * Demo data, idempotent: running it twice changes nothing. `--if-empty` skips it on a database
 * that already has merchants (so `npm run dev` seeds on the first run only).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { db, disconnectDb } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { GIFT_CARD_ALPHABET, hashGiftCardCode } from "@/lib/gift-cards/code";
import { creditAccount, ensureAccount } from "@/lib/credit/ledger";
import { issueCard } from "@/lib/gift-cards/ledger";
import { generateCardNumber } from "@/lib/loyalty/card-number";
import type { MerchantId } from "@/lib/tenancy/types";
import { createPaymentRequest } from "@/lib/payment-requests/mutations";
import { addDays, todayKey } from "@/lib/time";
import { DEMO_COUPONS, DEMO_GIFT_CARDS, DEMO_LOYALTY, DEMO_MEMBERS, DEMO_PASSWORD, DEMO_PAYMENT_REQUESTS, DEMO_USERS, DEMO_MERCHANTS } from "./demo-data";

/** Random bytes that make generateGiftCardCode draw `code`'s characters (its check character follows from them). */
function codeBytes(code: string): (n: number) => Uint8Array {
  return (n) => Uint8Array.from({ length: n }, (_, i) => (i < code.length - 1 ? GIFT_CARD_ALPHABET.indexOf(code[i]!) : 0));
}

async function main() {
  if (process.argv.includes("--if-empty") && (await db.merchant.count()) > 0) {
    console.log("Seed: the database already has data; skipped.");
    return;
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const users = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const user = await db.user.upsert({
      where: { email: u.email },
      update: {},
      create: {
        email: u.email,
        name: u.name,
        passwordHash: u.password ? passwordHash : null,
        isPlatformAdmin: "admin" in u && u.admin,
        emailVerified: new Date(),
      },
      select: { id: true },
    });
    users.set(u.email, user.id);
  }

  for (const m of DEMO_MERCHANTS) {
    const existing = await db.store.findUnique({ where: { slug: m.stores[0]!.slug }, select: { merchantId: true } });
    const merchantId =
      existing?.merchantId ?? (await db.merchant.create({ data: { name: m.name }, select: { id: true } })).id;

    for (const s of m.stores) {
      const store = await db.store.upsert({
        where: { slug: s.slug },
        update: {},
        create: {
          merchantId,
          slug: s.slug,
          name: s.name,
          currency: s.currency,
          defaultLocale: s.defaultLocale,
          locales: s.locales,
        },
        select: { id: true },
      });
      for (const p of s.products) {
        await db.product.upsert({
          where: { storeId_slug: { storeId: store.id, slug: p.slug } },
          update: {},
          create: {
            merchantId,
            storeId: store.id,
            slug: p.slug,
            priceCents: p.priceCents,
            stock: p.stock ?? null,
            ...(p.giftCardAmounts ? { kind: "GIFT_CARD" as const, giftCardAmounts: p.giftCardAmounts } : {}),
            visibility: "PUBLIC",
            translations: {
              create: Object.entries(p.title).map(([locale, title]) => ({
                locale,
                title,
                description: p.description[locale as keyof typeof p.description] ?? "",
              })),
            },
          },
        });
      }
      // Demo coupons: created once, never reset, so merchants' edits survive a re-seed.
      for (const c of DEMO_COUPONS[s.slug] ?? []) {
        await db.coupon.upsert({
          where: { storeId_code: { storeId: store.id, code: c.code } },
          update: {},
          create: {
            merchantId,
            storeId: store.id,
            code: c.code,
            kind: c.kind,
            amountCents: c.amountCents ?? null,
            percentBasisPoints: c.percentBasisPoints ?? null,
            maxDiscountCents: c.maxDiscountCents ?? null,
            minSubtotalCents: c.minSubtotalCents ?? null,
            endsAt: c.endsAt ?? null,
            perCustomerLimit: c.perCustomerLimit ?? null,
            combinable: c.combinable ?? false,
          },
        });
      }
    }

    for (const member of m.members) {
      const userId = users.get(member.email)!;
      await db.membership.upsert({
        where: { userId_merchantId: { userId, merchantId } },
        update: {},
        create: { userId, merchantId, role: member.role },
      });
    }
    for (const email of m.customers) {
      const userId = users.get(email)!;
      await db.customer.upsert({
        where: { merchantId_email: { merchantId, email } },
        update: {},
        create: { merchantId, email, userId, name: DEMO_USERS.find((u) => u.email === email)?.name },
      });
    }
    const giftCard = DEMO_GIFT_CARDS[m.name];
    if (giftCard && !(await db.giftCard.findUnique({ where: { codeHash: hashGiftCardCode(giftCard.code) }, select: { id: true } }))) {
      const storeId = (await db.store.findUniqueOrThrow({ where: { slug: giftCard.storeSlug }, select: { id: true } })).id;
      await db.$transaction((tx) =>
        issueCard(
          tx,
          { merchantId: merchantId as MerchantId, transactionId: randomUUID(), storeId },
          { currency: giftCard.currency, amountCents: giftCard.amountCents, source: "MANUAL", expiresAt: null, deliveryLocale: "en", storeId, note: "Demo card" },
          // The known code of the demo data instead of a random one.
          codeBytes(giftCard.code),
        ),
      );
    }
    const loyalty = DEMO_LOYALTY[m.name];
    if (loyalty && !(await db.loyaltyProgram.findUnique({ where: { merchantId }, select: { id: true } }))) {
      const { rewards, ...program } = loyalty;
      const created = await db.loyaltyProgram.create({ data: { ...program, merchantId, status: "ACTIVE" }, select: { id: true } });
      for (const r of rewards) {
        await db.loyaltyReward.create({
          data: {
            merchantId,
            programId: created.id,
            cost: r.cost,
            ...(r.onlineValueCents ? { onlineValueCents: r.onlineValueCents, onlineCurrency: "EUR" } : {}),
            translations: { create: Object.entries(r.name).map(([locale, name]) => ({ locale, name, description: r.description[locale as keyof typeof r.description] })) },
          },
        });
      }
    }
  }
  for (const [name, member] of Object.entries(DEMO_MEMBERS)) {
    const merchantId = (await db.merchant.findFirstOrThrow({ where: { name }, select: { id: true } })).id as MerchantId;
    const customer = await db.customer.findUniqueOrThrow({ where: { merchantId_email: { merchantId, email: member.email } }, select: { id: true } });
    if (await db.loyaltyCard.findFirst({ where: { merchantId, customerId: customer.id }, select: { id: true } })) continue;
    const storeId = (await db.store.findUniqueOrThrow({ where: { slug: member.storeSlug }, select: { id: true } })).id;
    await db.$transaction(async (tx) => {
      const card = await tx.loyaltyCard.create({
        data: { merchantId, customerId: customer.id, number: generateCardNumber((n) => randomBytes(n)), balance: member.points, storeId },
        select: { id: true },
      });
      await tx.loyaltyLedger.create({ data: { merchantId, cardId: card.id, kind: "BONUS", amount: member.points, storeId, reason: "Demo points" } });
      const accountId = await ensureAccount(tx, merchantId, customer.id, member.currency);
      await creditAccount(tx, { merchantId, transactionId: randomUUID(), storeId, reason: "Demo credit" }, accountId, {
        kind: "CREDIT",
        origin: "GOODWILL",
        amountCents: member.storeCreditCents,
        expiresAt: null,
      });
    });
  }
  for (const [name, requests] of Object.entries(DEMO_PAYMENT_REQUESTS)) {
    const merchantId = (await db.merchant.findFirstOrThrow({ where: { name }, select: { id: true } })).id as MerchantId;
    for (const request of requests) {
      const store = await db.store.findUniqueOrThrow({ where: { slug: request.storeSlug }, select: { id: true, timeZone: true } });
      // One request per (store, payer, reference): a second run finds it and writes nothing.
      const created = await createPaymentRequest(
        { merchantId, userId: null, storeIds: null },
        {
          storeId: store.id,
          payerName: request.payer.name,
          payerEmail: request.payer.email,
          payerLocale: request.payer.locale,
          forEmail: null,
          reference: request.reference,
          dueOn: addDays(todayKey(store.timeZone), request.dueInDays),
          note: null,
          lines: request.lines.map((line, row) => ({ row, productId: null, ...line })),
          formKey: `demo-${request.reference}`,
        },
      );
      if (!created.ok && created.fieldErrors.reference !== "duplicateReference") throw new Error(`Demo payment request refused: ${JSON.stringify(created.fieldErrors)}`);
    }
  }
  console.log("Seed: demo data is in place.");
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());
