import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { MerchantId } from "@/lib/tenancy/types";
import { addDays, startOfDayKey } from "@/lib/time";
import type { AuditFilter } from "./schema";
import type { AuditPage } from "./types";

export const AUDIT_PAGE_SIZE = 50;

function whereOf(filter: AuditFilter, merchantId: MerchantId | null, timeZone: string): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (merchantId) and.push({ merchantId });
  else if (filter.merchant) {
    and.push({ OR: [{ merchantId: filter.merchant }, { merchant: { name: { contains: filter.merchant, mode: "insensitive" } } }] });
  }
  if (filter.action) and.push({ action: { startsWith: filter.action.toLowerCase() } });
  if (filter.actor) and.push({ actor: { email: { contains: filter.actor.toLowerCase() } } });
  // Days are read in `timeZone`, the zone the log shows its times in.
  if (filter.from) and.push({ createdAt: { gte: startOfDayKey(filter.from, timeZone) } });
  if (filter.to) and.push({ createdAt: { lt: startOfDayKey(addDays(filter.to, 1), timeZone) } });
  return { AND: and };
}

/**
 * One page of audit events, newest first. `merchantId` (from the membership gate) limits the
 * list to that merchant's events and ignores the merchant filter; null (platform admins only)
 * lists every event, the merchant filter included. The filter's days are read in `timeZone`.
 */
export async function listAuditEvents(filter: AuditFilter, merchantId: MerchantId | null, timeZone: string): Promise<AuditPage> {
  const where = whereOf(filter, merchantId, timeZone);
  const total = await db.auditEvent.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select: {
      id: true,
      createdAt: true,
      action: true,
      targetType: true,
      targetId: true,
      requestId: true,
      data: true,
      actor: { select: { email: true } },
      merchant: { select: { id: true, name: true } },
    },
  });
  return {
    total,
    page,
    pageCount,
    rows: rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      requestId: r.requestId,
      actorEmail: r.actor?.email ?? null,
      merchant: r.merchant,
      details: r.data === null ? null : JSON.stringify(r.data),
    })),
  };
}
