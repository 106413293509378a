import { createHmac, randomUUID } from "node:crypto";
import { E2E_AUTH_SECRET } from "../env";
import { expect, storeUrl, test } from "../fixtures";
import { expectNotFoundPage } from "../pages/not-found";
import { newId } from "../support/db";
import { requestWithHost } from "../support/http";
import { messages } from "../support/messages";

const en = messages.en;
const cards = en.GiftCards.delivery;

/** The Luxembourg day `days` after today, as the store counts days. */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Europe/Luxembourg" });
}

test("a gift card for a later day: the buyer pays, sees it scheduled, prints it; a manager changes its recipient; another merchant sees nothing", async ({
  page,
  browser,
  db,
  createTenant,
  waitForEmail,
  signInWithPassword,
  serverErrors,
}) => {
  const tenant = await createTenant();
  const other = await createTenant();
  const buyer = `buyer-${tenant.tag}@example.test`;
  const jos = `jos-${tenant.tag}@example.test`;
  const orderId = newId();
  const key = randomUUID();
  // An order of one gift card for Jos, delivered in ten days, waiting for its test payment.
  await db.query(
    `INSERT INTO "Order" (id, "merchantId", "storeId", number, email, locale, currency, status, "subtotalCents", "discountCents", "totalCents", "amountDueCents", "paymentProvider", "idempotencyKey", "transactionId")
     VALUES ($1, $2, $3, $4, $5, 'en', 'EUR', 'PENDING_PAYMENT', 4000, 0, 4000, 4000, 'TEST', $6, $6)`,
    [orderId, tenant.merchant.id, tenant.store.id, `GC-${tenant.tag}`, buyer, key],
  );
  await db.query(
    `INSERT INTO "OrderLine" (id, "orderId", title, kind, "unitPriceCents", quantity, "totalCents", "giftCard") VALUES ($1, $2, 'Gift card', 'GIFT_CARD', 4000, 1, 4000, $3)`,
    [newId(), orderId, JSON.stringify({ recipient: { name: "Jos", email: jos }, message: "Alles Guddes!", deliverOn: dayFromNow(10), locale: "en" })],
  );

  const payToken = createHmac("sha256", E2E_AUTH_SECRET).update(`order:pay:${orderId}`).digest("base64url");
  await page.goto(storeUrl(tenant.store.slug, `/pay/test/${orderId}?token=${payToken}`));
  await page.getByRole("button", { name: en.Payments.test.pay, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: en.Orders.confirmation.thanks })).toBeVisible();

  // The order page lists the card: Jos, scheduled for its day.
  const section = page.getByTestId("gift-card-deliveries");
  await expect(section.getByRole("heading", { name: cards.title })).toBeVisible();
  await expect(section).toContainText("Jos");
  await expect(section).toContainText(cards.statuses.scheduled);

  // The buyer's copy came at once, with the code and a certificate link that gives the PDF.
  const copy = await waitForEmail(buyer, { template: "gift-card-delivery" });
  expect(copy.data).toMatchObject({ kind: "buyerCopy", recipientName: "Jos", amountCents: 4000 });
  const certificate = new URL(copy.data.certificateUrl as string);
  const pdf = await requestWithHost(certificate.host, certificate.pathname + certificate.search);
  expect(pdf.status).toBe(200);
  expect(pdf.headers["content-type"]).toBe("application/pdf");
  expect(pdf.body.startsWith("%PDF-")).toBe(true);
  // The same link on another merchant's storefront is not found.
  const elsewhere = await requestWithHost(`${other.store.slug}.localhost:${certificate.port}`, certificate.pathname + certificate.search);
  expect(elsewhere.status).toBe(404);

  // The owner gives the card to Marie before its day.
  const merchant = await browser.newContext();
  const merchantPage = await merchant.newPage();
  await signInWithPassword(tenant.owner, { page: merchantPage });
  const orderPath = `/account/m/${tenant.merchant.id}/stores/${tenant.store.id}/orders/${orderId}`;
  await merchantPage.goto(orderPath);
  const card = merchantPage.getByTestId("gift-card-delivery");
  await card.getByText(cards.manage.change).click();
  const marie = `marie-${tenant.tag}@example.test`;
  await card.getByLabel(cards.manage.name).fill("Marie");
  await card.getByLabel(cards.manage.email).fill(marie);
  await card.getByRole("button", { name: cards.manage.save }).click();
  await expect(card.getByText(cards.manage.saved)).toBeVisible();
  await expect.poll(async () => (await db.query(`SELECT "to" FROM "EmailMessage" WHERE template = 'gift-card-delivery' AND "to" = $1`, [marie])).rowCount).toBe(1);
  await merchantPage.reload();
  await expect(merchantPage.getByTestId("gift-card-deliveries")).toContainText("Marie");
  await merchant.close();

  // Another merchant's owner: the order page is not found and shows nothing of the card.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await signInWithPassword(other.owner, { page: strangerPage });
  await expectNotFoundPage(strangerPage, await strangerPage.goto(orderPath));
  await expect(strangerPage.getByText("Marie")).toHaveCount(0);
  await stranger.close();
  expect(serverErrors).toEqual([]);
});
