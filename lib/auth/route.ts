import "server-only";
import { NextRequest } from "next/server";
import { localeOfPath, hostPath, resolveAuthContext, type AuthHostContext } from "./context";
import { AUTH_BASE_PATH as BASE_PATH, isPublicAuthEndpoint } from "./endpoints";
import { handlers } from "./index";
import { clientIp, consumeAuthAttempt, retryAfterMinutes } from "./rate-limit";
import { normalizeEmail } from "./schema";

function errorRedirect(ctx: AuthHostContext, request: NextRequest, params: Record<string, string>): Response {
  const locale = localeOfPath(request.nextUrl.searchParams.get("callbackUrl"), ctx);
  return Response.redirect(`${ctx.origin}${hostPath(ctx, "/sign-in/error", locale)}?${new URLSearchParams(params)}`, 302);
}

/**
 * The Auth.js route handler. `next start` gives route handlers a request URL on the server's own
 * address whatever the Host header says, so the URL is rebuilt from Host / X-Forwarded-Host
 * before Auth.js builds links and cookies from it. Hosts that serve nothing get a 404.
 */
export async function handleAuthRequest(request: NextRequest): Promise<Response> {
  const ctx = await resolveAuthContext(request.headers.get("x-forwarded-host") ?? request.headers.get("host"));
  if (!ctx || !isPublicAuthEndpoint(request.method, request.nextUrl.pathname)) {
    return new Response("Not found", { status: 404 });
  }
  const url = new URL(request.nextUrl.pathname + request.nextUrl.search, ctx.origin);

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
