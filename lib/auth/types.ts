import type { Locale } from "@/lib/locales";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";

/** The signed-in user as read from the database for this request. */
export interface SessionUser {
  userId: string;
  email: string;
  name: string | null;
  isPlatformAdmin: boolean;
}

/** Mirrors the Role enum of the schema. */
export type MemberRole = "OWNER" | "MANAGER" | "STAFF";

/** What requireMembership hands out: the only way pages and actions obtain a MerchantId. */
export interface MembershipAccess {
  merchantId: MerchantId;
  userId: string;
  role: MemberRole;
  /** The stores the member may work in; null means every store of the merchant. */
  storeIds: StoreId[] | null;
}

/** The customer signed in on a storefront. */
export interface CustomerSession {
  customerId: string;
  userId: string;
  merchantId: MerchantId;
  email: string;
  name: string | null;
}

export interface AccountMerchant {
  merchantId: string;
  name: string;
  role: MemberRole;
  /** Suspended by the platform: its area is closed to every member. */
  suspended: boolean;
}

export interface MerchantAreaStore {
  id: StoreId;
  slug: string;
  name: string;
  defaultLocale: Locale;
  isOpen: boolean;
  /** IANA zone the store counts its days in (lib/time.ts). */
  timeZone: string;
}

export interface MerchantArea {
  access: MembershipAccess;
  merchantName: string;
  stores: MerchantAreaStore[];
}

/** Form-level refusals of a sign-in attempt, translated under `Errors.form`. */
const ROLE_RANK: Record<MemberRole, number> = { STAFF: 1, MANAGER: 2, OWNER: 3 };

/** OWNER > MANAGER > STAFF. */
export function hasRole(role: MemberRole, atLeast: MemberRole): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[atLeast];
}

/** A store of the merchant area, as requireStoreAccess hands it out. */
export interface StoreAccess extends MembershipAccess {
  store: {
    id: StoreId;
    slug: string;
    name: string;
    currency: string;
    defaultLocale: Locale;
    locales: Locale[];
    /** IANA zone the store counts its days in (lib/time.ts). */
    timeZone: string;
  };
}
