import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/locales";
import { createPaymentRequest, type RequestActor } from "@/lib/payment-requests/mutations";
import type { CreateRequestInput, RequestLineInput } from "@/lib/payment-requests/schema";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { createTenant } from "./fixtures";

/**
 * Payment requests for tests: a merchant with a store (and its owner as the member who bills),
 * request forms as the new-request form's schema hands them to the mutation, and the rows a
 * refusal must leave untouched.
 */

export async function createBillingTenant(options: { defaultLocale?: Locale; locales?: Locale[] } = {}) {
  const tenant = await createTenant(options);
  const actor: RequestActor & { userId: string } = { merchantId: tenant.merchant.id as MerchantId, userId: tenant.owner.id, storeIds: null };
  return { ...tenant, actor };
}
export type BillingTenant = Awaited<ReturnType<typeof createBillingTenant>>;

/** Another store of the merchant (another currency or time zone when given). */
export async function createStoreRow(
  tenant: { tag: string; merchant: { id: string } },
  data: { currency?: string; timeZone?: string; defaultLocale?: Locale; locales?: Locale[] } = {},
) {
  const slug = `s-${tenant.tag}-${randomUUID().slice(0, 6)}`;
  return db.store.create({
    data: {
      merchantId: tenant.merchant.id,
      slug,
      name: `Store ${slug}`,
      currency: data.currency ?? "EUR",
      timeZone: data.timeZone ?? "Europe/Luxembourg",
      defaultLocale: data.defaultLocale ?? "en",
      locales: data.locales ?? [data.defaultLocale ?? "en"],
    },
    select: { id: true, slug: true, merchantId: true },
  });
}

/** A line as a form row gives it; requestInput numbers the rows in order. */
export function line(title: string, amount: string, quantity = 1, productId: string | null = null): RequestLineInput {
  return { row: 0, productId, title, amount, quantity };
}

/** A valid form for the store: one line of 35.00, a payer with an email, a reference of its own. */
export function requestInput(storeId: string, overrides: Partial<CreateRequestInput> = {}): CreateRequestInput {
  const key = randomUUID();
  return {
    storeId,
    payerName: "Léa Muller",
    payerEmail: `lea-${key.slice(0, 8)}@example.test`,
    payerLocale: "fr",
    forEmail: null,
    reference: `INV-${key.slice(0, 8)}`,
    dueOn: null,
    note: null,
    formKey: key,
    ...overrides,
    lines: (overrides.lines ?? [line("Alterations: trousers", "35")]).map((entry, row) => ({ ...entry, row })),
  };
}

/** Creates a request and returns its id (the test fails when it is refused). */
export async function billPayer(tenant: BillingTenant, overrides: Partial<CreateRequestInput> = {}, storeId: string = tenant.store.id, now?: Date): Promise<string> {
  const result = await createPaymentRequest(tenant.actor, requestInput(storeId, overrides), now);
  if (!result.ok) throw new Error(`request refused: ${JSON.stringify(result.fieldErrors)}`);
  return result.requestId;
}

/** The payment-request rows of a merchant: what a refusal must leave as it was. */
export async function requestRowCounts(merchantId: string) {
  const [requests, payers, lines, events, audits] = await Promise.all([
    db.paymentRequest.count({ where: { merchantId } }),
    db.payer.count({ where: { merchantId } }),
    db.paymentRequestLine.count({ where: { request: { merchantId } } }),
    db.paymentRequestEvent.count({ where: { merchantId } }),
    db.auditEvent.count({ where: { merchantId } }),
  ]);
  return { requests, payers, lines, events, audits };
}

/** A request's status, history kinds (oldest first) and counters. */
export async function requestState(requestId: string) {
  const row = await db.paymentRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      status: true,
      reminderCount: true,
      paidAt: true,
      cancelledAt: true,
      events: { select: { kind: true, orderId: true, emailId: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  return row;
}

export const asStoreId = (id: string) => id as StoreId;
