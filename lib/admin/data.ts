import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { MerchantSearch, OrderSearch, PaymentIssueSearch, UserSearch } from "./schema";
import type {
  AdminListPage,
  AdminMerchantDetail,
  AdminMerchantRow,
  AdminOrderRow,
  AdminPaymentIssueRow,
  AdminUserDetail,
  AdminUserRow,
} from "./types";

/**
 * Platform-wide reads for the admin area. They cross tenants on purpose: only loaders that
 * passed requirePlatformAdmin() call them.
 */

export const ADMIN_PAGE_SIZE = 25;

function paging(total: number, page: number) {
  const pageCount = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
  const current = Math.min(page, pageCount);
  return { pageCount, page: current, skip: (current - 1) * ADMIN_PAGE_SIZE };
}

export async function searchMerchants(search: MerchantSearch): Promise<AdminListPage<AdminMerchantRow>> {
  const and: Prisma.MerchantWhereInput[] = [];
  if (search.status) and.push({ status: search.status });
  if (search.q) {
    const q = search.q;
    and.push({
      OR: [
        { id: q },
        { name: { contains: q, mode: "insensitive" } },
        { stores: { some: { OR: [{ slug: { contains: q.toLowerCase() } }, { name: { contains: q, mode: "insensitive" } }] } } },
      ],
    });
  }
  const where = { AND: and };
  const total = await db.merchant.count({ where });
  const { page, pageCount, skip } = paging(total, search.page);
  const rows = await db.merchant.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip,
    take: ADMIN_PAGE_SIZE,
    select: { id: true, name: true, status: true, createdAt: true, _count: { select: { stores: true, memberships: true } } },
  });
  return {
    total,
    page,
    pageCount,
    rows: rows.map((r) => ({ id: r.id, name: r.name, status: r.status, createdAt: r.createdAt, storeCount: r._count.stores, memberCount: r._count.memberships })),
  };
}

export async function getMerchantForAdmin(merchantId: string): Promise<AdminMerchantDetail | null> {
  const m = await db.merchant.findUnique({
    where: { id: merchantId },
    select: {
      id: true,
      name: true,
      status: true,
      createdAt: true,
      stores: { orderBy: { name: "asc" }, select: { id: true, slug: true, name: true, status: true, currency: true, defaultLocale: true } },
      memberships: {
        orderBy: [{ role: "asc" }, { user: { email: "asc" } }],
        select: { role: true, user: { select: { id: true, email: true, name: true } } },
      },
    },
  });
  if (!m) return null;
  return {
    id: m.id,
    name: m.name,
    status: m.status,
    createdAt: m.createdAt,
    stores: m.stores,
    members: m.memberships.map((ms) => ({ userId: ms.user.id, email: ms.user.email, name: ms.user.name, role: ms.role })),
  };
}

export async function searchUsers(search: UserSearch): Promise<AdminListPage<AdminUserRow>> {
  const and: Prisma.UserWhereInput[] = [];
  if (search.admins) and.push({ isPlatformAdmin: true });
  if (search.q) {
    const q = search.q;
    and.push({ OR: [{ id: q }, { email: { contains: q.toLowerCase() } }, { name: { contains: q, mode: "insensitive" } }] });
  }
  const where = { AND: and };
  const total = await db.user.count({ where });
  const { page, pageCount, skip } = paging(total, search.page);
  const rows = await db.user.findMany({
    where,
    orderBy: [{ email: "asc" }],
    skip,
    take: ADMIN_PAGE_SIZE,
    select: { id: true, email: true, name: true, isPlatformAdmin: true, createdAt: true, _count: { select: { memberships: true } } },
  });
  return {
    total,
    page,
    pageCount,
    rows: rows.map((r) => ({ id: r.id, email: r.email, name: r.name, isPlatformAdmin: r.isPlatformAdmin, createdAt: r.createdAt, membershipCount: r._count.memberships })),
  };
}

export async function getUserForAdmin(userId: string): Promise<AdminUserDetail | null> {
  const u = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      isPlatformAdmin: true,
      createdAt: true,
      passwordHash: true,
      memberships: {
        orderBy: { merchant: { name: "asc" } },
        select: {
          role: true,
          merchant: { select: { id: true, name: true, status: true } },
          stores: { select: { store: { select: { name: true } } } },
        },
      },
    },
  });
  if (!u) return null;
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    isPlatformAdmin: u.isPlatformAdmin,
    createdAt: u.createdAt,
    hasPassword: u.passwordHash !== null,
    memberships: u.memberships.map((m) => ({
      merchantId: m.merchant.id,
      merchantName: m.merchant.name,
      merchantStatus: m.merchant.status,
      role: m.role,
      stores: m.stores.map((s) => s.store.name).sort(),
    })),
  };
}

/**
 * Orders of every merchant that match one exact value: the number, the buyer's email (normalized),
 * the transaction id or the provider's payment reference; narrowed to one merchant when asked.
 * No value, no rows: the page asks for one (nothing is listed by browsing). Read-only.
 */
export async function searchOrdersForAdmin(search: OrderSearch): Promise<AdminListPage<AdminOrderRow>> {
  if (!search.q) return { rows: [], total: 0, page: 1, pageCount: 1 };
  const q = search.q;
  const where: Prisma.OrderWhereInput = {
    ...(search.merchant ? { merchantId: search.merchant } : {}),
    OR: [{ number: q }, { email: q.toLowerCase() }, { transactionId: q }, { paymentRef: q }],
  };
  const total = await db.order.count({ where });
  const { page, pageCount, skip } = paging(total, search.page);
  const rows = await db.order.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip,
    take: ADMIN_PAGE_SIZE,
    select: {
      id: true,
      number: true,
      email: true,
      status: true,
      totalCents: true,
      currency: true,
      paymentProvider: true,
      paymentRef: true,
      transactionId: true,
      createdAt: true,
      merchant: { select: { id: true, name: true } },
      store: { select: { id: true, name: true, slug: true } },
    },
  });
  return { total, page, pageCount, rows };
}

/** Payment issues, newest first, with their history and the order they named (any merchant). */
export async function listPaymentIssues(search: PaymentIssueSearch): Promise<AdminListPage<AdminPaymentIssueRow>> {
  const where: Prisma.PaymentIssueWhereInput = search.status ? { status: search.status } : {};
  const total = await db.paymentIssue.count({ where });
  const { page, pageCount, skip } = paging(total, search.page);
  const issues = await db.paymentIssue.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip,
    take: ADMIN_PAGE_SIZE,
    select: {
      id: true,
      reason: true,
      status: true,
      provider: true,
      paymentRef: true,
      amountCents: true,
      currency: true,
      email: true,
      createdAt: true,
      orderId: true,
      merchantId: true,
      history: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, kind: true, detail: true, createdAt: true } },
    },
  });
  const orderIds = issues.flatMap((i) => (i.orderId ? [i.orderId] : []));
  const orders = orderIds.length
    ? await db.order.findMany({
        where: { id: { in: orderIds } },
        select: { id: true, merchantId: true, number: true, merchant: { select: { name: true } }, store: { select: { name: true } } },
      })
    : [];
  const rows = issues.map(({ orderId, merchantId, ...issue }) => {
    // The order and the issue must name the same merchant.
    const order = orders.find((o) => o.id === orderId && o.merchantId === merchantId);
    return {
      ...issue,
      order: order ? { id: order.id, number: order.number, merchantName: order.merchant.name, storeName: order.store.name } : null,
    };
  });
  return { total, page, pageCount, rows };
}
