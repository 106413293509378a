import { createHash, randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import type pg from "pg";

/**
 * Rate limits from the outside: the counters live in `rate_limits` (lib/auth/rate-limit.ts), so a
 * spec fills one up instead of repeating an action dozens of times.
 */

/** A client address of the test's own (the app reads the last X-Forwarded-For hop). */
export async function useOwnClientIp(page: Page): Promise<string> {
  const ip = `198.51.100.${randomUUID().slice(0, 8)}`;
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": ip });
  return ip;
}

/** Puts the counter of a public limit over any limit, expiring in `minutes`. */
export async function exhaustLimit(db: pg.Pool, action: string, by: string, value: string, minutes = 10): Promise<void> {
  const key = `public:${action}:${by}:${createHash("sha256").update(value).digest("base64url")}`;
  await db.query(
    `INSERT INTO rate_limits (key, points, expire) VALUES ($1, 1000, $2)
     ON CONFLICT (key) DO UPDATE SET points = EXCLUDED.points, expire = EXCLUDED.expire`,
    [key, Date.now() + minutes * 60_000],
  );
}

/** The `other` branch of a `{minutes, plural, ...}` message, filled in. */
export function pluralMinutes(message: string, minutes: number): string {
  const other = /other \{(.*)\}\}$/.exec(message)?.[1];
  if (!other) throw new Error(`not a plural message: ${message}`);
  return other.replace(/#/g, String(minutes));
}
