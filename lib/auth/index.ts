import "server-only";
import NextAuth from "next-auth";
import { headers } from "next/headers";
import { authConfigForHost } from "./config";

/**
 * Auth.js, configured per request for the host the request came in on. Route handlers pass their
 * (host-corrected, see route.ts) request; server components and actions read the incoming headers.
 */
export const { auth, handlers, signIn, signOut } = NextAuth(async (request) => {
  if (request) {
    const callbackUrl =
      request.nextUrl.searchParams.get("callbackUrl") ??
      (request.cookies.get("authjs.callback-url") ?? request.cookies.get("__Secure-authjs.callback-url"))?.value;
    return authConfigForHost(new URL(request.url).host, callbackUrl, request.headers.get("x-forwarded-proto"));
  }
  const h = await headers();
  return authConfigForHost(h.get("x-forwarded-host") ?? h.get("host"), null, h.get("x-forwarded-proto"));
});
