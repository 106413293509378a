import type { Page } from "@playwright/test";
import { expect, storeUrl, test } from "../fixtures";
import { addMember } from "../support/accounts";
import { uniqueEmail } from "../support/auth";
import { addCardHolder, addReward, publishPointsProgram } from "../support/loyalty";
import { format, messages } from "../support/messages";

const fr = messages.fr;
const t = fr.Terminal;

async function openCard(page: Page, slug: string, email: string) {
  await page.goto(storeUrl(slug, `/terminal?${new URLSearchParams({ q: email })}`));
  await expect(page.getByTestId("terminal-card")).toBeVisible();
}

test("at the terminal, redeeming asks first, is off for rewards out of reach, says what is missing with its unit, and keeps its message; the history names the staff member", async ({
  page,
  browser,
  db,
  createTenant,
  signInCustomer,
  serverErrors,
}) => {
  test.slow();
  const tenant = await createTenant({ defaultLocale: "fr" });
  const programId = await publishPointsProgram(db, tenant);
  await addReward(db, tenant, programId, 30, "Tasse");
  await addReward(db, tenant, programId, 1000, "Vélo");
  const email = uniqueEmail("holder");
  await addCardHolder(db, tenant, email, 50);
  const staff = await addMember(db, tenant, "STAFF");
  await signInCustomer(tenant.store.slug, { email: staff.email, page });

  await openCard(page, tenant.store.slug, email);
  const rewards = page.getByTestId("terminal-rewards").getByRole("listitem");
  const mug = rewards.filter({ hasText: "Tasse" });
  await expect(rewards.filter({ hasText: "Vélo" }).getByRole("button", { name: t.redeem })).toBeDisabled();

  // A second till has the same card open, with the balance it had.
  const other = await page.context().newPage();
  await openCard(other, tenant.store.slug, email);

  // Nothing is taken before the confirmation; "No" leaves the card as it was.
  await mug.getByRole("button", { name: t.redeem }).click();
  await expect(mug.getByText(format(t.confirmRedeem, { cost: "30 points", reward: "Tasse" }))).toBeVisible();
  await mug.getByRole("button", { name: t.confirmRedeemNo }).click();
  await expect(page.getByTestId("terminal-balance")).toHaveText("50 points");
  await mug.getByRole("button", { name: t.redeem }).click();
  await mug.getByRole("button", { name: t.confirmRedeemYes }).click();
  await expect(page.getByTestId("terminal-balance")).toHaveText("20 points");
  await expect(mug.getByTestId("redeem-outcome")).toHaveText(format(t.redeemed, { balance: 20 }));
  await expect(mug.getByRole("button", { name: t.redeem })).toBeDisabled();
  const redeemRow = page.getByTestId("loyalty-history").getByRole("row").filter({ hasText: fr.Loyalty.kinds.REDEEM });
  await expect(redeemRow).toContainText(staff.email);
  await expect(page.getByTestId("loyalty-history").getByRole("columnheader", { name: fr.Loyalty.merchant.staff })).toBeVisible();

  // The other till still offers it: the server refuses, saying what is missing in points.
  const stale = other.getByTestId("terminal-rewards").getByRole("listitem").filter({ hasText: "Tasse" });
  await stale.getByRole("button", { name: t.redeem }).click();
  await stale.getByRole("button", { name: t.confirmRedeemYes }).click();
  await expect(stale.getByTestId("redeem-outcome")).toHaveText(format(fr.Loyalty.reasons.INSUFFICIENT_BALANCE, { missing: "10 points" }));
  await other.close();

  // A manager reverses the redemption: the toggle and the confirmation say different things,
  // and the success message stays once the row is marked reversed.
  expect(t.reverse).not.toBe(t.reverseConfirm);
  const manager = await addMember(db, tenant, "MANAGER");
  const till = await browser.newContext();
  const tillPage = await till.newPage();
  await signInCustomer(tenant.store.slug, { email: manager.email, page: tillPage });
  await openCard(tillPage, tenant.store.slug, email);
  const row = tillPage.getByTestId("loyalty-history").getByRole("row").filter({ hasText: fr.Loyalty.kinds.REDEEM });
  await row.getByText(t.reverse, { exact: true }).click();
  await row.getByLabel(t.reverseReason).fill("Mauvaise récompense");
  await row.getByRole("button", { name: t.reverseConfirm }).click();
  await expect(tillPage.getByTestId("terminal-balance")).toHaveText("50 points");
  await expect(row).toContainText(t.isReversed);
  await expect(row.getByTestId("reverse-outcome")).toHaveText(format(t.reversed, { balance: 50 }));
  await till.close();
  expect(serverErrors).toEqual([]);
});
