import { randomUUID } from "node:crypto";
import { expect, storeUrl, test } from "../fixtures";
import { uniqueEmail } from "../support/auth";
import { createCoupon } from "../support/commerce";
import { requestWithHost } from "../support/http";
import { format, messages } from "../support/messages";
import { exhaustLimit, pluralMinutes, useOwnClientIp } from "../support/rate-limits";

const { en, fr, de } = messages;

test("past the sign-up limit of an address, the sign-up form says how long to wait and creates nothing", async ({ page, db, serverErrors }) => {
  const ip = await useOwnClientIp(page);
  await exhaustLimit(db, "signUp", "ip", ip);
  const email = uniqueEmail("limited");
  const form = en.Onboarding.form;
  await page.goto("/account/new");
  await page.getByLabel(form.name, { exact: true }).fill("Léa Muller");
  await page.getByLabel(form.email, { exact: true }).fill(email);
  await page.getByLabel(form.password, { exact: true }).fill("a long enough password");
  await page.getByLabel(form.merchantName, { exact: true }).fill("Léa & Co");
  await page.getByLabel(form.storeName, { exact: true }).fill("Café Léa");
  await page.getByLabel(form.slug, { exact: true }).fill(`lea-${randomUUID().slice(0, 8)}`);
  await page.getByRole("button", { name: form.submit }).click();
  await expect(page.getByText(pluralMinutes(en.Onboarding.errors.rateLimited, 10), { exact: true })).toBeVisible();
  const { rows } = await db.query(`SELECT 1 FROM "User" WHERE email = $1`, [email]);
  expect(rows).toHaveLength(0);
  expect(serverErrors).toEqual([]);
});

test("past the join limit of an email, the join form says how long to wait instead of whether it is a member", async ({ page, db, serverErrors }) => {
  await useOwnClientIp(page);
  const email = uniqueEmail("prober");
  await exhaustLimit(db, "loyaltyJoin", "email", email);
  await page.goto(storeUrl("fashionoutlet", "/loyalty/join"));
  await page.getByLabel(en.Loyalty.join.email, { exact: true }).fill(email);
  await page.getByLabel(en.Loyalty.join.name, { exact: true }).fill("Sam Prober");
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: en.Loyalty.join.submit }).click();
  await expect(page.getByText(pluralMinutes(en.Loyalty.join.rateLimited, 10))).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: en.Loyalty.join.title })).toBeVisible();
  const { rows } = await db.query(`SELECT 1 FROM "Customer" WHERE email = $1`, [email]);
  expect(rows).toHaveLength(0);
  expect(serverErrors).toEqual([]);
});

test("past the coupon limit of an address, applying a code says how long to wait", async ({ page, db, serverErrors }) => {
  const ip = await useOwnClientIp(page);
  const coupon = await createCoupon(db, "fashionhub", { kind: "PERCENT", percentBasisPoints: 1000 });
  await page.goto(storeUrl("fashionhub", `/c/${coupon.code}`));
  await expect(page.getByRole("heading", { level: 1, name: format(fr.Coupons.page.title, { code: coupon.code }) })).toBeVisible();
  await exhaustLimit(db, "couponApply", "ip", ip);
  await page.getByRole("button", { name: fr.Coupons.page.apply }).click();
  await expect(page.getByText(format(fr.Cart.errors.rateLimited, { minutes: 10 }))).toBeVisible();
  expect(serverErrors).toEqual([]);
});

test("past the coupon page limit of an address, a coupon page says how long to wait", async ({ page, db, serverErrors }) => {
  const ip = await useOwnClientIp(page);
  await exhaustLimit(db, "couponPage", "ip", ip, 7);
  await page.goto(storeUrl("fashionoutlet", `/c/GUESS${randomUUID().slice(0, 6)}`));
  await expect(page.getByTestId("coupon-rate-limited")).toHaveText(pluralMinutes(en.Coupons.page.rateLimited, 7));
  expect(serverErrors).toEqual([]);
});

test("past the download limit of an address, a download link answers 429 with the wait in the visitor's language", async ({ db }) => {
  const ip = `198.51.100.${randomUUID().slice(0, 8)}`;
  const path = `/api/downloads/${randomUUID().replace(/-/g, "")}`;
  const host = new URL(storeUrl("fashionhub")).host;
  // Under the limit, an unknown token is simply not found.
  expect((await requestWithHost(host, path, { "x-forwarded-for": ip })).status).toBe(404);
  await exhaustLimit(db, "download", "ip", ip, 5);
  const refused = await requestWithHost(host, path, { "x-forwarded-for": ip, "accept-language": "de-DE,de;q=0.9" });
  expect(refused.status).toBe(429);
  expect(refused.headers["retry-after"]).toBe("300");
  expect(refused.body).toBe(pluralMinutes(de.Orders.confirmation.downloadRateLimited, 5));
});
