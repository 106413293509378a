/** What every admin form action returns; `reason` is translated under `AdminArea.results`. */
export type AdminActionState =
  | { status: "idle" }
  | { status: "done"; reason: AdminActionDone }
  | { status: "error"; reason: AdminActionError };

export type AdminActionDone = "suspended" | "reactivated" | "adminGranted" | "adminRevoked" | "signInLinkSent";
export type AdminActionError = "invalid" | "notFound" | "unchanged" | "lastAdmin";

export const IDLE_ADMIN_STATE: AdminActionState = { status: "idle" };

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
