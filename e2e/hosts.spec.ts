import { randomUUID } from "node:crypto";
import { APEX_URL, expect, storeUrl, test } from "./fixtures";
import { expectNotFoundPage } from "./pages/not-found";
import { addCustomDomain, removeCustomDomain, storeBySlug } from "./support/db";
import { ROOT_DOMAIN } from "./env";
import { requestWithHost } from "./support/http";

test.describe("hosts that are not stores", () => {
  test("an unknown store subdomain answers 404 with the not-found page", async ({ page }) => {
    const response = await page.goto(`http://nosuchstore.${ROOT_DOMAIN}/`);
    await expectNotFoundPage(page, response, "en");
  });

  test("a reserved subdomain answers 404", async ({ page }) => {
    const response = await page.goto(`http://admin.${ROOT_DOMAIN}/`);
    await expectNotFoundPage(page, response, "en");
  });

  test.describe("for a French-speaking visitor", () => {
    test.use({ locale: "fr-FR" });

    test("the not-found page of an unknown host is in French", async ({ page }) => {
      const response = await page.goto(`http://nosuchstore.${ROOT_DOMAIN}/`);
      await expectNotFoundPage(page, response, "fr");
    });
  });

  test("www redirects to the apex, keeping the path", async ({ page }) => {
    const raw = await requestWithHost(`www.${ROOT_DOMAIN}`, "/x?y=1");
    expect(raw.status).toBe(308);
    expect(raw.headers.location).toBe(`${APEX_URL}/x?y=1`);

    await page.goto(`http://www.${ROOT_DOMAIN}/x`);
    await expect(page).toHaveURL(`${APEX_URL}/x`);
  });
});

test.describe("the internal storefront segment", () => {
  for (const path of ["/s/fashionhub", "/fr/s/fashionhub", "/s/fashionhub/en"]) {
    test(`answers 404 on the apex: ${path}`, async ({ page }) => {
      const response = await page.goto(`${APEX_URL}${path}`);
      await expectNotFoundPage(page, response);
      await expect(page.getByText("Fashion Hub")).toHaveCount(0);
    });
  }

  test("answers 404 on a store host too", async ({ page }) => {
    const response = await page.goto(storeUrl("fashionhub", "/s/fashionhub"));
    await expectNotFoundPage(page, response);
  });
});

test("a verified custom domain serves its store until it is removed", async ({ db }) => {
  const domain = `shop-${randomUUID().slice(0, 8)}.example.test`;
  const outlet = await storeBySlug(db, "fashionoutlet");
  const get = () => requestWithHost(domain, "/");

  expect((await get()).status).toBe(404);

  await addCustomDomain(db, outlet, domain, "VERIFIED");
  try {
    // The server drops its routing cache when the notification arrives.
    await expect(async () => {
      const response = await get();
      expect(response.status).toBe(200);
      expect(response.body).toContain("Fashion Outlet");
      expect(response.body).toContain("Denim jacket (last season)");
    }).toPass({ timeout: 5_000 });
  } finally {
    await removeCustomDomain(db, domain);
  }

  await expect.poll(async () => (await get()).status, { timeout: 5_000 }).toBe(404);
});

test("a custom domain that is not verified is not served", async ({ db }) => {
  const domain = `pending-${randomUUID().slice(0, 8)}.example.test`;
  const outlet = await storeBySlug(db, "fashionoutlet");
  await addCustomDomain(db, outlet, domain, "PENDING");
  try {
    expect((await requestWithHost(domain, "/")).status).toBe(404);
  } finally {
    await removeCustomDomain(db, domain);
  }
});
