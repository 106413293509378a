import { expect, storeUrl, test } from "../fixtures";
import { giveGuestCart } from "../support/commerce";
import { addCardHolder, addReward, publishPointsProgram } from "../support/loyalty";
import { messages } from "../support/messages";

const en = messages.en;

test("a member pays part of their cart with points; a guest is only invited to sign in", async ({ page, browser, db, createTenant, signInCustomer, serverErrors }) => {
  const tenant = await createTenant({ products: [{ slug: "mug", priceCents: 1800, title: { en: "Stoneware mug" } }] });
  const programId = await publishPointsProgram(db, tenant);
  const rewardId = await addReward(db, tenant, programId, 500, "Five euros off");
  await db.query(`UPDATE "LoyaltyReward" SET "onlineValueCents" = 500, "onlineCurrency" = 'EUR' WHERE id = $1`, [rewardId]);
  const email = `member-${tenant.store.slug}@example.test`;
  await addCardHolder(db, tenant, email, 1200);

  // A guest sees no points, only the invitation to sign in.
  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await giveGuestCart(db, guest, tenant.store.slug, ["mug"]);
  await guestPage.goto(storeUrl(tenant.store.slug, "/cart"));
  await expect(guestPage.getByTestId("cart-tenders-sign-in")).toContainText(en.Cart.signInForTenders);
  await expect(guestPage.getByTestId("cart-points")).toHaveCount(0);
  await guest.close();

  await giveGuestCart(db, page.context(), tenant.store.slug, ["mug"]);
  await signInCustomer(tenant.store.slug, { email });
  await page.goto(storeUrl(tenant.store.slug, "/cart"));
  const points = page.getByTestId("cart-points");
  await expect(points).toContainText("1,200 points");
  await points.getByRole("combobox", { name: "How many times for Five euros off" }).selectOption("2");
  await expect(points.getByTestId("cart-points-use")).toHaveText("Use 1,000 points: −€10.00");
  await points.getByTestId("cart-points-use").click();

  await expect(page.getByTestId("cart-points-chosen")).toContainText("1,000 points used: −€10.00");
  await expect(page.locator('[data-testid="cart-tender"][data-kind="LOYALTY_POINTS"]')).toContainText("€10.00");
  await expect(page.getByTestId("cart-amount-due")).toHaveText("€8.00");

  // Taken out again: nothing is paid with points.
  await page.getByRole("button", { name: en.Cart.points.remove }).click();
  await expect(page.getByTestId("cart-points-chosen")).toHaveCount(0);
  await expect(page.getByTestId("cart-amount-due")).toHaveCount(0);
  expect(serverErrors).toEqual([]);
});
