import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { createCustomerRow } from "@/tests/integration/cart-fixtures";
import { createProductRow } from "@/tests/integration/catalog-fixtures";
import {
  billPayer,
  createBillingTenant,
  createStoreRow,
  line,
  requestInput,
  requestRowCounts,
  requestState,
  type BillingTenant,
} from "@/tests/integration/payment-request-fixtures";
import { cancelPaymentRequest, createPaymentRequest, madeUpReference, markOverdueRequests, payerLookupKey } from "./mutations";

async function giftCardProduct(tenant: BillingTenant) {
  return db.product.create({
    data: {
      merchantId: tenant.merchant.id,
      storeId: tenant.store.id,
      slug: `card-${randomUUID().slice(0, 8)}`,
      kind: "GIFT_CARD",
      visibility: "PUBLIC",
      priceCents: 5000,
      giftCardAmounts: [5000],
      translations: { create: [{ locale: "en", title: "Gift card" }] },
    },
    select: { id: true },
  });
}

describe("createPaymentRequest", () => {
  it("bills the payer for the lines in the store's currency, with its history row and audit event", async () => {
    const tenant = await createBillingTenant();
    const customer = await createCustomerRow(tenant, `tom-${tenant.tag}@example.test`);
    const product = await createProductRow(tenant, { slug: `p-${tenant.tag}`, priceCents: 2500, translations: { en: { title: "Hemming" }, fr: { title: "Ourlet" } } });
    const input = requestInput(tenant.store.id, {
      payerLocale: "fr",
      forEmail: customer.email,
      dueOn: "2026-12-31",
      note: "Thank you",
      lines: [line("Alterations", "12,50", 2), line("", "25", 1, product.id)],
    });
    const result = await createPaymentRequest(tenant.actor, input, new Date("2026-12-07T12:00:00Z"));
    expect(result).toMatchObject({ ok: true, replayed: false });
    if (!result.ok) return;

    const request = await db.paymentRequest.findUniqueOrThrow({
      where: { id: result.requestId },
      select: {
        merchantId: true,
        storeId: true,
        customerId: true,
        reference: true,
        currency: true,
        totalCents: true,
        dueOn: true,
        note: true,
        status: true,
        payer: { select: { name: true, email: true, locale: true, lookupKey: true } },
        lines: { select: { position: true, productId: true, title: true, unitPriceCents: true, quantity: true, totalCents: true }, orderBy: { position: "asc" } },
        events: { select: { kind: true, actorUserId: true } },
      },
    });
    expect(request).toEqual({
      merchantId: tenant.merchant.id,
      storeId: tenant.store.id,
      customerId: customer.id,
      reference: input.reference,
      currency: "EUR",
      totalCents: 5000,
      dueOn: new Date("2026-12-31T00:00:00Z"),
      note: "Thank you",
      status: "OPEN",
      payer: { name: "Léa Muller", email: input.payerEmail, locale: "fr", lookupKey: `email:${input.payerEmail}` },
      lines: [
        { position: 0, productId: null, title: "Alterations", unitPriceCents: 1250, quantity: 2, totalCents: 2500 },
        // A catalog line without a title of its own takes the product's, in the payer's language.
        { position: 1, productId: product.id, title: "Ourlet", unitPriceCents: 2500, quantity: 1, totalCents: 2500 },
      ],
      events: [{ kind: "CREATED", actorUserId: tenant.owner.id }],
    });
    const audit = await db.auditEvent.findMany({ where: { merchantId: tenant.merchant.id }, select: { action: true, actorUserId: true, targetId: true } });
    expect(audit).toEqual([{ action: "paymentRequest.create", actorUserId: tenant.owner.id, targetId: result.requestId }]);
  });

  it("reads amounts in the store's currency: whole yen, three decimals of dinar", async () => {
    const tenant = await createBillingTenant();
    const yen = await createStoreRow(tenant, { currency: "JPY", timeZone: "Asia/Tokyo" });
    const dinar = await createStoreRow(tenant, { currency: "BHD" });
    const inYen = await createPaymentRequest(tenant.actor, requestInput(yen.id, { lines: [line("Kimono", "5000")] }));
    expect(inYen.ok).toBe(true);
    if (inYen.ok) expect((await db.paymentRequest.findUniqueOrThrow({ where: { id: inYen.requestId } })).totalCents).toBe(5000);
    expect(await createPaymentRequest(tenant.actor, requestInput(yen.id, { lines: [line("Kimono", "50.5")] }))).toEqual({
      ok: false,
      fieldErrors: { "line.0.amount": "invalidAmount" },
    });
    const inDinar = await createPaymentRequest(tenant.actor, requestInput(dinar.id, { lines: [line("Dates", "1.234")] }));
    expect(inDinar.ok).toBe(true);
    if (inDinar.ok) expect((await db.paymentRequest.findUniqueOrThrow({ where: { id: inDinar.requestId } })).totalCents).toBe(1234);
  });

  it("names the form row a refusal is about, whatever empty rows came before it", async () => {
    const tenant = await createBillingTenant();
    const input = requestInput(tenant.store.id);
    // Rows 0 to 2 were left empty: the lines are rows 3 and 5 of the form.
    const lines = [
      { ...line("Hemming", "12"), row: 3 },
      { ...line("Buttons", "0"), row: 5 },
    ];
    expect(await createPaymentRequest(tenant.actor, { ...input, lines })).toEqual({ ok: false, fieldErrors: { "line.5.amount": "invalidAmount" } });
    const tooMuch = [{ ...line("Hemming", "600000", 2), row: 3 }];
    expect(await createPaymentRequest(tenant.actor, { ...input, lines: tooMuch })).toEqual({ ok: false, fieldErrors: { "line.3.amount": "amountTooLarge" } });
  });

  it("keeps one payer per email at the merchant, with the name and language last given", async () => {
    const tenant = await createBillingTenant();
    const email = `anna-${tenant.tag}@example.test`;
    await billPayer(tenant, { payerName: "Anna", payerEmail: email, payerLocale: "de" });
    await billPayer(tenant, { payerName: "Anna Weber", payerEmail: email, payerLocale: "lb" });
    const payers = await db.payer.findMany({ where: { merchantId: tenant.merchant.id }, select: { name: true, locale: true, _count: { select: { requests: true } } } });
    expect(payers).toEqual([{ name: "Anna Weber", locale: "lb", _count: { requests: 2 } }]);
  });

  it("keeps a payer without an email by name, whatever the case and accents of the name", async () => {
    const tenant = await createBillingTenant();
    const first = await billPayer(tenant, { payerName: "ÉLODIE Müller-Weiß", payerEmail: null });
    const second = await billPayer(tenant, { payerName: "élodie müller-weiß", payerEmail: null });
    const payers = await db.payer.findMany({ where: { merchantId: tenant.merchant.id }, select: { id: true, email: true, lookupKey: true } });
    expect(payers).toHaveLength(1);
    expect(payers[0]).toMatchObject({ email: null, lookupKey: payerLookupKey("élodie müller-weiß", null) });
    const requests = await db.paymentRequest.findMany({ where: { id: { in: [first, second] } }, select: { payerId: true } });
    expect(requests.map((r) => r.payerId)).toEqual([payers[0]!.id, payers[0]!.id]);
  });

  it("bills payers without an email whose names JavaScript and the database lower-case differently", async () => {
    const tenant = await createBillingTenant();
    // "İ" lower-cases to "i" + a combining dot in JavaScript, to "i" in PostgreSQL; a final "Σ" to "ς" and "σ".
    for (const payerName of ["İlker Yılmaz", "ΟΔΥΣΣΕΑΣ"]) {
      await billPayer(tenant, { payerName, payerEmail: null });
      await billPayer(tenant, { payerName, payerEmail: null });
    }
    const payers = await db.payer.findMany({ where: { merchantId: tenant.merchant.id }, select: { name: true, _count: { select: { requests: true } } } });
    expect(payers).toHaveLength(2);
    expect(payers).toEqual(
      expect.arrayContaining([
        { name: "İlker Yılmaz", _count: { requests: 2 } },
        { name: "ΟΔΥΣΣΕΑΣ", _count: { requests: 2 } },
      ]),
    );
  });

  it("makes one request of 8 concurrent submissions of the same reference; the others are told it is taken", async () => {
    const tenant = await createBillingTenant();
    const input = requestInput(tenant.store.id, { reference: "INV-2026-001", lines: [line("A", "10"), line("B", "5", 3)] });
    // Each submission is its own form (its own key): the reference alone decides.
    const results = await Promise.all(Array.from({ length: 8 }, () => createPaymentRequest(tenant.actor, { ...input, formKey: randomUUID() })));
    const created = results.filter((r) => r.ok);
    expect(created).toEqual([{ ok: true, requestId: expect.any(String), replayed: false }]);
    expect(results.filter((r) => !r.ok)).toEqual(Array.from({ length: 7 }, () => ({ ok: false, fieldErrors: { reference: "duplicateReference" } })));
    expect(await requestRowCounts(tenant.merchant.id)).toEqual({ requests: 1, payers: 1, lines: 2, events: 1, audits: 1 });
  });

  it("makes one request of the same form sent 8 times at once without a reference; every answer names it", async () => {
    const tenant = await createBillingTenant();
    const input = requestInput(tenant.store.id, { reference: "" });
    const results = await Promise.all(Array.from({ length: 8 }, () => createPaymentRequest(tenant.actor, input)));
    const ids = new Set(results.map((r) => (r.ok ? r.requestId : "refused")));
    expect(ids.size).toBe(1);
    expect(ids.has("refused")).toBe(false);
    expect(results.filter((r) => r.ok && !r.replayed)).toHaveLength(1);
    expect(results.filter((r) => r.ok && r.replayed)).toHaveLength(7);
    const [request] = await db.paymentRequest.findMany({ where: { merchantId: tenant.merchant.id }, select: { reference: true } });
    expect(request!.reference).toBe(madeUpReference(tenant.merchant.id, input.formKey));
    expect(await requestRowCounts(tenant.merchant.id)).toEqual({ requests: 1, payers: 1, lines: 1, events: 1, audits: 1 });
  });

  it("takes the same reference for another payer, or in another store", async () => {
    const tenant = await createBillingTenant();
    const other = await createStoreRow(tenant);
    await billPayer(tenant, { reference: "INV-1", payerEmail: `a-${tenant.tag}@example.test` });
    await billPayer(tenant, { reference: "INV-1", payerEmail: `b-${tenant.tag}@example.test` });
    await billPayer(tenant, { reference: "INV-1", payerEmail: `a-${tenant.tag}@example.test` }, other.id);
    expect((await requestRowCounts(tenant.merchant.id)).requests).toBe(3);
  });

  describe("refusals write nothing", () => {
    async function refused(tenant: BillingTenant, input: ReturnType<typeof requestInput>, now?: Date, actor = tenant.actor) {
      const before = await requestRowCounts(tenant.merchant.id);
      const result = await createPaymentRequest(actor, input, now);
      expect(await requestRowCounts(tenant.merchant.id)).toEqual(before);
      return result;
    }

    it("refuses another merchant's store, and a store outside the member's", async () => {
      const tenant = await createBillingTenant();
      const other = await createBillingTenant();
      const otherBefore = await requestRowCounts(other.merchant.id);
      expect(await refused(tenant, requestInput(other.store.id))).toEqual({ ok: false, fieldErrors: { storeId: "unknownStore" } });
      expect(await requestRowCounts(other.merchant.id)).toEqual(otherBefore);
      const second = await createStoreRow(tenant);
      const limited = { ...tenant.actor, storeIds: [second.id as StoreId] };
      expect(await refused(tenant, requestInput(tenant.store.id), undefined, limited)).toEqual({ ok: false, fieldErrors: { storeId: "unknownStore" } });
    });

    it("refuses a due date before today in the store's zone, and takes today", async () => {
      const tenant = await createBillingTenant();
      // 23:30 in Luxembourg on 7 December, 22:30 UTC: "today" there is the 7th.
      const now = new Date("2026-12-07T22:30:00Z");
      expect(await refused(tenant, requestInput(tenant.store.id, { dueOn: "2026-12-06" }), now)).toEqual({ ok: false, fieldErrors: { dueOn: "dateInPast" } });
      expect((await createPaymentRequest(tenant.actor, requestInput(tenant.store.id, { dueOn: "2026-12-07" }), now)).ok).toBe(true);
      // Half an hour later it is the 8th in Luxembourg: the 7th is past.
      const later = new Date("2026-12-07T23:30:00Z");
      expect(await refused(tenant, requestInput(tenant.store.id, { dueOn: "2026-12-07" }), later)).toEqual({ ok: false, fieldErrors: { dueOn: "dateInPast" } });
    });

    it("refuses a customer the merchant does not have, even one of another merchant", async () => {
      const tenant = await createBillingTenant();
      const other = await createBillingTenant();
      const theirs = await createCustomerRow(other, `kid-${tenant.tag}@example.test`);
      expect(await refused(tenant, requestInput(tenant.store.id, { forEmail: `nobody-${tenant.tag}@example.test` }))).toEqual({
        ok: false,
        fieldErrors: { forEmail: "notCustomer" },
      });
      expect(await refused(tenant, requestInput(tenant.store.id, { forEmail: theirs.email }))).toEqual({ ok: false, fieldErrors: { forEmail: "notCustomer" } });
    });

    it("refuses a product of another store, of another merchant, a gift card and one that does not exist", async () => {
      const tenant = await createBillingTenant();
      const other = await createBillingTenant();
      const secondStore = await createStoreRow(tenant);
      const elsewhere = await createProductRow({ merchant: tenant.merchant, store: secondStore }, { slug: `x-${tenant.tag}` });
      const theirs = await createProductRow(other, { slug: `y-${tenant.tag}` });
      const card = await giftCardProduct(tenant);
      for (const productId of [elsewhere.id, theirs.id, card.id, "cnotaproduct000"]) {
        expect(await refused(tenant, requestInput(tenant.store.id, { lines: [line("Ok", "10"), line("", "20", 1, productId)] }))).toEqual({
          ok: false,
          fieldErrors: { "line.1.productId": "unknownProduct" },
        });
      }
    });

    it("refuses a total below the payment minimum and above the most a request asks", async () => {
      const tenant = await createBillingTenant();
      expect(await refused(tenant, requestInput(tenant.store.id, { lines: [line("Sticker", "0.49")] }))).toEqual({
        ok: false,
        fieldErrors: { "line.0.amount": "belowMinimum" },
      });
      expect(await refused(tenant, requestInput(tenant.store.id, { lines: [line("Car", "1000000.01")] }))).toEqual({
        ok: false,
        fieldErrors: { "line.0.amount": "amountTooLarge" },
      });
      // Each line within the limit, their sum above it.
      expect(await refused(tenant, requestInput(tenant.store.id, { lines: [line("Car", "600000"), line("Boat", "600000")] }))).toEqual({
        ok: false,
        fieldErrors: { "line.0.amount": "amountTooLarge" },
      });
      expect(await refused(tenant, requestInput(tenant.store.id, { lines: [line("Pens", "400000", 3)] }))).toEqual({
        ok: false,
        fieldErrors: { "line.0.amount": "amountTooLarge" },
      });
      // Exactly the minimum is billed.
      expect((await createPaymentRequest(tenant.actor, requestInput(tenant.store.id, { lines: [line("Sticker", "0.50")] }))).ok).toBe(true);
    });

    it("refuses zero, negative and unreadable amounts that reach it without the form", async () => {
      const tenant = await createBillingTenant();
      for (const amount of ["0", "-5", "abc", "1.234"]) {
        expect(await refused(tenant, requestInput(tenant.store.id, { lines: [line("X", amount)] }))).toEqual({
          ok: false,
          fieldErrors: { "line.0.amount": "invalidAmount" },
        });
      }
    });

    it("refuses a reference the payer already has at the store", async () => {
      const tenant = await createBillingTenant();
      const input = requestInput(tenant.store.id);
      await createPaymentRequest(tenant.actor, input);
      expect(await refused(tenant, { ...input, formKey: randomUUID(), lines: [line("Other", "99")] })).toEqual({
        ok: false,
        fieldErrors: { reference: "duplicateReference" },
      });
    });
  });
});

describe("the database's own rules", () => {
  async function requestRow(tenant: BillingTenant) {
    const id = await billPayer(tenant, { reference: "INV-DB" });
    return db.paymentRequest.findUniqueOrThrow({ where: { id }, select: { storeId: true, payerId: true, merchantId: true, currency: true } });
  }

  function insert(row: { merchantId: string; storeId: string; payerId: string; currency: string }, reference: string | null, totalCents: number) {
    return db.$executeRaw`
      INSERT INTO "PaymentRequest" (id, "merchantId", "storeId", "payerId", reference, currency, "totalCents")
      VALUES (${randomUUID()}, ${row.merchantId}, ${row.storeId}, ${row.payerId}, ${reference}, ${row.currency}, ${totalCents})`;
  }

  it("refuses a second request of the same store, payer and reference", async () => {
    const tenant = await createBillingTenant();
    const row = await requestRow(tenant);
    await expect(insert(row, "INV-DB", 1000)).rejects.toThrow(/PaymentRequest_storeId_payerId_reference_key|23505|unique/i);
    expect(await insert(row, "INV-DB-2", 1000)).toBe(1);
  });

  it("has no NULL hole: a request without a reference, or with a blank one, is refused", async () => {
    const tenant = await createBillingTenant();
    const row = await requestRow(tenant);
    await expect(insert(row, null, 1000)).rejects.toThrow(/null|23502/i);
    await expect(insert(row, "   ", 1000)).rejects.toThrow(/PaymentRequest_reference|23514/);
  });

  it("refuses a total of zero or less", async () => {
    const tenant = await createBillingTenant();
    const row = await requestRow(tenant);
    await expect(insert(row, "ZERO", 0)).rejects.toThrow(/PaymentRequest_amounts|23514/);
    await expect(insert(row, "NEG", -100)).rejects.toThrow(/PaymentRequest_amounts|23514/);
  });

  it("keeps the history append-only", async () => {
    const tenant = await createBillingTenant();
    const id = await billPayer(tenant);
    await expect(db.$executeRaw`UPDATE "PaymentRequestEvent" SET kind = 'PAID' WHERE "requestId" = ${id}`).rejects.toThrow(/append-only/);
  });
});

describe("cancelPaymentRequest", () => {
  it("cancels an outstanding request once, with its history and audit; another merchant gets notFound", async () => {
    const tenant = await createBillingTenant();
    const other = await createBillingTenant();
    const id = await billPayer(tenant);
    expect(await cancelPaymentRequest({ ...other.actor }, id)).toEqual({ ok: false, reason: "notFound" });
    expect(await cancelPaymentRequest(tenant.actor, id)).toEqual({ ok: true });
    expect(await cancelPaymentRequest(tenant.actor, id)).toEqual({ ok: false, reason: "notOutstanding" });
    const state = await requestState(id);
    expect(state.status).toBe("CANCELLED");
    expect(state.events.map((e) => e.kind)).toEqual(["CREATED", "CANCELLED"]);
  });
});

describe("markOverdueRequests", () => {
  // Requests due in January 2020: no other test's request is due that early.
  async function dueOn(tenant: BillingTenant, day: string, storeId = tenant.store.id) {
    return billPayer(tenant, { dueOn: day }, storeId, new Date("2020-01-01T12:00:00Z"));
  }

  it("moves open requests whose due day has passed in the store's zone, once, with a history row", async () => {
    const tenant = await createBillingTenant();
    const newYork = await createStoreRow(tenant, { timeZone: "America/New_York" });
    const yesterday = await dueOn(tenant, "2020-01-14");
    const today = await dueOn(tenant, "2020-01-15");
    const todayInNewYork = await dueOn(tenant, "2020-01-15", newYork.id);
    const tomorrow = await dueOn(tenant, "2020-01-16");
    const undated = await billPayer(tenant);
    const cancelled = await dueOn(tenant, "2020-01-10");
    await cancelPaymentRequest(tenant.actor, cancelled);
    const status = async (id: string) => (await requestState(id)).status;

    // 23:30 on the 15th in Luxembourg (UTC+1): the 14th has passed, the 15th has not.
    await markOverdueRequests(new Date("2020-01-15T22:30:00Z"));
    expect(await status(yesterday)).toBe("OVERDUE");
    expect(await status(today)).toBe("OPEN");

    // 00:30 on the 16th in Luxembourg, still the 15th in New York.
    await markOverdueRequests(new Date("2020-01-15T23:30:00Z"));
    expect(await status(today)).toBe("OVERDUE");
    expect(await status(todayInNewYork)).toBe("OPEN");
    expect(await status(tomorrow)).toBe("OPEN");
    expect(await status(undated)).toBe("OPEN");
    expect(await status(cancelled)).toBe("CANCELLED");

    // Run again (a retried job): nothing moves twice.
    await markOverdueRequests(new Date("2020-01-15T23:30:00Z"));
    await markOverdueRequests(new Date("2020-01-15T23:45:00Z"));
    for (const id of [yesterday, today]) {
      expect((await requestState(id)).events.map((e) => e.kind)).toEqual(["CREATED", "OVERDUE"]);
    }
    expect((await requestState(todayInNewYork)).events.map((e) => e.kind)).toEqual(["CREATED"]);
    expect((await requestState(cancelled)).events.map((e) => e.kind)).toEqual(["CREATED", "CANCELLED"]);

    // New York's midnight (05:00 UTC on the 16th) passes: its request moves too.
    await markOverdueRequests(new Date("2020-01-16T05:30:00Z"));
    expect(await status(todayInNewYork)).toBe("OVERDUE");
    const history = await db.paymentRequestEvent.findMany({ where: { requestId: todayInNewYork, kind: "OVERDUE" }, select: { merchantId: true, createdAt: true } });
    expect(history).toEqual([{ merchantId: tenant.merchant.id, createdAt: new Date("2020-01-16T05:30:00Z") }]);
  });

  it("moves nothing of a run that another run started at the same time", async () => {
    const tenant = await createBillingTenant();
    const ids = await Promise.all(["2020-01-02", "2020-01-03", "2020-01-04"].map((day) => dueOn(tenant, day)));
    const now = new Date("2020-01-20T12:00:00Z");
    await Promise.all([markOverdueRequests(now), markOverdueRequests(now), markOverdueRequests(now)]);
    for (const id of ids) expect((await requestState(id)).events.map((e) => e.kind)).toEqual(["CREATED", "OVERDUE"]);
  });

  it("leaves the tenant's merchant id on every history row (no request of another merchant is touched)", async () => {
    const tenant = await createBillingTenant();
    const other = await createBillingTenant();
    const mine = await dueOn(tenant, "2020-01-05");
    const theirs = await billPayer(other, { dueOn: "2020-01-25" }, other.store.id, new Date("2020-01-01T12:00:00Z"));
    await markOverdueRequests(new Date("2020-01-10T12:00:00Z"));
    expect((await requestState(mine)).status).toBe("OVERDUE");
    expect((await requestState(theirs)).status).toBe("OPEN");
    const rows = await db.paymentRequestEvent.findMany({ where: { requestId: mine }, select: { merchantId: true } });
    expect(rows.every((r) => r.merchantId === (tenant.merchant.id as MerchantId))).toBe(true);
  });
});
