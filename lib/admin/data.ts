import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { MerchantSearch, UserSearch } from "./schema";
import type { AdminListPage, AdminMerchantDetail, AdminMerchantRow, AdminUserDetail, AdminUserRow } from "./types";

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
