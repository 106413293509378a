import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  AUTH_LIMITS,
  closeRateLimitPool,
  consumeAuthAttempt,
  consumeLimit,
  limitKey,
  PUBLIC_LIMITS,
  refundAuthAttempt,
  refundLimit,
} from "./rate-limit";

afterAll(closeRateLimitPool);

const unique = () => randomUUID().slice(0, 8);

describe("sign-in rate limits", () => {
  it("lets exactly the limit through when attempts race", async () => {
    const keys = { email: `race-${unique()}@example.test`, ip: `198.51.100.${unique()}` };
    expect(AUTH_LIMITS.password.email.points).toBe(5);
    const results = await Promise.all(Array.from({ length: 20 }, () => consumeAuthAttempt("password", keys)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    for (const r of results.filter((x) => !x.ok)) {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.retryAfterMs).toBeGreaterThan(0);
        expect(r.retryAfterMs).toBeLessThanOrEqual(15 * 60_000);
      }
    }
  });

  it("limits an IP across many emails", async () => {
    const ip = `ip-${unique()}`;
    const limit = AUTH_LIMITS.link.ip.points;
    const results = await Promise.all(
      Array.from({ length: limit + 10 }, (_, i) => consumeAuthAttempt("link", { email: `e${i}-${unique()}@example.test`, ip })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(limit);
  });

  it("keeps limits of different actions and emails apart", async () => {
    const ip = `ip-${unique()}`;
    const email = `apart-${unique()}@example.test`;
    for (let i = 0; i < 5; i++) expect((await consumeAuthAttempt("password", { email, ip })).ok).toBe(true);
    expect((await consumeAuthAttempt("password", { email, ip })).ok).toBe(false);
    expect((await consumeAuthAttempt("code", { email, ip })).ok).toBe(true);
    expect((await consumeAuthAttempt("password", { email: `other-${unique()}@example.test`, ip })).ok).toBe(true);
  });

  it("forgets an email's failures after a success", async () => {
    const keys = { email: `refund-${unique()}@example.test`, ip: `ip-${unique()}` };
    for (let i = 0; i < 5; i++) await consumeAuthAttempt("password", keys);
    expect((await consumeAuthAttempt("password", keys)).ok).toBe(false);
    await refundAuthAttempt("password", keys);
    expect((await consumeAuthAttempt("password", keys)).ok).toBe(true);
  });

  it("stores hashed keys, never the email", async () => {
    const email = `private-${unique()}@example.test`;
    await consumeAuthAttempt("link", { email, ip: `ip-${unique()}` });
    const rows = await db.rateLimit.findMany({ where: { key: { contains: "private-" } }, select: { key: true } });
    expect(rows).toEqual([]);
  });
});

describe("public rate limits", () => {
  it("lets exactly the limit of each key through when uses race, and gives the wait", async () => {
    const email = `join-${unique()}@example.test`;
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => consumeLimit("loyaltyJoin", { ip: `ip-${unique()}-${i}`, email })));
    expect(results.filter((r) => r.ok)).toHaveLength(PUBLIC_LIMITS.loyaltyJoin.email.points);
    for (const r of results) if (!r.ok) expect(r.retryAfterMs).toBeGreaterThan(50 * 60_000);
  });

  it("refuses when any one key is over its limit", async () => {
    const ip = `ip-${unique()}`;
    for (let i = 0; i < PUBLIC_LIMITS.couponApply.cart.points; i++) {
      expect((await consumeLimit("couponApply", { ip, cart: `cart-${unique()}` })).ok).toBe(true);
    }
    const cart = `cart-${unique()}`;
    for (let i = 0; i < PUBLIC_LIMITS.couponApply.ip.points - PUBLIC_LIMITS.couponApply.cart.points; i++) {
      await consumeLimit("couponApply", { ip, cart: i < 5 ? cart : `cart-${unique()}` });
    }
    // The address is used up, whatever the cart; another address with a fresh cart is not.
    expect((await consumeLimit("couponApply", { ip, cart: `cart-${unique()}` })).ok).toBe(false);
    expect((await consumeLimit("couponApply", { ip: `ip-${unique()}`, cart: `cart-${unique()}` })).ok).toBe(true);
  });

  it("gives a refunded point back", async () => {
    const keys = { ip: `ip-${unique()}` };
    for (let i = 0; i < PUBLIC_LIMITS.couponPage.ip.points; i++) await consumeLimit("couponPage", keys);
    expect((await consumeLimit("couponPage", keys)).ok).toBe(false);
    await refundLimit("couponPage", keys);
    await refundLimit("couponPage", keys);
    expect((await consumeLimit("couponPage", keys)).ok).toBe(true);
  });

  it("stores the counter under limitKey, hashed", async () => {
    const token = `token-${unique()}`;
    await consumeLimit("download", { ip: `ip-${unique()}`, token });
    const row = await db.rateLimit.findUnique({ where: { key: limitKey("download", "token", token) }, select: { points: true } });
    expect(row).toEqual({ points: 1 });
    expect(await db.rateLimit.count({ where: { key: { contains: token } } })).toBe(0);
  });
});
