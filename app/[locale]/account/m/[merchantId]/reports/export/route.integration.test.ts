import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeRateLimitPool } from "@/lib/auth/rate-limit";
import { actAs, customerOf, memberOf, passwordUser, type Tenant } from "@/tests/integration/actors";
import { createTenant } from "@/tests/integration/fixtures";
import { createOrderRow } from "@/tests/integration/order-fixtures";
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

describe("GET /account/m/<merchantId>/reports/export", () => {
  let tenant: Tenant;
  const emails = {} as Record<Exclude<Actor, "anonymous">, string>;
  let orderNumber: string;

  beforeAll(async () => {
    tenant = await createTenant();
    const other = await createTenant();
    emails.customer = (await customerOf(tenant)).email;
    emails.staff = (await memberOf(tenant, "STAFF")).email;
    emails.manager = (await memberOf(tenant, "MANAGER")).email;
    emails.owner = (await memberOf(tenant, "OWNER")).email;
    emails.otherOwner = (await memberOf(other, "OWNER")).email;
    emails.platformAdmin = (await passwordUser("admin", { isPlatformAdmin: true })).email;
    orderNumber = (
      await createOrderRow(tenant, tenant.store.id, {
        status: "PAID",
        createdAt: new Date().toISOString(),
        email: "secret-buyer@example.test",
        lines: [{ productId: null, title: "Secret blend", unitPriceCents: 1234, quantity: 1 }],
      })
    ).number;
  });

  const request = (query = "") =>
    GET(new Request(`http://localhost:3000/account/m/${tenant.merchant.id}/reports/export${query}`), {
      params: Promise.resolve({ locale: "en", merchantId: tenant.merchant.id }),
    });

  it("gives the merchant's owners and managers the file, everyone else a bare status with none of the data", async () => {
    const got = {} as Record<Actor, unknown>;
    for (const actor of ACTORS) {
      await actAs(actor === "anonymous" ? null : emails[actor]);
      const response = await request();
      const body = await response.text();
      const leaked = body.includes(orderNumber) || body.includes("secret-buyer");
      got[actor] = response.status === 200 ? [response.headers.get("content-type"), leaked] : [response.status, leaked];
    }
    const file = ["text/csv; charset=utf-8", true];
    expect(got).toEqual({ anonymous: [401, false], customer: [404, false], staff: [403, false], manager: file, owner: file, otherOwner: [404, false], platformAdmin: [404, false] });
  });

  it("names the file after the period and answers bad dates with the translated reason", async () => {
    await actAs(emails.owner);
    const ok = await request("?from=2026-11-01&to=2026-11-30");
    expect(ok.headers.get("content-disposition")).toBe('attachment; filename="orders-2026-11-01-2026-11-30.csv"');
    const bad = await request("?from=2026-13-01");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe("[errors.invalidDate]");
  });
});
