import { randomBytes, randomUUID } from "node:crypto";
import { expect, storeUrl, test } from "../fixtures";
import { generateCardNumber } from "../../lib/loyalty/card-number";
import { merchantIdByName } from "../support/db";
import { demoCredentials } from "../support/demo";
import { qrVideoFile } from "../support/fake-camera";
import { messages } from "../support/messages";

const fr = messages.fr;
const NUMBER = generateCardNumber((n) => randomBytes(n));

// Chromium's fake camera plays a video of this card's QR code.
test.use({
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-video-capture=${qrVideoFile(NUMBER)}`,
    ],
  },
  permissions: ["camera"],
});

test("a staff member scans a card's QR code with the camera and gets the card", async ({ page, db, signInCustomer, serverErrors }) => {
  const merchantId = await merchantIdByName(db, "Fashion Group");
  const customerId = `c${randomUUID().replace(/-/g, "").slice(0, 24)}`;
  await db.query(`INSERT INTO "Customer" (id, "merchantId", email, name) VALUES ($1, $2, $3, 'Inès Scan')`, [customerId, merchantId, `scan-${customerId}@example.test`]);
  await db.query(`INSERT INTO "LoyaltyCard" (id, "merchantId", "customerId", number) VALUES ($1, $2, $3, $4)`, [`k${customerId.slice(1)}`, merchantId, customerId, NUMBER]);

  await signInCustomer("fashionhub", { email: demoCredentials("staff").email, page });
  await page.goto(storeUrl("fashionhub", "/terminal"));
  await page.getByRole("button", { name: fr.Terminal.scan }).click();
  await expect(page.getByTestId("terminal-card")).toContainText("Inès Scan", { timeout: 15_000 });
  await expect(page.getByTestId("terminal-card")).toContainText(NUMBER);
  expect(serverErrors).toEqual([]);
});
