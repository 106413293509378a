import type { PaymentRequestStatus as StoredStatus } from "@/lib/generated/prisma/enums";

/**
 * The states of a payment request (the Prisma enum PaymentRequestStatus, checked below):
 * - OPEN: waiting for its payer;
 * - OVERDUE: still open after its due date (the hourly job moves it);
 * - PAID: one order paid all of it (partial payments do not exist);
 * - CANCELLED: the merchant withdrew it.
 */
export const PAYMENT_REQUEST_STATUSES = ["OPEN", "OVERDUE", "PAID", "CANCELLED"] as const;
export type PaymentRequestStatus = (typeof PAYMENT_REQUEST_STATUSES)[number];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const statusesMatchTheDatabase: Same<PaymentRequestStatus, StoredStatus> = true;
void statusesMatchTheDatabase;

/** What a payer still owes: these may be paid, reminded and cancelled. */
export const OUTSTANDING: readonly PaymentRequestStatus[] = ["OPEN", "OVERDUE"];

export function isOutstanding(status: PaymentRequestStatus): boolean {
  return OUTSTANDING.includes(status);
}

export type PaymentRequestEvent = "overdue" | "pay" | "cancel";

/** The only moves a request's status makes; each event's target and the states it starts from. */
export const REQUEST_TRANSITIONS: Readonly<Record<PaymentRequestEvent, { from: readonly PaymentRequestStatus[]; to: PaymentRequestStatus }>> = {
  overdue: { from: ["OPEN"], to: "OVERDUE" },
  pay: { from: OUTSTANDING, to: "PAID" },
  cancel: { from: OUTSTANDING, to: "CANCELLED" },
};

/** Where `event` takes a request in `from`, or null when the table refuses it. */
export function nextRequestStatus(event: PaymentRequestEvent, from: PaymentRequestStatus): PaymentRequestStatus | null {
  const move = REQUEST_TRANSITIONS[event];
  return move.from.includes(from) ? move.to : null;
}
