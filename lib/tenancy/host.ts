/**
 * What a request's Host header points at. Pure: no I/O, so it is table-tested and can run
 * first in the proxy for every request. A subdomain or a custom domain is only a candidate:
 * the proxy turns it into a store `Tenant` (types.ts) when a store answers to it, with the same
 * name in its `via`.
 */
export type HostKind =
  | { kind: "platform" }
  | { kind: "www" }
  | { kind: "subdomain"; slug: string }
  | { kind: "custom-domain"; domain: string }
  | { kind: "unknown" };

/** Subdomains of the platform that can never be a store. */
export const RESERVED_SUBDOMAINS: ReadonlySet<string> = new Set([
  "account", "accounts", "admin", "api", "app", "assets", "auth", "billing", "blog", "cdn", "dashboard",
  "dev", "docs", "ftp", "help", "imap", "login", "mail", "mx", "ns1", "ns2", "platform", "pop", "root",
  "smtp", "static", "staging", "status", "support", "terminal", "test", "webmail", "www",
]);

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Splits "host:port" (or "[v6]:port") and returns the lower-cased host name without a trailing dot, or null. */
export function hostName(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const value = raw.trim().toLowerCase();
  if (!value || value.length > 260 || /[\s/@?#\\]/.test(value)) return null;
  if (value.startsWith("[")) {
    const end = value.indexOf("]");
    if (end < 0) return null;
    const rest = value.slice(end + 1);
    if (rest && !/^:\d{1,5}$/.test(rest)) return null;
    return value.slice(0, end + 1);
  }
  const parts = value.split(":");
  if (parts.length > 2) return null;
  if (parts.length === 2 && !/^\d{1,5}$/.test(parts[1]!)) return null;
  const name = parts[0]!.replace(/\.$/, "");
  return name || null;
}

/**
 * The host and port a request was addressed to, lower-cased and without a trailing dot
 * ("fashionhub.localhost:3000"): a tenant's `host`, which sessions and sign-in codes are bound
 * to. Null when the header is not a plausible host.
 */
export function hostWithPort(raw: string | null | undefined): string | null {
  const name = hostName(raw);
  if (!name || !raw) return null;
  const port = /:(\d{1,5})$/.exec(raw.trim())?.[1];
  return port ? `${name}:${port}` : name;
}

function isValidDomainName(name: string): boolean {
  if (name.length > 253) return false;
  return name.split(".").every((label) => LABEL.test(label));
}

/** True for a syntactically valid store slug that is not reserved. */
export function isValidStoreSlug(slug: string): boolean {
  return slug.length >= 2 && slug.length <= 63 && LABEL.test(slug) && !RESERVED_SUBDOMAINS.has(slug);
}

/**
 * Classifies a Host header against the platform's root domain (for example "localhost:3000"
 * or "patron.example"). Ports are ignored; case and a trailing dot do not matter.
 */
export function resolveHost(rawHost: string | null | undefined, rootDomain: string): HostKind {
  const name = hostName(rawHost);
  const root = hostName(rootDomain);
  if (!name || !root) return { kind: "unknown" };
  if (name === root) return { kind: "platform" };
  if (name.startsWith("[") || IPV4.test(name)) return { kind: "unknown" };
  if (!isValidDomainName(name)) return { kind: "unknown" };
  if (name === `www.${root}`) return { kind: "www" };
  if (name.endsWith(`.${root}`)) {
    const sub = name.slice(0, -(root.length + 1));
    if (sub.includes(".") || !isValidStoreSlug(sub)) return { kind: "unknown" };
    return { kind: "subdomain", slug: sub };
  }
  // A bare name such as "localhost" or "intranet" can never be a merchant's domain.
  if (!name.includes(".")) return { kind: "unknown" };
  return { kind: "custom-domain", domain: name };
}
