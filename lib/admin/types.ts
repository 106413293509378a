/** What an admin button did, as its action's data; its text is `AdminArea.results.<done>`. */
export type AdminActionDone = "suspended" | "reactivated" | "adminGranted" | "adminRevoked" | "signInLinkSent";

export interface AdminListPage<T> {
  rows: T[];
  total: number;
  page: number;
  pageCount: number;
}

export interface AdminMerchantRow {
  id: string;
  name: string;
  status: "ACTIVE" | "SUSPENDED";
  createdAt: Date;
  storeCount: number;
  memberCount: number;
}

export interface AdminMerchantDetail {
  id: string;
  name: string;
  status: "ACTIVE" | "SUSPENDED";
  createdAt: Date;
  stores: Array<{ id: string; slug: string; name: string; status: "OPEN" | "CLOSED"; currency: string; defaultLocale: string }>;
  members: Array<{ userId: string; email: string; name: string | null; role: "OWNER" | "MANAGER" | "STAFF" }>;
}

export interface AdminUserRow {
  id: string;
  email: string;
  name: string | null;
  isPlatformAdmin: boolean;
  createdAt: Date;
  membershipCount: number;
}

export interface AdminUserDetail {
  id: string;
  email: string;
  name: string | null;
  isPlatformAdmin: boolean;
  createdAt: Date;
  hasPassword: boolean;
  memberships: Array<{
    merchantId: string;
    merchantName: string;
    merchantStatus: "ACTIVE" | "SUSPENDED";
    role: "OWNER" | "MANAGER" | "STAFF";
    /** Names of the stores the membership is limited to; empty means every store. */
    stores: string[];
  }>;
}

export interface AdminOrderRow {
  id: string;
  number: string;
  merchant: { id: string; name: string };
  store: { id: string; name: string; slug: string };
  email: string;
  status: "PENDING_PAYMENT" | "PAID" | "FULFILLED" | "REFUNDED" | "CANCELLED";
  totalCents: number;
  currency: string;
  paymentProvider: "NONE" | "TEST" | "STRIPE";
  paymentRef: string | null;
  transactionId: string;
  createdAt: Date;
}

export interface AdminPaymentIssueRow {
  id: string;
  reason: "ORDER_CANCELLED" | "ORDER_UNKNOWN" | "ALREADY_PAID";
  status: "OPEN" | "REFUNDED" | "REFUND_FAILED";
  provider: "NONE" | "TEST" | "STRIPE";
  paymentRef: string;
  amountCents: number | null;
  currency: string | null;
  email: string | null;
  createdAt: Date;
  /** The order the payment named, when it is ours. */
  order: { id: string; number: string; merchantName: string; storeName: string } | null;
  history: Array<{ id: string; kind: string; detail: string | null; createdAt: Date }>;
}
