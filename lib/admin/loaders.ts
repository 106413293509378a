import "server-only";
import { requirePlatformAdmin } from "@/lib/auth/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { getEmailMessage, listEmailMessages, listMailboxMerchants } from "@/lib/email/data";
import { extractLinks } from "@/lib/email/links";
import { renderEmail } from "@/lib/email/render";
import { emailMessageIdSchema, mailboxFilterSchema, unreadableMailboxParams, type MailboxFilter, type MailboxFilterField } from "@/lib/email/schema";
import { isTemplateName, TEMPLATE_NAMES, type TemplateName } from "@/lib/email/templates/registry";
import { emailProviderConfigured } from "@/lib/email/transport";
import type { EmailMessageDetail, MailboxPage, RenderedEmail } from "@/lib/email/types";
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

// --- The mailbox: every email of the outbox, for platform admins

export interface MailboxView {
  filter: MailboxFilter;
  /** Filters given in the URL that could not be read: nothing is listed while there are any. */
  refused: MailboxFilterField[];
  /** A page number given in the URL that could not be read (page 1 is shown). */
  pageIgnored: boolean;
  /** Null when a filter was refused. */
  page: MailboxPage | null;
  merchants: Array<{ id: string; name: string }>;
  templates: readonly TemplateName[];
  /** No provider configured: messages stay here instead of being sent. */
  devMailbox: boolean;
}

/** The admin outbox list (platform admins only), filtered by the page's search params. */
export async function loadMailbox(searchParams: Record<string, string | string[] | undefined>): Promise<MailboxView> {
  await requirePlatformAdmin({ from: "/admin/emails" });
  const filter = mailboxFilterSchema.parse(searchParams);
  const { refused, pageIgnored } = unreadableMailboxParams(searchParams, filter);
  const [page, merchants] = await Promise.all([refused.length > 0 ? null : listEmailMessages(filter), listMailboxMerchants()]);
  return { filter, refused, pageIgnored, page, merchants, templates: TEMPLATE_NAMES, devMailbox: !emailProviderConfigured() };
}

export interface EmailMessageView {
  message: EmailMessageDetail;
  /** The message as the recipient sees it, or null when it cannot be rendered (see renderError). */
  rendered: RenderedEmail | null;
  renderError: string | null;
  /** The message's links, offered outside the sandboxed preview. */
  links: string[];
}

/** One outbox message, rendered (platform admins only). Null when there is no such message. */
export async function loadEmailMessage(id: string): Promise<EmailMessageView | null> {
  await requirePlatformAdmin({ from: `/admin/emails/${encodeURIComponent(id)}` });
  const parsedId = emailMessageIdSchema.safeParse(id);
  if (!parsedId.success) return null;
  const message = await getEmailMessage(parsedId.data);
  if (!message) return null;
  let rendered: RenderedEmail | null = null;
  let renderError: string | null = null;
  try {
    if (!isTemplateName(message.template)) throw new Error(`unknown template "${message.template}"`);
    rendered = await renderEmail(message.template, isLocale(message.locale) ? message.locale : PLATFORM_DEFAULT_LOCALE, message.data);
  } catch (error) {
    renderError = error instanceof Error ? error.message : String(error);
  }
  return { message, rendered, renderError, links: rendered ? extractLinks(rendered.html) : [] };
}
