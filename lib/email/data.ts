import "server-only";
import { db, Prisma } from "@/lib/db";
import { NO_MERCHANT, type MailboxFilter } from "./schema";
import type { EmailMessageDetail, MailboxPage } from "./types";

/*
 * Platform-wide reads of the outbox, for the admin mailbox. They cross tenants by design:
 * callers must have checked requirePlatformAdmin() (see loaders.ts).
 */

export const MAILBOX_PAGE_SIZE = 25;

const rowSelect = {
  id: true,
  to: true,
  subject: true,
  template: true,
  status: true,
  attempts: true,
  createdAt: true,
  sendAfter: true,
  merchant: { select: { id: true, name: true } },
} satisfies Prisma.EmailMessageSelect;

function whereOf(filter: Omit<MailboxFilter, "page">): Prisma.EmailMessageWhereInput {
  return {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.template ? { template: filter.template } : {}),
    ...(filter.merchant ? { merchantId: filter.merchant === NO_MERCHANT ? null : filter.merchant } : {}),
    ...(filter.recipient ? { to: { contains: filter.recipient, mode: "insensitive" as const } } : {}),
  };
}

/** One page of the outbox, newest first. A page past the end returns the last page. */
export async function listEmailMessages(filter: MailboxFilter, pageSize = MAILBOX_PAGE_SIZE): Promise<MailboxPage> {
  const where = whereOf(filter);
  const total = await db.emailMessage.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, filter.page), pageCount);
  const rows = await db.emailMessage.findMany({
    where,
    select: rowSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  return { rows, total, page, pageCount, pageSize };
}

/** One outbox message with everything the detail page shows, or null. */
export async function getEmailMessage(id: string): Promise<EmailMessageDetail | null> {
  return db.emailMessage.findUnique({
    where: { id },
    select: {
      ...rowSelect,
      locale: true,
      data: true,
      lastError: true,
      idempotencyKey: true,
      providerMessageId: true,
      sentAt: true,
      updatedAt: true,
    },
  });
}

/** Merchants that have messages in the outbox, for the merchant filter. */
export async function listMailboxMerchants(): Promise<Array<{ id: string; name: string }>> {
  return db.merchant.findMany({
    where: { emails: { some: {} } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 500,
  });
}
