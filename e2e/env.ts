/**
 * Where the e2e server runs. Shared by playwright.config.ts, scripts/e2e-server.ts and the
 * fixtures, so the ports and the database they agree on are written down once.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3000);
export const E2E_PG_PORT = Number(process.env.E2E_PG_PORT ?? 5435);
/**
 * A second app server on the same database and build (scripts/e2e-server.ts `second`): what one
 * server caches must follow a change made through the other.
 */
export const E2E_SECOND_PORT = Number(process.env.E2E_SECOND_PORT ?? E2E_PORT + 10);
/** UDP port of the DNS server the domain spec runs; the e2e server's domain verification asks it. */
export const E2E_DNS_PORT = Number(process.env.E2E_DNS_PORT ?? E2E_PORT + 2053);
/** Data directory of the e2e server's embedded PostgreSQL; deleted before every run. */
export const E2E_DATA_DIR = ".data/e2e";
export const E2E_DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${E2E_PG_PORT}/patron`;
/** A fixed secret: e2e runs `next start`, which requires one, and sessions need not survive the run. */
export const E2E_AUTH_SECRET = "e2e-only-secret-never-used-outside-tests-0123456789";

/** The platform's root domain during e2e runs; Chromium resolves its subdomains to 127.0.0.1. */
export const ROOT_DOMAIN = `localhost:${E2E_PORT}`;
export const APEX_URL = `http://${ROOT_DOMAIN}`;

/** The second app server's root domain: the same platform, reached on another port. */
export const SECOND_ROOT_DOMAIN = `localhost:${E2E_SECOND_PORT}`;
export const SECOND_APEX_URL = `http://${SECOND_ROOT_DOMAIN}`;

/** The public URL of a store's storefront on its subdomain, e.g. storeUrl("fashionhub", "/en"). */
export function storeUrl(slug: string, path = "/", rootDomain = ROOT_DOMAIN): string {
  return `http://${slug}.${rootDomain}${path}`;
}
