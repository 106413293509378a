import { expect, storeUrl, test } from "../fixtures";
import { uniqueEmail } from "../support/auth";
import { demoCredentials } from "../support/demo";
import { format, messages } from "../support/messages";

const lb = messages.lb;

test("stamps in Luxembourgish: a member of the bakery joins with a birthday in the local format, gets a visit stamped, then the cooldown", async ({
  page,
  browser,
  signInCustomer,
  waitForEmail,
  serverErrors,
}) => {
  test.slow();
  const email = uniqueEmail("brout");

  await page.goto(storeUrl("bakeryschmit", "/loyalty/join"));
  await expect(page.getByRole("heading", { level: 1, name: lb.Loyalty.join.title })).toBeVisible();
  await expect(page.getByText(format(lb.Loyalty.join.birthdayHint, { format: "DD.MM.JJJJ" }))).toBeVisible();
  await page.getByLabel(lb.Loyalty.join.email, { exact: true }).fill(email);
  await page.getByLabel(lb.Loyalty.join.name, { exact: true }).fill("Mett Wagner");
  await page.getByLabel(lb.Loyalty.join.birthday, { exact: true }).fill("31.02.1990");
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: lb.Loyalty.join.submit }).click();
  await expect(page.getByText(format(lb.Loyalty.errors.invalidDate, { format: "DD.MM.JJJJ" }))).toBeVisible();
  await page.getByLabel(lb.Loyalty.join.birthday, { exact: true }).fill("28.02.1990");
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: lb.Loyalty.join.submit }).click();
  await expect(page.getByRole("heading", { level: 1, name: lb.Loyalty.joined.title })).toBeVisible();
  await expect(page.getByRole("link", { name: lb.Loyalty.joined.continueShopping })).toBeVisible();
  const number = (await page.getByTestId("card-number").textContent())!.trim();
  const welcome = await waitForEmail(email, { template: "loyalty-welcome" });
  expect(welcome.locale).toBe("lb");

  const till = await browser.newContext();
  const tillPage = await till.newPage();
  await signInCustomer("bakeryschmit", { email: demoCredentials("otherOwner").email, page: tillPage });
  await tillPage.goto(storeUrl("bakeryschmit", `/terminal?q=${number}`));
  await expect(tillPage.getByTestId("terminal-card")).toContainText("28.02.1990");
  const visit = tillPage.getByRole("button", { name: "Besuch buchen (1 Stempel)" });
  await visit.click();
  await expect(tillPage.getByTestId("terminal-balance")).toHaveText("1 Stempel");
  await expect(visit).toBeEnabled();
  await visit.click();
  const refusal = tillPage.getByTestId("earn-outcome");
  await expect(refusal).toHaveAttribute("data-tone", "warning");
  await expect(refusal).toContainText("60 Minutten");
  await expect(tillPage.getByTestId("terminal-balance")).toHaveText("1 Stempel");
  await expect(tillPage.getByTestId("terminal-rewards").getByRole("listitem").filter({ hasText: "Gratis Brout" })).toContainText(lb.Terminal.reach.FAR);
  await till.close();
  expect(serverErrors).toEqual([]);
});
