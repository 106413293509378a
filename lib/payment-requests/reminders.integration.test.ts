import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { emailSubject } from "@/lib/email/render";
import type { Locale } from "@/lib/locales";
import type { MerchantId } from "@/lib/tenancy/types";
import { memberOf } from "@/tests/integration/actors";
import { createOrderRow } from "@/tests/integration/order-fixtures";
import { billPayer, createBillingTenant, createStoreRow, line, requestState, type BillingTenant } from "@/tests/integration/payment-request-fixtures";
import { requestFromOrder } from "./from-orders";
import { payRequestPath, storefrontUrl, unsubscribePath, verifyPayToken, verifyUnsubscribeToken } from "./links";
import { cancelPaymentRequest, stopReminders } from "./mutations";
import { remindPayer, sendDueReminders, sendTestReminder } from "./reminders";

const DAY = 24 * 60 * 60 * 1000;
/** When the requests are written (their due dates are after it), and when the first reminder goes. */
const BILLED = new Date("2026-12-01T09:00:00Z");
const T0 = new Date("2026-12-08T09:00:00Z");
const after = (days: number, from = T0) => new Date(from.getTime() + days * DAY);

interface ReminderData {
  merchantName: string;
  payerName: string;
  items: Array<{
    storeName: string;
    reference: string;
    title: string;
    lineCount: number;
    currency: string;
    amountCents: number;
    dueOn: string | null;
    overdue: boolean;
    payUrl: string;
  }>;
  totals: Array<{ currency: string; totalCents: number }>;
  unsubscribeUrl: string;
}

/** The reminders the merchant sent to `to`, oldest first. */
async function remindersTo(merchantId: string, to: string) {
  const rows = await db.emailMessage.findMany({
    where: { merchantId, to, template: { startsWith: "payment-reminder" } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, to: true, template: true, locale: true, subject: true, idempotencyKey: true, data: true },
  });
  return rows.map((row) => ({ ...row, data: row.data as unknown as ReminderData }));
}

async function payerOf(requestId: string) {
  const request = await db.paymentRequest.findUniqueOrThrow({ where: { id: requestId }, select: { payer: { select: { id: true, email: true } } } });
  return { id: request.payer.id, email: request.payer.email! };
}

async function payerState(payerId: string) {
  return db.payer.findUniqueOrThrow({ where: { id: payerId }, select: { reminderCount: true, lastRemindedAt: true } });
}

const emailOf = (label: string, tenant: { tag: string }) => `${label}-${tenant.tag}@example.test`;

/**
 * Léa owes the merchant three items in two stores and currencies (one overdue), and had one
 * paid and one cancelled; Tom owes it one; Léa also owes another merchant one.
 */
async function owingPayers(locale: Locale = "de") {
  const tenant = await createBillingTenant({ defaultLocale: "en", locales: ["en", "de", "fr"] });
  const zurich = await createStoreRow(tenant, { currency: "CHF", defaultLocale: "fr", locales: ["fr"] });
  const other = await createBillingTenant();
  const lea = { payerName: "Léa Muller", payerEmail: emailOf("lea", tenant), payerLocale: locale };
  const bill = (overrides: Parameters<typeof billPayer>[1], storeId = tenant.store.id) => billPayer(tenant, { ...lea, ...overrides }, storeId, BILLED);

  const dueLater = await bill({ reference: "INV-1", dueOn: "2026-12-20", lines: [line("Alterations: trousers", "35")] });
  const inFrancs = await bill({ reference: "INV-2", lines: [line("Repair", "12.50"), line("Buttons", "7.50")] }, zurich.id);
  const overdue = await bill({ reference: "INV-3", dueOn: "2026-12-05", lines: [line("Hemming", "6", 2)] });
  await db.paymentRequest.update({ where: { id: overdue }, data: { status: "OVERDUE" } });
  const paid = await bill({ reference: "INV-4", lines: [line("Paid already", "99")] });
  await db.paymentRequest.update({ where: { id: paid }, data: { status: "PAID", paidAt: BILLED } });
  const cancelled = await bill({ reference: "INV-5", lines: [line("Withdrawn", "50")] });
  await cancelPaymentRequest(tenant.actor, cancelled, BILLED);
  const toms = await billPayer(tenant, { payerName: "Tom", payerEmail: emailOf("tom", tenant), payerLocale: "en", reference: "INV-1" }, tenant.store.id, BILLED);
  const elsewhere = await billPayer(other, { ...lea, reference: "INV-1", lines: [line("Elsewhere", "80")] }, other.store.id, BILLED);

  return { tenant, zurich, other, lea, dueLater, inFrancs, overdue, paid, cancelled, toms, elsewhere, leaPayer: await payerOf(dueLater) };
}

describe("the grouped reminder", () => {
  it("sends each payer one email in their language with exactly their open items of the merchant, a pay link each and the totals", async () => {
    const owing = await owingPayers("de");
    const { tenant, lea } = owing;
    await sendDueReminders(T0);

    const emails = await remindersTo(tenant.merchant.id, lea.payerEmail);
    expect(emails).toHaveLength(1);
    const email = emails[0]!;
    expect(email).toMatchObject({ template: "payment-reminder", locale: "de", idempotencyKey: `payment-reminder:${owing.leaPayer.id}:1` });
    expect(email.subject).toBe(emailSubject("payment-reminder", "de", email.data));

    const store = await db.store.findUniqueOrThrow({ where: { id: tenant.store.id }, select: { name: true, slug: true, defaultLocale: true, locales: true } });
    const zurich = await db.store.findUniqueOrThrow({ where: { id: owing.zurich.id }, select: { name: true, slug: true, defaultLocale: true, locales: true } });
    expect(email.data).toEqual({
      merchantName: tenant.merchant.name,
      payerName: "Léa Muller",
      // Soonest due first (the overdue one), undated last.
      items: [
        { storeName: store.name, reference: "INV-3", title: "Hemming", lineCount: 1, currency: "EUR", amountCents: 1200, dueOn: "2026-12-05", overdue: true, payUrl: storefrontUrl(store, payRequestPath(owing.overdue), "de") },
        { storeName: store.name, reference: "INV-1", title: "Alterations: trousers", lineCount: 1, currency: "EUR", amountCents: 3500, dueOn: "2026-12-20", overdue: false, payUrl: storefrontUrl(store, payRequestPath(owing.dueLater), "de") },
        { storeName: zurich.name, reference: "INV-2", title: "Repair", lineCount: 2, currency: "CHF", amountCents: 2000, dueOn: null, overdue: false, payUrl: storefrontUrl(zurich, payRequestPath(owing.inFrancs), "de") },
      ],
      totals: [
        { currency: "CHF", totalCents: 2000 },
        { currency: "EUR", totalCents: 4700 },
      ],
      unsubscribeUrl: storefrontUrl(store, unsubscribePath(owing.leaPayer.id), "de"),
    });
    // Each pay link is its own request's, on its store's storefront, in Léa's language where the store speaks it.
    const links = email.data.items.map((item) => new URL(item.payUrl));
    expect(links.map((u) => u.host)).toEqual([`${store.slug}.localhost:3000`, `${store.slug}.localhost:3000`, `${zurich.slug}.localhost:3000`]);
    expect(links.map((u) => u.pathname)).toEqual([`/de/pay/r/${owing.overdue}`, `/de/pay/r/${owing.dueLater}`, `/pay/r/${owing.inFrancs}`]);
    for (const [url, id] of links.map((u, i) => [u, [owing.overdue, owing.dueLater, owing.inFrancs][i]!] as const)) {
      expect(verifyPayToken(id, url.searchParams.get("token"))).toBe(true);
      expect(verifyPayToken(owing.paid, url.searchParams.get("token"))).toBe(false);
    }
    const unsubscribe = new URL(email.data.unsubscribeUrl);
    expect(verifyUnsubscribeToken(owing.leaPayer.id, unsubscribe.searchParams.get("token"))).toBe(true);

    // Tom gets his own, in English; the other merchant's Léa gets only what she owes there.
    const toms = await remindersTo(tenant.merchant.id, emailOf("tom", tenant));
    expect(toms).toHaveLength(1);
    expect(toms[0]!.locale).toBe("en");
    expect(toms[0]!.data.items.map((i) => i.payUrl)).toEqual([storefrontUrl(store, payRequestPath(owing.toms), "en")]);
    const elsewhere = await remindersTo(owing.other.merchant.id, lea.payerEmail);
    expect(elsewhere).toHaveLength(1);
    expect(elsewhere[0]!.data.items.map((i) => i.title)).toEqual(["Elsewhere"]);
    expect(elsewhere[0]!.data.totals).toEqual([{ currency: "EUR", totalCents: 8000 }]);

    // The reminded items count it, with a history row naming the email; the others are untouched.
    for (const id of [owing.overdue, owing.dueLater, owing.inFrancs]) {
      const state = await requestState(id);
      expect(state.reminderCount).toBe(1);
      expect(state.events.filter((e) => e.kind === "REMINDED")).toEqual([{ kind: "REMINDED", orderId: null, emailId: email.id }]);
    }
    for (const id of [owing.paid, owing.cancelled]) {
      const state = await requestState(id);
      expect(state.reminderCount).toBe(0);
      expect(state.events.some((e) => e.kind === "REMINDED")).toBe(false);
    }
    expect(await payerState(owing.leaPayer.id)).toEqual({ reminderCount: 1, lastRemindedAt: T0 });
  });

  it("writes the email in French, Luxembourgish or English when that is the payer's language", async () => {
    for (const locale of ["fr", "lb", "en"] as const) {
      const owing = await owingPayers(locale);
      expect(await remindPayer(owing.tenant.merchant.id as MerchantId, owing.leaPayer.id, T0)).toBe("sent");
      const [email] = await remindersTo(owing.tenant.merchant.id, owing.lea.payerEmail);
      expect(email!.locale).toBe(locale);
      expect(email!.subject).toBe(emailSubject("payment-reminder", locale, email!.data));
    }
  });

  it("sends nothing twice in one period, even from two runs at once; after the interval the next one goes", async () => {
    const owing = await owingPayers();
    const { tenant, lea } = owing;
    const merchantId = tenant.merchant.id as MerchantId;

    const [a, b] = await Promise.all([sendDueReminders(T0), sendDueReminders(T0)]);
    expect(a + b).toBeGreaterThanOrEqual(2); // Léa and Tom at least (other tests' payers may be due too).
    expect(await remindersTo(tenant.merchant.id, lea.payerEmail)).toHaveLength(1);
    expect(await remindersTo(tenant.merchant.id, emailOf("tom", tenant))).toHaveLength(1);

    // A retried job, a day later, a minute before the interval is over: nothing.
    await sendDueReminders(T0);
    await sendDueReminders(after(1));
    expect(await remindPayer(merchantId, owing.leaPayer.id, new Date(after(7).getTime() - 60_000))).toBe("notDue");
    await Promise.all([remindPayer(merchantId, owing.leaPayer.id, after(3)), remindPayer(merchantId, owing.leaPayer.id, after(3))]);
    expect(await remindersTo(tenant.merchant.id, lea.payerEmail)).toHaveLength(1);
    expect((await requestState(owing.dueLater)).reminderCount).toBe(1);

    // A week later: the second reminder, its own key, the same items; two runs at once send it once.
    const [x, y] = await Promise.all([remindPayer(merchantId, owing.leaPayer.id, after(7)), remindPayer(merchantId, owing.leaPayer.id, after(7))]);
    expect([x, y].sort()).toEqual(["notDue", "sent"]);
    const emails = await remindersTo(tenant.merchant.id, lea.payerEmail);
    expect(emails.map((e) => e.idempotencyKey)).toEqual([`payment-reminder:${owing.leaPayer.id}:1`, `payment-reminder:${owing.leaPayer.id}:2`]);
    expect(emails[1]!.data.items.map((i) => i.reference)).toEqual(["INV-3", "INV-1", "INV-2"]);
    expect(await payerState(owing.leaPayer.id)).toEqual({ reminderCount: 2, lastRemindedAt: after(7) });
    const state = await requestState(owing.dueLater);
    expect(state.reminderCount).toBe(2);
    expect(state.events.filter((e) => e.kind === "REMINDED").map((e) => e.emailId)).toEqual(emails.map((e) => e.id));

    // Once an item is paid, the next reminder lists only the others.
    await db.paymentRequest.update({ where: { id: owing.overdue }, data: { status: "PAID", paidAt: after(8) } });
    await sendDueReminders(after(14));
    const third = (await remindersTo(tenant.merchant.id, lea.payerEmail))[2]!;
    expect(third.data.items.map((i) => i.reference)).toEqual(["INV-1", "INV-2"]);
    expect(third.data.totals).toEqual([
      { currency: "CHF", totalCents: 2000 },
      { currency: "EUR", totalCents: 3500 },
    ]);
  });

  it("leaves out an item reminded as often as the merchant allows; a payer with only such items gets nothing", async () => {
    const tenant = await createBillingTenant();
    await db.merchant.update({ where: { id: tenant.merchant.id }, data: { paymentReminderMax: 2, paymentReminderDays: 7 } });
    const email = emailOf("ana", tenant);
    const old = await billPayer(tenant, { payerEmail: email, reference: "OLD" }, tenant.store.id, BILLED);
    const payer = await payerOf(old);
    const merchantId = tenant.merchant.id as MerchantId;
    expect(await remindPayer(merchantId, payer.id, T0)).toBe("sent");
    // A new item joins after the first reminder.
    const fresh = await billPayer(tenant, { payerEmail: email, reference: "NEW" }, tenant.store.id, BILLED);
    expect(await remindPayer(merchantId, payer.id, after(7))).toBe("sent");
    expect(await remindPayer(merchantId, payer.id, after(14))).toBe("sent");
    const emails = await remindersTo(tenant.merchant.id, email);
    expect(emails.map((e) => e.data.items.map((i) => i.reference))).toEqual([["OLD"], ["OLD", "NEW"], ["NEW"]]);
    expect((await requestState(old)).reminderCount).toBe(2);
    expect((await requestState(fresh)).reminderCount).toBe(2);

    // Everything reminded twice: no more emails, nothing counted.
    expect(await remindPayer(merchantId, payer.id, after(21))).toBe("notDue");
    await sendDueReminders(after(21));
    expect(await remindersTo(tenant.merchant.id, email)).toHaveLength(3);
    expect(await payerState(payer.id)).toEqual({ reminderCount: 3, lastRemindedAt: after(14) });
  });

  it("sends none to payers without an email, payers who unsubscribed, when the schedule is off, or for a suspended merchant", async () => {
    const withoutEmail = await createBillingTenant();
    const noEmail = await billPayer(withoutEmail, { payerName: "Marie", payerEmail: null }, withoutEmail.store.id, BILLED);

    const unsubscribed = await createBillingTenant();
    const stopped = await billPayer(unsubscribed, { payerEmail: emailOf("stop", unsubscribed) }, unsubscribed.store.id, BILLED);
    const stoppedPayer = await payerOf(stopped);
    // The unsubscribe link of another merchant's payer stops nothing here.
    expect(await stopReminders(withoutEmail.merchant.id as MerchantId, stoppedPayer.id)).toBe(false);
    expect(await stopReminders(unsubscribed.merchant.id as MerchantId, stoppedPayer.id, BILLED)).toBe(true);

    const off = await createBillingTenant();
    await db.merchant.update({ where: { id: off.merchant.id }, data: { paymentReminderDays: null } });
    const offRequest = await billPayer(off, { payerEmail: emailOf("off", off) }, off.store.id, BILLED);

    const suspended = await createBillingTenant();
    const suspendedRequest = await billPayer(suspended, { payerEmail: emailOf("sus", suspended) }, suspended.store.id, BILLED);
    await db.merchant.update({ where: { id: suspended.merchant.id }, data: { status: "SUSPENDED" } });

    await sendDueReminders(T0);
    const cases: Array<[BillingTenant, string]> = [
      [withoutEmail, noEmail],
      [unsubscribed, stopped],
      [off, offRequest],
      [suspended, suspendedRequest],
    ];
    for (const [tenant, requestId] of cases) {
      const payer = await db.paymentRequest.findUniqueOrThrow({ where: { id: requestId }, select: { payerId: true } });
      expect(await remindPayer(tenant.merchant.id as MerchantId, payer.payerId, T0)).toBe("notDue");
      expect(await db.emailMessage.count({ where: { merchantId: tenant.merchant.id, template: "payment-reminder" } })).toBe(0);
      expect((await requestState(requestId)).reminderCount).toBe(0);
      expect(await payerState(payer.payerId)).toEqual({ reminderCount: 0, lastRemindedAt: null });
    }
    // Stopping is kept as first given.
    expect(await stopReminders(unsubscribed.merchant.id as MerchantId, stoppedPayer.id, T0)).toBe(true);
    expect((await db.payer.findUniqueOrThrow({ where: { id: stoppedPayer.id } })).remindersStoppedAt).toEqual(BILLED);

    // The schedule back on: the next run reminds that merchant's payer.
    await db.merchant.update({ where: { id: off.merchant.id }, data: { paymentReminderDays: 14 } });
    await sendDueReminders(T0);
    expect(await remindersTo(off.merchant.id, emailOf("off", off))).toHaveLength(1);
  });

  it("reminds a payer named by a long email, and a payer whose stored name is longer than the email shows", async () => {
    const tenant = await createBillingTenant();
    // An order's buyer without a name is billed under their email, which may be long.
    const longEmail = `lea-${tenant.tag}@${"a".repeat(60)}.${"b".repeat(60)}.example.test`;
    const order = await createOrderRow(tenant, tenant.store.id, {
      status: "CANCELLED",
      createdAt: "2026-11-30T10:00:00Z",
      lines: [{ productId: null, title: "Coat", unitPriceCents: 12000, quantity: 1 }],
      email: longEmail,
    });
    const converted = await requestFromOrder(tenant.actor, order.id, BILLED);
    expect(converted).toMatchObject({ ok: true, created: true });
    const named = await billPayer(tenant, { payerEmail: emailOf("zed", tenant) }, tenant.store.id, BILLED);
    // A name written before names were cut.
    await db.payer.update({ where: { id: (await payerOf(named)).id }, data: { name: "Z".repeat(300) } });

    await sendDueReminders(T0);
    const [toLong] = await remindersTo(tenant.merchant.id, longEmail);
    expect(toLong!.data.items.map((i) => i.title)).toEqual(["Coat"]);
    expect(toLong!.data.payerName).toBe(longEmail.slice(0, 120));
    const [toNamed] = await remindersTo(tenant.merchant.id, emailOf("zed", tenant));
    expect(toNamed!.data.payerName).toBe("Z".repeat(120));
  });

  it("reminds the other payers when one payer's reminder fails, then fails naming that payer", async () => {
    const tenant = await createBillingTenant();
    const merchantId = tenant.merchant.id as MerchantId;
    // More items than one email lists: this payer's reminder cannot be written.
    const many = emailOf("many", tenant);
    const first = await billPayer(tenant, { payerEmail: many, reference: "M-0" }, tenant.store.id, BILLED);
    const payer = await payerOf(first);
    const template = await db.paymentRequest.findUniqueOrThrow({ where: { id: first }, select: { storeId: true, currency: true } });
    await db.paymentRequest.createMany({
      data: Array.from({ length: 500 }, (_, i) => ({ merchantId, storeId: template.storeId, payerId: payer.id, reference: `M-${i + 1}`, currency: template.currency, totalCents: 1000 })),
    });
    const fine = await billPayer(tenant, { payerEmail: emailOf("fine", tenant) }, tenant.store.id, BILLED);
    try {
      const run = sendDueReminders(T0);
      await expect(run).rejects.toThrow(new RegExp(`Payment reminders failed for 1 payer\\(s\\): ${payer.id}`));
      expect(await remindersTo(tenant.merchant.id, emailOf("fine", tenant))).toHaveLength(1);
      expect((await requestState(fine)).reminderCount).toBe(1);
      // Nothing of the failed reminder was written.
      expect(await remindersTo(tenant.merchant.id, many)).toHaveLength(0);
      expect(await payerState(payer.id)).toEqual({ reminderCount: 0, lastRemindedAt: null });
      expect((await requestState(first)).reminderCount).toBe(0);
    } finally {
      // Other tests run the job too.
      await db.paymentRequest.updateMany({ where: { payerId: payer.id }, data: { status: "CANCELLED", cancelledAt: T0 } });
    }
  });
});

describe("sendTestReminder", () => {
  it("sends the member the payer's reminder as rendered for the payer, and changes no counter", async () => {
    const owing = await owingPayers("fr");
    const { tenant } = owing;
    const merchantId = tenant.merchant.id as MerchantId;
    const manager = await memberOf(tenant, "MANAGER");
    const requestsBefore = await Promise.all([owing.dueLater, owing.inFrancs, owing.overdue].map(requestState));
    const payerBefore = await payerState(owing.leaPayer.id);

    expect(await sendTestReminder(merchantId, owing.leaPayer.id, manager.id)).toEqual({ ok: true, to: manager.email });
    const tests = await remindersTo(tenant.merchant.id, manager.email);
    expect(tests).toHaveLength(1);
    expect(await remindersTo(tenant.merchant.id, owing.lea.payerEmail)).toHaveLength(0);
    expect(await Promise.all([owing.dueLater, owing.inFrancs, owing.overdue].map(requestState))).toEqual(requestsBefore);
    expect(await payerState(owing.leaPayer.id)).toEqual(payerBefore);

    // The real reminder: the same language, subject and content, to the payer.
    expect(await remindPayer(merchantId, owing.leaPayer.id, T0)).toBe("sent");
    const [real] = await remindersTo(tenant.merchant.id, owing.lea.payerEmail);
    expect({ locale: tests[0]!.locale, subject: tests[0]!.subject, data: tests[0]!.data }).toEqual({ locale: real!.locale, subject: real!.subject, data: real!.data });
    expect(tests[0]!.locale).toBe("fr");

    // Each click sends one more test.
    expect(await sendTestReminder(merchantId, owing.leaPayer.id, manager.id)).toEqual({ ok: true, to: manager.email });
    expect(await remindersTo(tenant.merchant.id, manager.email)).toHaveLength(2);
  });

  it("refuses another merchant's payer or member, and a payer who owes nothing", async () => {
    const owing = await owingPayers();
    const merchantId = owing.tenant.merchant.id as MerchantId;
    const otherMember = await memberOf(owing.other, "OWNER");
    const theirPayer = await payerOf(owing.elsewhere);
    const before = await db.emailMessage.count({ where: { merchantId: { in: [owing.tenant.merchant.id, owing.other.merchant.id] } } });

    expect(await sendTestReminder(merchantId, theirPayer.id, owing.tenant.owner.id)).toEqual({ ok: false, reason: "notFound" });
    expect(await sendTestReminder(merchantId, owing.leaPayer.id, otherMember.id)).toEqual({ ok: false, reason: "notFound" });
    expect(await sendTestReminder(merchantId, `missing-${randomUUID().slice(0, 6)}`, owing.tenant.owner.id)).toEqual({ ok: false, reason: "notFound" });
    await db.paymentRequest.updateMany({ where: { payerId: owing.leaPayer.id, status: { in: ["OPEN", "OVERDUE"] } }, data: { status: "CANCELLED", cancelledAt: T0 } });
    expect(await sendTestReminder(merchantId, owing.leaPayer.id, owing.tenant.owner.id)).toEqual({ ok: false, reason: "nothingOwed" });
    expect(await db.emailMessage.count({ where: { merchantId: { in: [owing.tenant.merchant.id, owing.other.merchant.id] } } })).toBe(before);
  });
});
