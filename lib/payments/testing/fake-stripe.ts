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
 * SDK (set STRIPE_API_HOST/PORT/PROTOCOL to it).
 */
export async function startFakeStripe() {
  const requests: StripeRequest[] = [];
  const sessions = new Map<string, Record<string, unknown>>();
  let counter = 0;
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
        const id = `cs_test_fake_${++counter}`;
        const session = {
          id,
          object: "checkout.session",
          mode: form.mode,
          client_reference_id: form.client_reference_id ?? null,
          customer_email: form.customer_email ?? null,
          amount_total: Number(form["line_items[0][price_data][unit_amount]"] ?? 0),
          currency: form["line_items[0][price_data][currency]"] ?? null,
          metadata: { orderId: form["metadata[orderId]"], merchantId: form["metadata[merchantId]"] },
          payment_intent: `pi_fake_${counter}`,
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
        return reply(200, { id: `re_fake_${++counter}`, object: "refund", payment_intent: form.payment_intent, status: "succeeded" });
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
