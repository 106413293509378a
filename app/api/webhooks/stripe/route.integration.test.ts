import Stripe from "stripe";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { proxiedHeaders } from "@/tests/doubles/proxy";
import { createTenant } from "@/tests/integration/fixtures";

// The request the proxy passed on: its tenant, resolved from the host.
const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/headers")>()), headers: async () => current.headers }));

const SECRET = "whsec_route_test";

beforeAll(() => {
  process.env.STRIPE_SECRET_KEY = "sk_test_route";
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
});

async function request(host: string, body: string, signature?: string) {
  const headers = { host, "content-type": "application/json", ...(signature ? { "stripe-signature": signature } : {}) };
  current.headers = await proxiedHeaders(host, headers);
  return new Request(`http://${host}/api/webhooks/stripe`, { method: "POST", headers, body });
}

describe("POST /api/webhooks/stripe", () => {
  const payload = JSON.stringify({ id: "evt_route_1", object: "event", type: "customer.created", data: { object: { id: "cus_1", object: "customer" } } });

  it("answers 404 on store hosts", async () => {
    const { POST } = await import("./route");
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    const { store } = await createTenant();
    expect((await POST(await request(`${store.slug}.localhost:3000`, payload, signature))).status).toBe(404);
  });

  it("answers 400 without or with a bad signature, 200 with a good one", async () => {
    const { POST } = await import("./route");
    expect((await POST(await request("localhost:3000", payload))).status).toBe(400);
    expect((await POST(await request("localhost:3000", payload, "t=1,v1=deadbeef"))).status).toBe(400);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    const ok = await POST(await request("localhost:3000", payload, signature));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ received: true, result: "ignored" });
  });
});
