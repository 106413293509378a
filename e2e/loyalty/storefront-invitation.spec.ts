import { expect, storeUrl, test } from "../fixtures";
import { StorefrontPage } from "../pages/storefront-page";
import { uniqueEmail } from "../support/auth";
import { publishPointsProgram } from "../support/loyalty";
import { format, messages } from "../support/messages";

const en = messages.en;

test("a published program is offered in the header of the cached storefront pages; a member sees their balance there", async ({
  page,
  browser,
  db,
  createTenant,
  signInCustomer,
  serverErrors,
}) => {
  const tenant = await createTenant({ products: [{ slug: "scarf", priceCents: 1500, title: { en: "Scarf" } }] });
  await publishPointsProgram(db, tenant, { welcomeBonus: 20 });
  const email = uniqueEmail("member");

  // A visitor: the same cached page for everyone, inviting them to join.
  const visitor = new StorefrontPage(page, tenant.store.slug);
  await visitor.goto("/p/scarf");
  expect((await visitor.goto("/p/scarf"))?.headers()["x-nextjs-cache"]).toBe("HIT");
  const loyalty = page.getByTestId("header-loyalty");
  await expect(loyalty).toHaveText(en.Storefront.loyalty);
  await loyalty.click();
  await expect(page).toHaveURL(storeUrl(tenant.store.slug, "/loyalty/join"));
  await page.getByLabel(en.Loyalty.join.email, { exact: true }).fill(email);
  await page.getByLabel(en.Loyalty.join.name, { exact: true }).fill("Ben Muller");
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: en.Loyalty.join.submit }).click();
  await expect(page.getByRole("heading", { level: 1, name: en.Loyalty.joined.title })).toBeVisible();

  // The member, signed in, gets the same cached page with their own balance, leading to the card.
  const member = await browser.newContext();
  const memberPage = await member.newPage();
  await signInCustomer(tenant.store.slug, { email, page: memberPage });
  const response = await new StorefrontPage(memberPage, tenant.store.slug).goto("/p/scarf");
  expect(response?.headers()["x-nextjs-cache"]).toBe("HIT");
  const balance = memberPage.getByTestId("header-loyalty");
  await expect(balance).toHaveText(format(en.Storefront.loyaltyBalance, { amount: "20 points" }));
  await balance.click();
  await expect(memberPage).toHaveURL(storeUrl(tenant.store.slug, "/account/loyalty"));
  // An English store in Luxembourg dates the history day first ("7 Dec 2026, 09:07"), never US style.
  const bonus = memberPage.getByTestId("loyalty-history").getByRole("row").filter({ hasText: en.Loyalty.kinds.BONUS });
  await expect(bonus.getByRole("cell").first()).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
  await member.close();
  expect(serverErrors).toEqual([]);
});

test("a store whose merchant has no published program shows no invitation", async ({ page, createTenant }) => {
  const tenant = await createTenant({ products: [{ slug: "hat", priceCents: 900, title: { en: "Hat" } }] });
  await new StorefrontPage(page, tenant.store.slug).goto("/");
  await expect(page.getByTestId("header-cart")).toBeVisible();
  await expect(page.getByTestId("header-loyalty")).toHaveCount(0);
});
