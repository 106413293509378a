/**
 * The message namespaces client components read. Only these travel to the browser, and only on
 * account and admin pages (components/i18n/client-intl-provider.tsx): the rest of the catalog
 * stays on the server (smaller pages, and no text of other tenants' pages in the HTML). A unit
 * test fails when a client component uses a namespace missing here, or translates itself on a
 * page outside those areas.
 */
export const CLIENT_NAMESPACES = ["Mailbox.resend", "Mailbox.detail", "Onboarding.form", "Onboarding.errors", "StoreSettings.form", "StoreSettings.errors", "Staff.errors", "Domains.results"] as const;

type Messages = Record<string, unknown>;

/** The part of `messages` under the given dotted paths, keeping their nesting. */
export function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const out: Messages = {};
  for (const path of paths) {
    const keys = path.split(".");
    let source: unknown = messages;
    let target = out;
    keys.forEach((key, i) => {
      source = source && typeof source === "object" ? (source as Messages)[key] : undefined;
      if (source === undefined) return;
      if (i === keys.length - 1) target[key] = source;
      else target = (target[key] ??= {}) as Messages;
    });
  }
  return out;
}
