import "server-only";
import NextAuth from "next-auth";
import { headers } from "next/headers";
import { currentTenant } from "@/lib/tenancy/request";
import { authConfigForTenant } from "./config";

/**
 * Auth.js, configured per request for the request's tenant (the host it came in on, as the proxy
 * resolved it). Route handlers pass their request (see route.ts), which says where the user is
 * headed; server components and actions have none.
 */
export const { auth, handlers, signIn, signOut } = NextAuth(async (request) => {
  const tenant = await currentTenant();
  if (request) {
    const callbackUrl =
      request.nextUrl.searchParams.get("callbackUrl") ??
      (request.cookies.get("authjs.callback-url") ?? request.cookies.get("__Secure-authjs.callback-url"))?.value;
    return authConfigForTenant(tenant, callbackUrl, request.headers.get("x-forwarded-proto"));
  }
  return authConfigForTenant(tenant, null, (await headers()).get("x-forwarded-proto"));
});
