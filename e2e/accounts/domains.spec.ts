import { randomUUID } from "node:crypto";
import dns2 from "dns2";
import { E2E_DNS_PORT } from "../env";
import { expect, test } from "../fixtures";
import { demoCredentials } from "../support/demo";
import { requestWithHost } from "../support/http";
import { messages } from "../support/messages";

const en = messages.en;
const t = en.Domains;

// The DNS server the e2e app asks (scripts/e2e-server.ts sets DNS_SERVERS to this port): what the
// merchant would create at their DNS provider goes into `zone`.
const zone = new Map<string, { txt?: string; cname?: string }>();
const { Packet } = dns2;
function answer(record: { name: string; type: number; class: number; ttl: number; data?: string; domain?: string }) {
  return record as typeof record & { toBuffer: () => Buffer };
}
const server = dns2.createServer({
  udp: true,
  handle: (request, send) => {
    const response = Packet.createResponseFromRequest(request);
    const question = request.questions[0]!;
    const records = zone.get(question.name.toLowerCase());
    const base = { name: question.name, class: Packet.CLASS.IN, ttl: 1 };
    if (records?.txt && question.type === Packet.TYPE.TXT) response.answers.push(answer({ ...base, type: Packet.TYPE.TXT, data: records.txt }));
    if (records?.cname && question.type === Packet.TYPE.CNAME) response.answers.push(answer({ ...base, type: Packet.TYPE.CNAME, domain: records.cname }));
    send(response);
  },
});

test.beforeAll(async () => {
  await server.listen({ udp: { port: E2E_DNS_PORT, address: "127.0.0.1" } });
});
test.afterAll(async () => {
  await server.close();
});

test("an owner adds a domain, creates the records shown, verifies it, and it serves the store until removed; admins see it", async ({
  page,
  browser,
  createTenant,
  signInWithPassword,
  serverErrors,
}) => {
  const tenant = await createTenant({ storeName: "Domain Deli" });
  const domain = `deli-${randomUUID().slice(0, 8)}.example.test`;
  const get = () => requestWithHost(domain, "/");
  expect((await get()).status).toBe(404);

  await signInWithPassword(tenant.owner);
  await page.goto(`/account/m/${tenant.merchant.id}/stores/${tenant.store.id}/domains`);
  await page.getByLabel(t.domain, { exact: true }).fill(`https://${domain.toUpperCase()}/`);
  await page.getByRole("button", { name: t.add }).click();
  await expect(page.getByRole("status")).toHaveText(t.results.added);
  const row = page.getByTestId("domain-row").filter({ hasText: domain });
  await expect(row).toContainText(t.status.PENDING);

  // Verifying before the records exist fails and says why.
  await row.getByRole("button", { name: t.verify }).click();
  await expect(row.getByRole("alert")).toHaveText(t.results.txtMissing);
  // The failed check is recorded, and the page shows it at once.
  await expect(row).toContainText(t.status.FAILED);

  // The merchant creates the records the page shows.
  const txtRow = row.getByRole("row").filter({ hasText: "TXT" });
  const [txtName, txtValue] = [await txtRow.getByRole("cell").nth(1).textContent(), await txtRow.getByRole("cell").nth(2).textContent()];
  const cnameTarget = await row.getByRole("row").filter({ hasText: "CNAME" }).getByRole("cell").nth(2).textContent();
  zone.set(txtName!.trim(), { txt: txtValue!.trim() });
  zone.set(domain, { cname: cnameTarget!.trim() });

  await row.getByRole("button", { name: t.verify }).click();
  await expect(row.getByRole("status")).toHaveText(t.results.verified);
  await expect(page.getByTestId("domain-row").filter({ hasText: domain })).toContainText(t.status.VERIFIED);

  // Served at once through the proxy.
  await expect(async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.body).toContain("Domain Deli");
  }).toPass({ timeout: 5_000 });

  // The platform admin sees it on /admin/domains.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signInWithPassword(demoCredentials("admin"), { page: adminPage });
  await adminPage.goto("/admin/domains");
  await expect(adminPage.getByTestId("admin-domain-row").filter({ hasText: domain })).toContainText(t.status.VERIFIED);
  await adminContext.close();

  // Removed: no longer served, at once.
  await page.getByTestId("domain-row").filter({ hasText: domain }).getByRole("button", { name: t.remove }).click();
  await expect(page.getByTestId("domain-row").filter({ hasText: domain })).toHaveCount(0);
  await expect.poll(async () => (await get()).status, { timeout: 5_000 }).toBe(404);
  expect(serverErrors).toEqual([]);
});
