import { afterAll, beforeAll } from "vitest";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface StripeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The form-encoded body as flat "a[b][c]" keys, as the SDK sends it. */
  form: Record<string, string>;
}

/**
 * An in-process stand-in for the few Stripe endpoints the app calls (create and retrieve a
 * Checkout Session, create a refund), on 127.0.0.1 and a random port, so tests drive the real
 * SDK (set STRIPE_API_HOST/PORT/PROTOCOL to it). Like Stripe, a refund asked again with the same
 * Idempotency-Key returns the first one instead of refunding twice; `refunds` holds each refund
 * made once. `failRefunds` makes refunds answer 500 until it is cleared. Tests move a session
 * along (paid, expired) by changing its entry in `sessions`.
 */
export async function startFakeStripe() {
  const requests: StripeRequest[] = [];
  const sessions = new Map<string, Record<string, unknown>>();
  const refunds: Array<{ id: string; payment_intent: string; idempotencyKey: string | undefined }> = [];
  const refundsByKey = new Map<string, Record<string, unknown>>();
  const control = { failRefunds: false };
  let counter = 0;
  // Ids unique across instances: test files share one database, where session ids are unique.
  const tag = Math.random().toString(36).slice(2, 8);
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const form = Object.fromEntries(new URLSearchParams(raw));
      const path = (req.url ?? "").split("?")[0]!;
      requests.push({ method: req.method ?? "", path, headers: req.headers, form });
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json", "request-id": `req_fake_${counter}` });
        res.end(JSON.stringify(body));
      };
      if (req.method === "POST" && path === "/v1/checkout/sessions") {
        const id = `cs_test_fake_${tag}_${++counter}`;
        const session = {
          id,
          object: "checkout.session",
          mode: form.mode,
          client_reference_id: form.client_reference_id ?? null,
          customer_email: form.customer_email ?? null,
          amount_total: Number(form["line_items[0][price_data][unit_amount]"] ?? 0),
          currency: form["line_items[0][price_data][currency]"] ?? null,
          metadata: { orderId: form["metadata[orderId]"], merchantId: form["metadata[merchantId]"] },
          payment_intent: `pi_fake_${tag}_${counter}`,
          payment_status: "unpaid",
          status: "open",
          success_url: form.success_url,
          cancel_url: form.cancel_url,
          url: `https://checkout.stripe.test/c/pay/${id}`,
        };
        sessions.set(id, session);
        return reply(200, session);
      }
      const retrieve = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
      if (req.method === "GET" && retrieve) {
        const session = sessions.get(decodeURIComponent(retrieve[1]!));
        return session ? reply(200, session) : reply(404, { error: { type: "invalid_request_error", message: "No such checkout.session" } });
      }
      if (req.method === "POST" && path === "/v1/refunds") {
        if (control.failRefunds) return reply(500, { error: { type: "api_error", message: "Refunds are down (fake)" } });
        const key = req.headers["idempotency-key"] as string | undefined;
        const earlier = key ? refundsByKey.get(key) : undefined;
        if (earlier) return reply(200, earlier);
        const refund = { id: `re_fake_${++counter}`, object: "refund", payment_intent: form.payment_intent, status: "succeeded" };
        refunds.push({ id: refund.id, payment_intent: String(form.payment_intent), idempotencyKey: key });
        if (key) refundsByKey.set(key, refund);
        return reply(200, refund);
      }
      return reply(404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method} ${path})` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    sessions,
    refunds,
    control,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;

/**
 * The fake for one test file: started before its tests with the SDK pointed at it (the keys set
 * before anything reads, and caches, the environment), closed after them. `current` is the fake.
 */
export function fakeStripeForFile(webhookSecret: string): { readonly current: FakeStripe } {
  const holder = {} as { current: FakeStripe };
  beforeAll(async () => {
    holder.current = await startFakeStripe();
    process.env.STRIPE_SECRET_KEY = "sk_test_patron_fake";
    process.env.STRIPE_WEBHOOK_SECRET = webhookSecret;
    process.env.STRIPE_API_HOST = "127.0.0.1";
    process.env.STRIPE_API_PORT = String(holder.current.port);
    process.env.STRIPE_API_PROTOCOL = "http";
  });
  afterAll(async () => {
    await holder.current.close();
  });
  return holder;
}
