import "server-only";
import { requirePlatformAdmin } from "@/lib/auth/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { getEmailMessage, listEmailMessages, listMailboxMerchants } from "./data";
import { extractLinks } from "./links";
import { renderEmail } from "./render";
import { emailMessageIdSchema, mailboxFilterSchema, unreadableMailboxParams, type MailboxFilter, type MailboxFilterField } from "./schema";
import { isTemplateName, TEMPLATE_NAMES, type TemplateName } from "./templates/registry";
import { emailProviderConfigured } from "./transport";
import type { EmailMessageDetail, MailboxPage, RenderedEmail } from "./types";

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
