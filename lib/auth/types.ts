import type { Locale } from "@/lib/i18n/locales";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import type { FieldErrorCode } from "./schema";

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
export type AuthFormError = "invalidCredentials" | "wrongHost" | "unavailable" | "suspended";

/** The state of every sign-in form (useActionState). */
export interface AuthFormState {
  status: "idle" | "error";
  fieldErrors?: Partial<Record<"email" | "password" | "code", FieldErrorCode>>;
  /**
   * The form-level outcome (a refusal, a rate limit), already in the form's language: the forms
   * get their text from the server and ship no message formatter.
   */
  alert?: string;
  /** What the user typed, so the form can show it again (never the password). */
  email?: string;
  /** A URL the browser must load next (a full page load, not a client-side navigation). */
  redirectTo?: string;
}

export const INITIAL_AUTH_FORM_STATE: AuthFormState = { status: "idle" };

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
