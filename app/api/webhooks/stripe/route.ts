import { handleStripeWebhook } from "@/lib/payments/webhook";
import { currentTenant } from "@/lib/tenancy/request";

// Reads the raw body (the signature covers its exact bytes) and the database: never cached.
export const dynamic = "force-dynamic";

function json(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/** Stripe's webhook endpoint. Served on the platform apex only; every other host gets 404. */
export async function POST(request: Request): Promise<Response> {
  if ((await currentTenant())?.kind !== "platform") return json(404, { error: "not found" });
  const body = await request.text();
  const result = await handleStripeWebhook(body, request.headers.get("stripe-signature"));
  return result.status === 400 ? json(400, { error: result.error }) : json(200, { received: true, result: result.result });
}
