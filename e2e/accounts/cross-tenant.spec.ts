import { expect, test } from "../fixtures";
import { expectForbiddenPage } from "../pages/account-pages";
import { expectNotFoundPage } from "../pages/not-found";
import { addMember } from "../support/accounts";
import { newId } from "../support/db";

test("another merchant's owner gets a 404 with none of the data on every account-area page added for stores, domains and staff", async ({
  page,
  db,
  createTenant,
  signInWithPassword,
  serverErrors,
}) => {
  const victim = await createTenant({ storeName: "Victim Boutique" });
  const domain = `victim-${victim.tag}.example.test`;
  const invited = `invited-${victim.tag}@example.test`;
  await db.query(`INSERT INTO "StoreDomain" (id, "merchantId", "storeId", domain, "verificationToken") VALUES ($1, $2, $3, $4, 'secret-token')`, [newId(), victim.merchant.id, victim.store.id, domain]);
  await db.query(
    `INSERT INTO "StaffInvitation" (id, "merchantId", email, role, "storeIds", "tokenHash", "expiresAt") VALUES ($1, $2, $3, 'STAFF', '{}', $4, now() + interval '1 day')`,
    [newId(), victim.merchant.id, invited, `hash-${victim.tag}`],
  );
  const base = `/account/m/${victim.merchant.id}`;
  const pages = [`${base}`, `${base}/staff`, `${base}/stores/${victim.store.id}/settings`, `${base}/stores/${victim.store.id}/domains`];

  const attacker = await createTenant();
  await signInWithPassword(attacker.owner);
  for (const url of pages) {
    await expectNotFoundPage(page, await page.goto(url));
    for (const secret of [victim.merchant.name, "Victim Boutique", domain, invited, "secret-token"]) {
      await expect(page.getByText(secret)).toHaveCount(0);
    }
    await expect(page).not.toHaveTitle(/Victim/);
  }
  // The attacker's own store id under the victim's merchant id is no way in either.
  await expectNotFoundPage(page, await page.goto(`${base}/stores/${attacker.store.id}/settings`));
  expect(serverErrors).toEqual([]);
});

test("inside a merchant: staff get 403 on staff, settings and domains; managers on settings and domains; non-admins on /admin/domains", async ({
  page,
  browser,
  db,
  createTenant,
  signInWithPassword,
}) => {
  const tenant = await createTenant();
  const staff = await addMember(db, tenant, "STAFF");
  const manager = await addMember(db, tenant, "MANAGER");
  const base = `/account/m/${tenant.merchant.id}`;
  await signInWithPassword(staff);
  for (const url of [`${base}/staff`, `${base}/stores/${tenant.store.id}/settings`, `${base}/stores/${tenant.store.id}/domains`, "/admin/domains"]) {
    await expectForbiddenPage(page, await page.goto(url));
  }
  const managerContext = await browser.newContext();
  const managerPage = await managerContext.newPage();
  await signInWithPassword(manager, { page: managerPage });
  expect((await managerPage.goto(`${base}/staff`))!.status()).toBe(200);
  for (const url of [`${base}/stores/${tenant.store.id}/settings`, `${base}/stores/${tenant.store.id}/domains`]) {
    await expectForbiddenPage(managerPage, await managerPage.goto(url));
  }
  await managerContext.close();
});
