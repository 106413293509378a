import "server-only";
import { requirePlatformAdmin } from "@/lib/auth/loaders";
import { getMerchantForAdmin, getUserForAdmin, listPaymentIssues, searchMerchants, searchOrdersForAdmin, searchUsers } from "./data";
import {
  adminIdSchema,
  merchantSearchSchema,
  orderSearchSchema,
  paymentIssueSearchSchema,
  userSearchSchema,
  type MerchantSearch,
  type OrderSearch,
  type PaymentIssueSearch,
  type UserSearch,
} from "./schema";
import type { AdminListPage, AdminMerchantDetail, AdminMerchantRow, AdminOrderRow, AdminPaymentIssueRow, AdminUserDetail, AdminUserRow } from "./types";

type SearchParams = Record<string, string | string[] | undefined>;

export type SearchView<F, R> = { ok: true; search: F; page: AdminListPage<R> } | { ok: false };

/** The merchant search (platform admins only). Malformed params: `ok: false`, nothing listed. */
export async function loadAdminMerchants(searchParams: SearchParams): Promise<SearchView<MerchantSearch, AdminMerchantRow>> {
  await requirePlatformAdmin({ from: "/admin/merchants" });
  const parsed = merchantSearchSchema.safeParse(searchParams);
  if (!parsed.success) return { ok: false };
  return { ok: true, search: parsed.data, page: await searchMerchants(parsed.data) };
}

/** One merchant with its stores and members (platform admins only); null when there is none. */
export async function loadAdminMerchant(merchantId: string): Promise<AdminMerchantDetail | null> {
  await requirePlatformAdmin({ from: `/admin/merchants/${encodeURIComponent(merchantId)}` });
  const id = adminIdSchema.safeParse(merchantId);
  return id.success ? getMerchantForAdmin(id.data) : null;
}

/** The user search (platform admins only). */
export async function loadAdminUsers(searchParams: SearchParams): Promise<SearchView<UserSearch, AdminUserRow>> {
  await requirePlatformAdmin({ from: "/admin/users" });
  const parsed = userSearchSchema.safeParse(searchParams);
  if (!parsed.success) return { ok: false };
  return { ok: true, search: parsed.data, page: await searchUsers(parsed.data) };
}

/** One user with their memberships (platform admins only); `self` tells the page it is the viewer. */
export async function loadAdminUser(userId: string): Promise<{ user: AdminUserDetail; self: boolean } | null> {
  const admin = await requirePlatformAdmin({ from: `/admin/users/${encodeURIComponent(userId)}` });
  const id = adminIdSchema.safeParse(userId);
  const user = id.success ? await getUserForAdmin(id.data) : null;
  return user ? { user, self: user.id === admin.userId } : null;
}

/** The order search across merchants (platform admins only, read-only). */
export async function loadAdminOrders(searchParams: SearchParams): Promise<SearchView<OrderSearch, AdminOrderRow>> {
  await requirePlatformAdmin({ from: "/admin/orders" });
  const parsed = orderSearchSchema.safeParse(searchParams);
  if (!parsed.success) return { ok: false };
  return { ok: true, search: parsed.data, page: await searchOrdersForAdmin(parsed.data) };
}

/** Payment issues with their history (platform admins only). */
export async function loadAdminPaymentIssues(searchParams: SearchParams): Promise<SearchView<PaymentIssueSearch, AdminPaymentIssueRow>> {
  await requirePlatformAdmin({ from: "/admin/payments" });
  const parsed = paymentIssueSearchSchema.safeParse(searchParams);
  if (!parsed.success) return { ok: false };
  return { ok: true, search: parsed.data, page: await listPaymentIssues(parsed.data) };
}
