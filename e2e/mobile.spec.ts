import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { generateCardNumber } from "../lib/loyalty/card-number";
import { APEX_URL, expect, storeUrl, test } from "./fixtures";
import { insertPaidOrder } from "./support/admin";
import { giveGuestCart } from "./support/commerce";
import { merchantIdByName, newId, storeBySlug } from "./support/db";
import { demoCredentials } from "./support/demo";
import { expectFitsPhones, expectShownWhole } from "./support/layout";

// Every main page must fit a 320 px phone (and a 390 px one) without scrolling sideways. Each test
// goes through many pages, each measured at both widths, so each is marked slow.

/** Opens `url`, checks it answered with a page (not an error), and that the page fits phones. */
async function visit(page: Page, url: string, label: string): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status(), `${label} (${url})`).toBeLessThan(400);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expectFitsPhones(page, label);
}

// A long title, as merchants write them, with a word longer than a phone is wide.
const LONG_TITLE = "Handgestrickter Wollschal aus Luxemburger Schafwolle Rindsledergürtelschnallenverschluss";

test("the public pages fit a phone: landing, sign-in, storefront, listing, product, 404, loyalty join and terms, a coupon, cart and checkout", async ({
  page,
  db,
  createTenant,
  serverErrors,
}) => {
  test.slow();
  const products = Array.from({ length: 13 }, (_, i) => ({
    slug: `item-${i + 1}`,
    priceCents: 123_456 + i,
    title: { en: i === 0 ? LONG_TITLE : `Product number ${i + 1}` },
  }));
  const tenant = await createTenant({ storeName: "Schmit Stoffe und Accessoires Esch-sur-Alzette", products });
  const slug = tenant.store.slug;

  await visit(page, APEX_URL, "landing page");
  await visit(page, `${APEX_URL}/sign-in`, "apex sign-in");
  await visit(page, storeUrl(slug, "/"), "storefront home");
  await visit(page, storeUrl(slug, "/page/2"), "listing page 2");
  await visit(page, storeUrl(slug, "/p/item-1"), "product page");
  await visit(page, storeUrl(slug, "/sign-in"), "store sign-in");
  await page.goto(storeUrl(slug, "/no-such-page"));
  await expectFitsPhones(page, "store 404");
  await visit(page, storeUrl("fashionhub", "/loyalty/join"), "loyalty join");
  await visit(page, storeUrl("fashionhub", "/loyalty/terms"), "loyalty terms");
  await visit(page, storeUrl("fashionhub", "/c/BIENVENUE10"), "a coupon's page");

  await giveGuestCart(db, page.context(), slug, ["item-1", "item-2"]);
  await visit(page, storeUrl(slug, "/cart"), "cart");
  await visit(page, storeUrl(slug, "/checkout"), "checkout");
  expect(serverErrors).toEqual([]);
});

test("a customer's account, orders and loyalty card, and the terminal, fit a phone", async ({ page, browser, db, signInCustomer, serverErrors }) => {
  test.slow();
  const { email } = await signInCustomer("fashionhub");
  const store = await storeBySlug(db, "fashionhub");
  const merchantId = await merchantIdByName(db, "Fashion Group");
  const {
    rows: [customer],
  } = await db.query<{ id: string }>(`SELECT id FROM "Customer" WHERE "merchantId" = $1 AND email = $2`, [merchantId, email]);
  await db.query(`UPDATE "Customer" SET name = 'Anne-Marie Wagner-Schmitz de Beaufort-Montigny' WHERE id = $1`, [customer!.id]);

  // An order, and a card with a history of every kind of movement.
  const number = await insertPaidOrder(db, store, { email, title: LONG_TITLE, unitPriceCents: 1_234_500, quantity: 3 });
  await db.query(`UPDATE "Order" SET "customerId" = $1 WHERE "storeId" = $2 AND number = $3`, [customer!.id, store.id, number]);
  const cardNumber = generateCardNumber((n) => randomBytes(n));
  const cardId = newId();
  const {
    rows: [staff],
  } = await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [demoCredentials("staff").email]);
  const {
    rows: [reward],
  } = await db.query<{ id: string; cost: number }>(`SELECT id, cost FROM "LoyaltyReward" WHERE "merchantId" = $1 ORDER BY cost LIMIT 1`, [merchantId]);
  await db.query(`INSERT INTO "LoyaltyCard" (id, "merchantId", "customerId", number, "storeId", balance) VALUES ($1, $2, $3, $4, $5, $6)`, [
    cardId,
    merchantId,
    customer!.id,
    cardNumber,
    store.id,
    1_250 + 2_500 - reward!.cost,
  ]);
  const earnId = newId();
  for (const [id, kind, amount, extra] of [
    [newId(), "BONUS", 1_250, {}],
    [earnId, "EARN", 2_500, { staffUserId: staff!.id, spendCents: 250_000 }],
    [newId(), "REDEEM", -reward!.cost, { staffUserId: staff!.id, rewardId: reward!.id }],
  ] as const) {
    await db.query(
      `INSERT INTO "LoyaltyLedger" (id, "merchantId", "cardId", kind, amount, "storeId", "staffUserId", "rewardId", "spendCents", "transactionId")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [id, merchantId, cardId, kind, amount, store.id, "staffUserId" in extra ? extra.staffUserId : null, "rewardId" in extra ? extra.rewardId : null, "spendCents" in extra ? extra.spendCents : null, newId()],
    );
  }

  await visit(page, storeUrl("fashionhub", "/account"), "customer account");
  await visit(page, storeUrl("fashionhub", "/account/orders"), "customer orders");
  const {
    rows: [order],
  } = await db.query<{ id: string }>(`SELECT id FROM "Order" WHERE "storeId" = $1 AND number = $2`, [store.id, number]);
  await visit(page, storeUrl("fashionhub", `/orders/${order!.id}`), "an order of the customer");
  await visit(page, storeUrl("fashionhub", "/account/loyalty"), "customer loyalty card");
  await expectShownWhole(page, page.getByTestId("loyalty-history"), "the loyalty history");

  // A manager on the terminal sees the most: the card, earning, rewards, and reversals.
  const manager = await browser.newContext();
  const managerPage = await manager.newPage();
  await signInCustomer("fashionhub", { email: demoCredentials("manager").email, page: managerPage });
  await visit(managerPage, storeUrl("fashionhub", "/terminal"), "terminal");
  await visit(managerPage, storeUrl("fashionhub", `/terminal?q=${cardNumber}`), "terminal with a card");
  await expect(managerPage.getByTestId("terminal-card")).toBeVisible();
  await expectShownWhole(managerPage, managerPage.getByTestId("terminal-card"), "the terminal's card");
  await manager.close();
  expect(serverErrors).toEqual([]);
});

test("the account area's main pages fit a phone", async ({ page, db, signInWithPassword, serverErrors }) => {
  test.slow();
  await signInWithPassword(demoCredentials("owner"));
  const merchantId = await merchantIdByName(db, "Fashion Group");
  const store = await storeBySlug(db, "fashionhub");
  const {
    rows: [order],
  } = await db.query<{ id: string }>(`SELECT id FROM "Order" WHERE "storeId" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [store.id]);
  const {
    rows: [coupon],
  } = await db.query<{ id: string }>(`SELECT id FROM "Coupon" WHERE "storeId" = $1 ORDER BY code LIMIT 1`, [store.id]);
  const area = `/account/m/${merchantId}`;
  const pages: Array<[string, string]> = [
    ["/account", "your businesses"],
    [area, "merchant home"],
    [`${area}/stores/${store.id}/products`, "products"],
    [`${area}/stores/${store.id}/products/new`, "new product"],
    [`${area}/stores/${store.id}/orders`, "orders"],
    [`${area}/stores/${store.id}/coupons`, "coupons"],
    [`${area}/stores/${store.id}/coupons/new`, "new coupon"],
    [`${area}/stores/${store.id}/coupons/${coupon!.id}`, "a coupon"],
    [`${area}/stores/${store.id}/settings`, "store settings"],
    [`${area}/stores/${store.id}/domains`, "domains"],
    [`${area}/loyalty`, "loyalty program"],
    [`${area}/loyalty/members`, "loyalty members"],
    [`${area}/staff`, "staff"],
    [`${area}/reports`, "reports"],
    [`${area}/audit`, "audit log"],
  ];
  if (order) pages.push([`${area}/stores/${store.id}/orders/${order.id}`, "an order"]);
  for (const [path, label] of pages) await visit(page, `${APEX_URL}${path}`, label);
  expect(serverErrors).toEqual([]);
});

test("the admin area's pages fit a phone", async ({ page, db, signInWithPassword, serverErrors }) => {
  test.slow();
  await signInWithPassword(demoCredentials("admin"));
  const merchantId = await merchantIdByName(db, "Fashion Group");
  const {
    rows: [user],
  } = await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [demoCredentials("owner").email]);
  const {
    rows: [email],
  } = await db.query<{ id: string }>(`SELECT id FROM "EmailMessage" ORDER BY "createdAt" DESC LIMIT 1`);
  const pages: Array<[string, string]> = [
    ["/admin", "admin home"],
    ["/admin/merchants", "merchants"],
    [`/admin/merchants/${merchantId}`, "a merchant"],
    ["/admin/users", "users"],
    [`/admin/users/${user!.id}`, "a user"],
    ["/admin/emails", "outbox"],
    ["/admin/audit", "audit log"],
    ["/admin/domains", "domains"],
  ];
  if (email) pages.push([`/admin/emails/${email.id}`, "an email"]);
  for (const [path, label] of pages) await visit(page, `${APEX_URL}${path}`, label);
  expect(serverErrors).toEqual([]);
});
