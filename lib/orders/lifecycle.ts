import type { Tx } from "@/lib/db";
import type { OrderStatus as StoredOrderStatus } from "@/lib/generated/prisma/enums";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";

/**
 * The states of an order (the Prisma enum OrderStatus, checked below):
 * - PENDING_PAYMENT: written, its holds taken, waiting for the payment provider;
 * - PAID: the provider took the money (or none was needed);
 * - FULFILLED: shipped or handed over by the store;
 * - REFUNDED: the money went back;
 * - CANCELLED: the payment failed, expired or never started; what the order held was given back.
 */
export const ORDER_STATUSES = ["PENDING_PAYMENT", "PAID", "FULFILLED", "REFUNDED", "CANCELLED"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

// Fails to compile when the database enum gains or loses a state this table does not know.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const statusesMatchTheDatabase: Same<OrderStatus, StoredOrderStatus> = true;
void statusesMatchTheDatabase;

/** What happens to an order; each event is a set of allowed (from, to) moves. */
export type OrderEvent = "pay" | "cancel" | "fulfil" | "refund" | "undoRefund";

/**
 * The transition table: the only moves an order's status can make. Anything else (paying a
 * cancelled order, refunding a pending one, cancelling a paid one) is refused.
 * `undoRefund` exists for one case only: the provider refused a refund that was claimed first
 * (see refundOrder in lib/payments/refunds.ts), so the order goes back to the state it had.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderEvent, ReadonlyArray<readonly [from: OrderStatus, to: OrderStatus]>>> = {
  pay: [["PENDING_PAYMENT", "PAID"]],
  cancel: [["PENDING_PAYMENT", "CANCELLED"]],
  fulfil: [["PAID", "FULFILLED"]],
  refund: [
    ["PAID", "REFUNDED"],
    ["FULFILLED", "REFUNDED"],
  ],
  undoRefund: [
    ["REFUNDED", "PAID"],
    ["REFUNDED", "FULFILLED"],
  ],
};

/** The states `event` may start from (towards `to` when given). */
export function statesBefore(event: OrderEvent, to?: OrderStatus): OrderStatus[] {
  return ORDER_TRANSITIONS[event].filter(([, target]) => to === undefined || target === to).map(([from]) => from);
}

/**
 * Where `event` takes an order that is in `from`, or null when the table refuses it. For an
 * event with several targets (undoRefund) the caller names the one it means with `to`.
 */
export function nextStatus(event: OrderEvent, from: OrderStatus, to?: OrderStatus): OrderStatus | null {
  const moves = ORDER_TRANSITIONS[event].filter(([source, target]) => source === from && (to === undefined || target === to));
  return moves.length === 1 ? moves[0]![1] : null;
}

/** Whether any event moves an order from `from` to `to`. */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return Object.values(ORDER_TRANSITIONS).some((moves) => moves.some(([source, target]) => source === from && target === to));
}

/** The timestamps an event sets (or clears) along with the status. */
function stampsFor(event: OrderEvent, at: Date) {
  switch (event) {
    case "pay":
      return { paidAt: at };
    case "cancel":
      return { cancelledAt: at };
    case "fulfil":
      return { fulfilledAt: at };
    case "refund":
      return { refundedAt: at };
    case "undoRefund":
      return { refundedAt: null };
  }
}

export interface OrderTransition {
  merchantId: MerchantId;
  /** Narrows the order to one store (merchant pages act per store). */
  storeId?: StoreId;
  orderId: string;
  event: OrderEvent;
  /** The target, for an event with several (undoRefund); else the table's one target. */
  to?: OrderStatus;
  at?: Date;
}

/**
 * The one way an order's status changes: a conditional update, in `tx`, of the merchant's order
 * (never by id alone) from a state the table allows for `event`. It takes the order's row lock,
 * so of two concurrent transitions from the same state exactly one returns true; false when the
 * order is not the merchant's or is in a state the event does not start from (nothing changes).
 * Side effects of a transition (confirmation, points, holds) are the caller's, in the same `tx`.
 * Throws for an event and target the table does not have (a programming error).
 */
export async function transitionOrder(tx: Tx, transition: OrderTransition): Promise<boolean> {
  const { event, to } = transition;
  const targets = new Set(ORDER_TRANSITIONS[event].filter(([, target]) => to === undefined || target === to).map(([, target]) => target));
  if (targets.size !== 1) throw new Error(`Order event ${event} has ${targets.size === 0 ? "no" : "more than one"} target${to ? ` ${to}` : ""}`);
  const [target] = targets;
  const at = transition.at ?? new Date();
  const { count } = await tx.order.updateMany({
    where: {
      id: transition.orderId,
      merchantId: transition.merchantId,
      ...(transition.storeId ? { storeId: transition.storeId } : {}),
      status: { in: statesBefore(event, target) },
    },
    data: { status: target, ...stampsFor(event, at), updatedAt: at },
  });
  return count === 1;
}
