import "server-only";
import { NextRequest } from "next/server";
import { currentTenant } from "@/lib/tenancy/request";
import type { Tenant } from "@/lib/tenancy/types";
import { localeOfPath, hostPath } from "./context";
import { AUTH_BASE_PATH as BASE_PATH, isPublicAuthEndpoint } from "./endpoints";
import { handlers } from "./index";
import { clientIp, consumeAuthAttempt, retryAfterMinutes } from "./rate-limit";
import { normalizeEmail } from "@/lib/email-address";

function errorRedirect(ctx: Tenant, request: NextRequest, params: Record<string, string>): Response {
  const locale = localeOfPath(request.nextUrl.searchParams.get("callbackUrl"), ctx);
  return Response.redirect(`${ctx.origin}${hostPath(ctx, "/sign-in/error", locale)}?${new URLSearchParams(params)}`, 302);
}

/** A path on this host ("/fr/account") or an absolute URL of this very origin. */
function isSameOriginCallback(value: string, origin: string): boolean {
  if (value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\")) return true;
  try {
    return new URL(value).origin === origin;
  } catch {
    return false;
  }
}

/**
 * The Auth.js route handler. `next start` gives route handlers a request URL on the server's own
 * address whatever the Host header says, so the URL is rebuilt on the origin of the request's
 * tenant (the host the proxy resolved) before Auth.js builds links and cookies from it. Hosts
 * that serve nothing (no tenant) get a 404.
 */
export async function handleAuthRequest(request: NextRequest): Promise<Response> {
  const ctx = await currentTenant();
  if (!ctx || !isPublicAuthEndpoint(request.method, request.nextUrl.pathname)) {
    return new Response("Not found", { status: 404 });
  }
  const url = new URL(request.nextUrl.pathname + request.nextUrl.search, ctx.origin);
  // Auth.js answers a callbackUrl it cannot use with a 500: keep only one that stays on this host.
  const callbackUrl = url.searchParams.get("callbackUrl");
  if (callbackUrl !== null && !isSameOriginCallback(callbackUrl, ctx.origin)) url.searchParams.delete("callbackUrl");

  if (request.method === "GET" && request.nextUrl.pathname === `${BASE_PATH}/callback/email`) {
    const token = url.searchParams.get("token");
    const email = url.searchParams.get("email");
    if (!token || !email || token.length > 64 || email.length > 254) return errorRedirect(ctx, request, { error: "Verification" });
    const limit = await consumeAuthAttempt("callback", { email: normalizeEmail(email), ip: clientIp(request.headers) });
    if (!limit.ok) return errorRedirect(ctx, request, { error: "RateLimited", minutes: String(retryAfterMinutes(limit.retryAfterMs)) });
  }

  const forwarded = new NextRequest(url, request);
  return request.method === "POST" ? handlers.POST(forwarded) : handlers.GET(forwarded);
}
