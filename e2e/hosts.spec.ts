import { randomUUID } from "node:crypto";
import { APEX_URL, expect, storeUrl, test } from "./fixtures";
import { expectNotFoundPage } from "./pages/not-found";
import { addCustomDomain, removeCustomDomain, storeBySlug } from "./support/db";
import { ROOT_DOMAIN } from "./env";
import { requestWithHost } from "./support/http";
import { messages } from "./support/messages";

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

  // The router decodes a path before it matches a route, so the proxy must decide on the decoded path.
  const disguised = [
    "/%73/fashionhub",
    "/%73/fashionhub/",
    "/%53/fashionhub",
    "/S/fashionhub",
    "/%2573/fashionhub",
    "/en/%73/fashionhub",
    "/%65n/s/fashionhub",
    "/%73/bakeryschmit",
    "//s/fashionhub",
    "/%2fs/fashionhub",
    "/s/fashionhub/page/1.0",
    "/_next/../s/fashionhub",
    "/api/../s/fashionhub",
    "/%6eot-found-host",
    "/not-found-host/",
  ];
  for (const path of disguised) {
    test(`answers 404 on the apex, disguised: ${path}`, async () => {
      let response = await requestWithHost(ROOT_DOMAIN, path);
      // Next first answers trailing and doubled slashes with a redirect to the tidy path.
      for (let hop = 0; hop < 3 && response.status === 308; hop++) {
        response = await requestWithHost(ROOT_DOMAIN, String(response.headers.location));
      }
      expect(response.status).toBe(404);
      expect(response.body).not.toContain("Fashion Hub");
      expect(response.body).not.toContain("Bakery Schmit");
    });
  }

  test("a product page under an encoded segment answers 404 on the apex", async ({ page }) => {
    const response = await page.goto(`${APEX_URL}/%73/fashionhub/p/linen-shirt`);
    await expectNotFoundPage(page, response);
    await expect(page.getByText("Fashion Hub")).toHaveCount(0);
  });
});

test.describe("paths the router cannot use", () => {
  for (const path of ["/c/%FF", "/c/AB%00CD", "/p/%00", "/c/%"]) {
    test(`answer 400 with the store's translated page, not an error: ${path}`, async () => {
      const response = await requestWithHost(`fashionhub.${ROOT_DOMAIN}`, path, { "accept-language": "fr" });
      expect(response.status).toBe(400);
      expect(response.body).toContain('lang="fr"');
      expect(response.body).toContain(messages.fr.NotFound.title);
    });
  }
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
