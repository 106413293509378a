import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeRateLimitPool } from "@/lib/auth/rate-limit";
import { formatGiftCardCode } from "@/lib/gift-cards/code";
import { actAs, customerOf, memberOf, passwordUser, type Tenant } from "@/tests/integration/actors";
import { createTenant } from "@/tests/integration/fixtures";
import { issueTestCard, redeemTestCard } from "@/tests/integration/gift-card-admin-fixtures";
import { GET } from "./route";

vi.mock("@/lib/auth/index", () => import("@/tests/doubles/auth"));
vi.mock("next/headers", async () => {
  const { testHeaders } = await import("@/tests/doubles/auth");
  return { headers: async () => testHeaders() };
});
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => `[${key}]` }));

afterAll(async () => {
  await closeRateLimitPool();
});

const ACTORS = ["anonymous", "customer", "staff", "manager", "owner", "otherOwner", "platformAdmin"] as const;
type Actor = (typeof ACTORS)[number];

describe("GET /account/m/<merchantId>/gift-cards/export", () => {
  let tenant: Tenant;
  const emails = {} as Record<Exclude<Actor, "anonymous">, string>;
  let code: string;
  let last4: string;

  beforeAll(async () => {
    tenant = await createTenant();
    const other = await createTenant();
    emails.customer = (await customerOf(tenant)).email;
    emails.staff = (await memberOf(tenant, "STAFF")).email;
    emails.manager = (await memberOf(tenant, "MANAGER")).email;
    emails.owner = (await memberOf(tenant, "OWNER")).email;
    emails.otherOwner = (await memberOf(other, "OWNER")).email;
    emails.platformAdmin = (await passwordUser("admin", { isPlatformAdmin: true })).email;
    const issued = await issueTestCard(tenant, {
      at: new Date("2026-11-10T10:00:00Z"),
      recipientName: "=Secret Recipient",
      recipientEmail: "secret-recipient@example.test",
      storeId: null,
    });
    await redeemTestCard(tenant, issued.id, 1250, { at: new Date("2026-11-12T10:00:00Z"), transactionId: "tx-redeem-1" });
    code = issued.code;
    last4 = issued.last4;
  });

  const request = (query = "") =>
    GET(new Request(`http://localhost:3000/account/m/${tenant.merchant.id}/gift-cards/export${query}`), {
      params: Promise.resolve({ locale: "en", merchantId: tenant.merchant.id }),
    });

  it("gives the merchant's owners and managers the file, everyone else a bare status with none of the data", async () => {
    const got = {} as Record<Actor, unknown>;
    for (const actor of ACTORS) {
      await actAs(actor === "anonymous" ? null : emails[actor]);
      const response = await request();
      const body = await response.text();
      const leaked = body.includes(last4) || body.includes("secret-recipient");
      got[actor] = response.status === 200 ? [response.headers.get("content-type"), leaked] : [response.status, leaked];
    }
    const file = ["text/csv; charset=utf-8", true];
    expect(got).toEqual({ anonymous: [401, false], customer: [404, false], staff: [403, false], manager: file, owner: file, otherOwner: [404, false], platformAdmin: [404, false] });
  });

  it("lists every card with amounts in major units and never its code", async () => {
    await actAs(emails.manager);
    const response = await request("?kind=cards");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="gift-cards.csv"');
    const lines = (await response.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("[last4],[source],[currency],[initial],[balance],[status],[expiresAt],[recipientName],[recipientEmail],[buyerEmail],[store],[createdAt]");
    // The recipient's name would run as a formula in a spreadsheet: it is quoted away.
    expect(lines.slice(1)).toEqual([`${last4},PURCHASE,EUR,50.00,37.50,ACTIVE,,'=Secret Recipient,secret-recipient@example.test,,,2026-11-10 11:00:00`]);
    const all = lines.join("\n");
    expect(all).not.toContain(code);
    expect(all).not.toContain(formatGiftCardCode(code));
  });

  it("lists the period's movements in the merchant's zone, and answers bad periods with the translated reason", async () => {
    await actAs(emails.owner);
    const response = await request("?kind=ledger&from=2026-11-11&to=2026-11-30");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="gift-card-movements-2026-11-11-2026-11-30.csv"');
    const lines = (await response.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines.slice(1)).toEqual([`2026-11-12 11:00:00,${last4},EUR,REDEEM,-12.50,37.50,Store ${tenant.tag},,,,tx-redeem-1`]);
    const bad = await request("?kind=ledger&from=2026-11-30&to=2026-11-01");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe("[errors.rangeOrder]");
    expect((await request("?kind=everything")).status).toBe(400);
  });
});
