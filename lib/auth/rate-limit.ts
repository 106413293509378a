import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";

/**
 * Rate limits, counted in PostgreSQL (`rate_limits`) so every process shares them: sign-in
 * (AUTH_LIMITS) and the public forms and links (PUBLIC_LIMITS). Each attempt is counted before
 * the work is done, so parallel attempts cannot slip past a limit.
 */

export type LimitedAction = "password" | "link" | "code" | "callback";

interface Rule {
  points: number;
  durationSeconds: number;
}

/** Per email and per IP, per window. Successful password and code attempts are refunded. */
export const AUTH_LIMITS: Record<LimitedAction, { email: Rule; ip: Rule }> = {
  // wrong passwords
  password: { email: { points: 5, durationSeconds: 15 * 60 }, ip: { points: 50, durationSeconds: 15 * 60 } },
  // emails with a link and a code
  link: { email: { points: 5, durationSeconds: 15 * 60 }, ip: { points: 50, durationSeconds: 15 * 60 } },
  // typed codes
  code: { email: { points: 5, durationSeconds: 15 * 60 }, ip: { points: 50, durationSeconds: 15 * 60 } },
  // link clicks and completed codes reaching the Auth.js callback
  callback: { email: { points: 10, durationSeconds: 15 * 60 }, ip: { points: 100, durationSeconds: 15 * 60 } },
};

export type RateLimitResult = { ok: true } | { ok: false; retryAfterMs: number };

const g = globalThis as unknown as { patronRateLimitPool?: pg.Pool; patronLimiters?: Map<string, RateLimiterPostgres> };

function pool(): pg.Pool {
  return (g.patronRateLimitPool ??= new pg.Pool({ connectionString: env().DATABASE_URL, max: 4 }));
}

/** A limiter on the shared table; `keyPrefix` keeps the counters of different limits apart. */
export function createLimiter(keyPrefix: string, rule: Rule): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient: pool(),
    storeType: "pg",
    tableName: "rate_limits",
    tableCreated: true,
    // Expired rows are overwritten in place; a sweeper timer per limiter is not worth its noise.
    clearExpiredByTimeout: false,
    keyPrefix,
    points: rule.points,
    duration: rule.durationSeconds,
  });
}

function limiter(action: LimitedAction, by: "email" | "ip"): RateLimiterPostgres {
  const limiters = (g.patronLimiters ??= new Map());
  const name = `auth:${action}:${by}`;
  let found = limiters.get(name);
  if (!found) {
    found = createLimiter(name, AUTH_LIMITS[action][by]);
    limiters.set(name, found);
  }
  return found;
}

/** Keys are hashed: they fit the 255-character column and keep addresses out of the table. */
function keyOf(value: string): string {
  return createHash("sha256").update(value).digest("base64url");
}

/** Counts one point on a limiter; a refusal comes back as the wait, anything else is thrown. */
export async function consumePoint(l: RateLimiterPostgres, key: string): Promise<RateLimitResult> {
  try {
    await l.consume(keyOf(key));
    return { ok: true };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { ok: false, retryAfterMs: error.msBeforeNext };
    throw error;
  }
}

export interface LimitKeys {
  /** Normalized email. */
  email: string;
  /** Client IP (see clientIp). */
  ip: string;
}

/** Counts an attempt of `action` for the email and the IP; refused when either is over its limit. */
export async function consumeAuthAttempt(action: LimitedAction, keys: LimitKeys): Promise<RateLimitResult> {
  const results = await Promise.all([
    consumePoint(limiter(action, "email"), keys.email),
    consumePoint(limiter(action, "ip"), keys.ip),
  ]);
  const refused = results.filter((r): r is Extract<RateLimitResult, { ok: false }> => !r.ok);
  if (refused.length === 0) return { ok: true };
  return { ok: false, retryAfterMs: Math.max(...refused.map((r) => r.retryAfterMs)) };
}

/**
 * Limits of the public forms and links, each counted per key kind (client IP, email, cart,
 * token) in the same table. `limitKey(...)` names the stored key, so tests can fill a counter.
 */
export const PUBLIC_LIMITS = {
  // merchant sign-ups (an account, a business and a store each)
  signUp: { ip: { points: 10, durationSeconds: 60 * 60 } },
  // loyalty joins: the "already a member" answer tells whether an address is a member
  loyaltyJoin: { ip: { points: 20, durationSeconds: 15 * 60 }, email: { points: 5, durationSeconds: 60 * 60 } },
  // coupon codes that did not apply (code guessing); an applied code gives its point back
  couponApply: { ip: { points: 30, durationSeconds: 15 * 60 }, cart: { points: 10, durationSeconds: 15 * 60 } },
  // coupon pages of codes that do not exist; a found code gives its point back
  couponPage: { ip: { points: 30, durationSeconds: 15 * 60 } },
  // gift-card codes entered in a cart (code guessing); an entered card gives its point back
  giftCardApply: { ip: { points: 20, durationSeconds: 15 * 60 }, cart: { points: 8, durationSeconds: 15 * 60 } },
  // gift-card codes a signed-in customer moves into store credit (code guessing); a moved card gives its point back
  giftCardClaim: { ip: { points: 20, durationSeconds: 15 * 60 }, email: { points: 8, durationSeconds: 15 * 60 } },
  // download links, found or not
  download: { ip: { points: 30, durationSeconds: 15 * 60 }, token: { points: 10, durationSeconds: 60 * 60 } },
  // gift-card balance checks, found or not: every check counts, so codes cannot be tried in bulk
  giftCardBalance: { ip: { points: 20, durationSeconds: 15 * 60 } },
} as const satisfies Record<string, Partial<Record<"ip" | "email" | "cart" | "token", Rule>>>;

export type PublicAction = keyof typeof PUBLIC_LIMITS;
export type PublicLimitKeys<A extends PublicAction> = Record<keyof (typeof PUBLIC_LIMITS)[A], string>;

function publicLimiter(action: PublicAction, by: string): RateLimiterPostgres {
  const limiters = (g.patronLimiters ??= new Map());
  const name = `public:${action}:${by}`;
  let found = limiters.get(name);
  if (!found) {
    found = createLimiter(name, (PUBLIC_LIMITS[action] as Record<string, Rule>)[by]!);
    limiters.set(name, found);
  }
  return found;
}

/** The key a counter is stored under (what RateLimiterPostgres writes in `rate_limits.key`). */
export function limitKey(action: PublicAction, by: string, value: string): string {
  return `public:${action}:${by}:${keyOf(value)}`;
}

/** Counts one use of `action` against each of its keys; refused when any is over its limit. */
export async function consumeLimit<A extends PublicAction>(action: A, keys: PublicLimitKeys<A>): Promise<RateLimitResult> {
  const entries = Object.entries(keys) as Array<[string, string]>;
  const results = await Promise.all(entries.map(([by, value]) => consumePoint(publicLimiter(action, by), value)));
  const refused = results.filter((r): r is Extract<RateLimitResult, { ok: false }> => !r.ok);
  if (refused.length === 0) return { ok: true };
  return { ok: false, retryAfterMs: Math.max(...refused.map((r) => r.retryAfterMs)) };
}

/** Gives back the point `consumeLimit` took (the use turned out to be a legitimate one). */
export async function refundLimit<A extends PublicAction>(action: A, keys: PublicLimitKeys<A>): Promise<void> {
  const entries = Object.entries(keys) as Array<[string, string]>;
  await Promise.all(entries.map(([by, value]) => publicLimiter(action, by).reward(keyOf(value), 1)));
}

/**
 * After a success: forgets the email's failures and gives the IP its point back, so people who
 * sign in often (a shop's shared till, a test suite) are never locked out by their successes.
 */
export async function refundAuthAttempt(action: LimitedAction, keys: LimitKeys): Promise<void> {
  await Promise.all([limiter(action, "email").delete(keyOf(keys.email)), limiter(action, "ip").reward(keyOf(keys.ip), 1)]);
}

/** Whole minutes to wait, at least one, for the "try again in N minutes" message. */
export function retryAfterMinutes(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}

/**
 * The client's address: the last X-Forwarded-For hop, which the reverse proxy in front of the
 * app appends (Next.js fills the header from the socket only when it is absent, so an app
 * exposed without a proxy trusts what the client sent; the per-email limit still holds).
 */
export function clientIp(headers: Pick<Headers, "get">): string {
  // The last hop is the one the nearest proxy (or Next itself) wrote; earlier hops are whatever
  // the client claimed, so they must not pick the rate-limit bucket.
  const last = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return last ? last.toLowerCase().slice(0, 64) : "unknown";
}

/** Closes the pool (tests and scripts). */
export async function closeRateLimitPool(): Promise<void> {
  const p = g.patronRateLimitPool;
  g.patronRateLimitPool = undefined;
  g.patronLimiters = undefined;
  await p?.end();
}
