import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { requeueStaleEmails } from "@/lib/email/mutations";
import { JOBS_SCHEMA } from "@/lib/jobs/boss";
import { EMAIL_SEND_QUEUE } from "@/lib/email/queues";
import type { MerchantId } from "@/lib/tenancy/types";
import { addDays, startOfDayKey, todayKey } from "@/lib/time";
import { createShop } from "@/tests/integration/checkout-fixtures";
import { createGiftCardOrder, payOrder } from "@/tests/integration/gift-card-order-fixtures";
import { ageMessage, discardEmails, sendJobsFor } from "@/tests/doubles/email";
import { proxiedHeaders } from "@/tests/doubles/proxy";
import { hashGiftCardCode, parseGiftCardCode } from "./code";
import { findOrderCardDeliveries } from "./delivery-data";
import { expiryAfterDays, expiryAfterMonths } from "./rules";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers, cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }) }));

const { GET: certificateGET } = await import("@/app/[locale]/s/[store]/gift-cards/certificate/route");

const started = new Date();
afterAll(async () => {
  await discardEmails(["gift-card-delivery", "order-confirmation"], started);
});

let forLea = { recipient: { name: "Léa", email: "Lea@Example.test" }, message: "Happy birthday!", deliverOn: null, locale: "fr" as const };

async function giftShop(options: { expiryMonths?: number | null; promotion?: boolean } = {}) {
  const shop = await createShop();
  // A recipient of this test's own.
  forLea = { ...forLea, recipient: { name: "Léa", email: `Lea-${shop.tenant.tag}@Example.test` } };
  await db.merchant.update({ where: { id: shop.store.merchantId }, data: { giftCardExpiryMonths: options.expiryMonths === undefined ? 12 : options.expiryMonths } });
  if (options.promotion !== false) {
    await db.giftCardPromotion.create({ data: { merchantId: shop.store.merchantId, currency: "EUR", minPurchaseCents: 5000, bonusCents: 1000, bonusValidDays: 30 } });
  }
  return shop;
}

async function cardsOf(orderId: string) {
  return db.giftCard.findMany({
    where: { orderId },
    select: {
      id: true,
      source: true,
      unitIndex: true,
      initialCents: true,
      balanceCents: true,
      currency: true,
      storeId: true,
      expiresAt: true,
      recipientName: true,
      recipientEmail: true,
      deliverAt: true,
      deliveryLocale: true,
      deliveryEmailId: true,
      bonusForId: true,
      codeHash: true,
      ledger: { select: { kind: true, amountCents: true, transactionId: true, orderId: true } },
    },
    orderBy: [{ source: "asc" }, { unitIndex: "asc" }, { createdAt: "asc" }],
  });
}

async function emailsTo(to: string) {
  return db.emailMessage.findMany({
    where: { to, template: "gift-card-delivery" },
    select: { id: true, to: true, locale: true, data: true, sendAfter: true, idempotencyKey: true, status: true },
    orderBy: { createdAt: "asc" },
  });
}

const codeOf = (data: unknown) => {
  const parsed = parseGiftCardCode((data as { code: string }).code);
  if (!parsed.ok) throw new Error("no code in the email");
  return parsed.code;
};

describe("paying an order of gift cards", () => {
  it("issues one card per unit and the bonus cards, with ISSUE rows and their emails, exactly once", async () => {
    const shop = await giftShop();
    const order = await createGiftCardOrder(shop, [{ amountCents: 5000, quantity: 2, purchase: forLea }]);
    expect(await payOrder(order.id)).toBe("applied");

    const cards = await cardsOf(order.id);
    const purchased = cards.filter((c) => c.source === "PURCHASE");
    const bonuses = cards.filter((c) => c.source === "BONUS");
    expect(purchased.map((c) => c.unitIndex)).toEqual([0, 1]);
    expect(bonuses).toHaveLength(2);
    const { paidAt } = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { paidAt: true } });
    for (const card of purchased) {
      expect(card).toMatchObject({
        initialCents: 5000,
        balanceCents: 5000,
        currency: "EUR",
        storeId: shop.store.id,
        recipientName: "Léa",
        recipientEmail: forLea.recipient.email.toLowerCase(),
        deliverAt: null,
        deliveryLocale: "fr",
        expiresAt: expiryAfterMonths(paidAt!, 12, "Europe/Luxembourg"),
      });
      expect(card.ledger).toEqual([{ kind: "ISSUE", amountCents: 5000, transactionId: order.transactionId, orderId: order.id }]);
    }
    expect(new Set(bonuses.map((b) => b.bonusForId))).toEqual(new Set(purchased.map((c) => c.id)));
    for (const bonus of bonuses) {
      expect(bonus).toMatchObject({ initialCents: 1000, recipientEmail: order.email, expiresAt: expiryAfterDays(paidAt!, 30, "Europe/Luxembourg") });
      expect(bonus.ledger).toEqual([{ kind: "ISSUE", amountCents: 1000, transactionId: order.transactionId, orderId: order.id }]);
    }

    // Léa gets her two cards at once, in French; the code in each email is the card's.
    const toLea = await emailsTo(forLea.recipient.email.toLowerCase());
    expect(toLea).toHaveLength(2);
    expect(toLea.map((e) => e.id).sort()).toEqual(purchased.map((c) => c.deliveryEmailId).sort());
    for (const email of toLea) {
      expect(email).toMatchObject({ locale: "fr", sendAfter: null, data: { kind: "recipient", recipientName: "Léa", message: "Happy birthday!", amountCents: 5000 } });
      expect(purchased.map((c) => c.codeHash)).toContain(hashGiftCardCode(codeOf(email.data)));
    }
    // The buyer gets a copy of each at once, and the two bonus cards.
    const toBuyer = await emailsTo(order.email);
    expect(toBuyer.map((e) => (e.data as { kind: string }).kind).sort()).toEqual(["bonus", "bonus", "buyerCopy", "buyerCopy"]);
    expect(toBuyer.every((e) => e.sendAfter === null && e.locale === "en")).toBe(true);
    expect(toBuyer.filter((e) => (e.data as { kind: string }).kind === "buyerCopy").map((e) => hashGiftCardCode(codeOf(e.data))).sort()).toEqual(
      purchased.map((c) => c.codeHash).sort(),
    );
    expect(bonuses.map((b) => b.deliveryEmailId).sort()).toEqual(toBuyer.filter((e) => (e.data as { kind: string }).kind === "bonus").map((e) => e.id).sort());

    // The order's page lists each card followed by its bonus, on their way at once.
    const deliveries = await findOrderCardDeliveries(shop.store.merchantId, order.id, new Date(), shop.store.id);
    expect(deliveries.map((d) => [d.source, d.amountCents, d.recipientName, d.deliverAt, d.status, d.recipientChangeable])).toEqual([
      ["PURCHASE", 5000, "Léa", null, "queued", false],
      ["BONUS", 1000, null, null, "queued", false],
      ["PURCHASE", 5000, "Léa", null, "queued", false],
      ["BONUS", 1000, null, null, "queued", false],
    ]);
    expect(deliveries.map((d) => d.cardId)).toEqual([purchased[0]!.id, bonuses.find((b) => b.bonusForId === purchased[0]!.id)!.id, purchased[1]!.id, bonuses.find((b) => b.bonusForId === purchased[1]!.id)!.id]);
    const otherStore = await createShop();
    expect(await findOrderCardDeliveries(shop.store.merchantId, order.id, new Date(), otherStore.store.id)).toEqual([]);

    // The same event again, and another paid event for the order, issue nothing more.
    expect(await payOrder(order.id)).toBe("duplicate");
    expect(await payOrder(order.id, `other-${order.id}`)).not.toBe("applied");
    expect(await cardsOf(order.id)).toHaveLength(4);
    expect(await db.giftCardLedger.count({ where: { orderId: order.id } })).toBe(4);
    expect(await emailsTo(forLea.recipient.email.toLowerCase())).toHaveLength(2);
    expect(await emailsTo(order.email)).toHaveLength(4);
  });

  it("issues the cards once when two paid events arrive at the same time", async () => {
    const shop = await giftShop();
    const order = await createGiftCardOrder(shop, [{ amountCents: 2500, quantity: 3, purchase: { ...forLea, recipient: null } }]);
    const results = await Promise.all([payOrder(order.id, `a-${order.id}`), payOrder(order.id, `b-${order.id}`)]);
    expect(results.filter((r) => r === "applied")).toHaveLength(1);
    const cards = await cardsOf(order.id);
    // Below the promotion's minimum: no bonus. For the buyer, delivered at once: no copy.
    expect(cards.map((c) => [c.source, c.unitIndex, c.recipientEmail])).toEqual([
      ["PURCHASE", 0, order.email],
      ["PURCHASE", 1, order.email],
      ["PURCHASE", 2, order.email],
    ]);
    expect(await emailsTo(order.email)).toHaveLength(3);
  });

  it("keeps a card for a later day until that day: the sweep does not send it early; the buyer's copy goes at once", async () => {
    const shop = await giftShop({ expiryMonths: null, promotion: false });
    const day = addDays(todayKey("Europe/Luxembourg"), 10);
    const order = await createGiftCardOrder(shop, [{ amountCents: 3000, quantity: 1, purchase: { ...forLea, recipient: { name: "Jos", email: `jos-${shop.tenant.tag}@example.test` }, deliverOn: day } }]);
    expect(await payOrder(order.id)).toBe("applied");
    const [card] = await cardsOf(order.id);
    const deliverAt = startOfDayKey(day, "Europe/Luxembourg");
    expect(card).toMatchObject({ deliverAt, expiresAt: null });

    const [toJos] = await emailsTo(`jos-${shop.tenant.tag}@example.test`);
    expect(toJos).toMatchObject({ id: card!.deliveryEmailId, sendAfter: deliverAt, status: "QUEUED", data: { expiresOn: null } });
    const [job] = await db.$queryRawUnsafe<{ start_after: Date }[]>(
      `SELECT start_after FROM "${JOBS_SCHEMA}".job WHERE name = $1 AND singleton_key = $2`,
      EMAIL_SEND_QUEUE.name,
      toJos!.id,
    );
    expect(job!.start_after.getTime()).toBe(deliverAt.getTime());

    // Its job lost and the row old: the sweep still leaves it for its day.
    await db.$executeRawUnsafe(`DELETE FROM "${JOBS_SCHEMA}".job WHERE singleton_key = $1`, toJos!.id);
    await ageMessage(toJos!.id, 3600);
    await requeueStaleEmails({ limit: 10_000 });
    expect(await sendJobsFor(toJos!.id)).toHaveLength(0);

    const [copy] = await emailsTo(order.email);
    expect(copy).toMatchObject({ sendAfter: null, data: { kind: "buyerCopy", recipientName: "Jos", deliverOn: day } });
    expect(hashGiftCardCode(codeOf(copy!.data))).toBe(card!.codeHash);

    // The buyer sees it scheduled; another merchant sees nothing of the order.
    const deliveries = await findOrderCardDeliveries(shop.store.merchantId, order.id);
    expect(deliveries).toMatchObject([{ last4: expect.any(String), amountCents: 3000, recipientName: "Jos", deliverAt, status: "scheduled", recipientChangeable: true }]);
    const other = await createShop();
    expect(await findOrderCardDeliveries(other.store.merchantId as MerchantId, order.id)).toEqual([]);
  });
});

describe("the certificate link", () => {
  async function fetchCertificate(host: string, slug: string, token: string | null) {
    request.headers = await proxiedHeaders(host);
    const url = `http://${host}/gift-cards/certificate${token === null ? "" : `?t=${encodeURIComponent(token)}`}`;
    try {
      return await certificateGET(new Request(url), { params: Promise.resolve({ locale: "en", store: slug }) });
    } catch (error) {
      if (/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/.test(String((error as { digest?: string }).digest ?? error))) return new Response(null, { status: 404 });
      throw error;
    }
  }

  it("serves the card's PDF on its merchant's storefront only, and nothing for a forged token", async () => {
    const shop = await giftShop({ promotion: false });
    const order = await createGiftCardOrder(shop, [{ amountCents: 4000, quantity: 1, purchase: forLea }]);
    await payOrder(order.id);
    const [email] = await emailsTo(forLea.recipient.email.toLowerCase());
    const link = new URL((email!.data as { certificateUrl: string }).certificateUrl);
    expect(link.host).toBe(`${shop.tenant.store.slug}.localhost:3000`);
    // Léa's card speaks French, which this store does not offer: the link is in its default language.
    expect(link.pathname).toBe("/gift-cards/certificate");
    const token = link.searchParams.get("t")!;

    const ok = await fetchCertificate(link.host, shop.tenant.store.slug, token);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
    expect(ok.headers.get("content-disposition")).toMatch(/^inline/);
    expect(ok.headers.get("cache-control")).toBe("private, no-store");
    expect(Buffer.from(await ok.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const other = await createShop();
    expect((await fetchCertificate(`${other.tenant.store.slug}.localhost:3000`, other.tenant.store.slug, token)).status).toBe(404);
    const forged = Buffer.from(token, "base64url");
    forged[forged.length - 1] = forged[forged.length - 1]! ^ 1;
    expect((await fetchCertificate(link.host, shop.tenant.store.slug, forged.toString("base64url"))).status).toBe(404);
    expect((await fetchCertificate(link.host, shop.tenant.store.slug, null)).status).toBe(404);
    // The apex cannot reach the storefront's route.
    expect((await fetchCertificate("localhost:3000", shop.tenant.store.slug, token)).status).toBe(404);
  });
});
