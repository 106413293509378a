import { Auth, skipCSRFCheck, type AuthConfig } from "@auth/core";
import { resolveTenant } from "@/lib/tenancy/resolve";
import { proxiedHeaders } from "@/tests/doubles/proxy";
import { authConfigForTenant } from "@/lib/auth/config";

/**
 * Test support: the parts of next-auth that need a Next.js request, rebuilt on @auth/core with
 * the same per-host configuration. Integration tests mock `@/lib/auth/index` with this module
 * and `next/headers` with `testHeaders`, then set `testRequest` to play a browser on a host
 * (the headers carry the tenant the proxy would stamp for that host).
 */

export const testRequest = { host: "localhost:3000", cookie: "", ip: "203.0.113.1" };

export function testHeaders(): Promise<Headers> {
  return proxiedHeaders(testRequest.host, { cookie: testRequest.cookie, "x-forwarded-for": testRequest.ip });
}

async function configFor(host: string, callbackUrl?: string | null): Promise<AuthConfig> {
  return authConfigForTenant(await resolveTenant(host), callbackUrl) as AuthConfig;
}

async function handle(request: Request): Promise<Response> {
  const url = new URL(request.url);
  return Auth(request, await configFor(url.host, url.searchParams.get("callbackUrl")));
}

export const handlers = { GET: handle, POST: handle };

/** What next-auth's auth() returns in a server component: the session of `testRequest`, or null. */
export async function auth(): Promise<{ user?: { id?: string; email?: string | null } } | null> {
  const config = await configFor(testRequest.host);
  const response = await Auth(
    new Request(`http://${testRequest.host}/api/auth/session`, { headers: { cookie: testRequest.cookie } }),
    config,
  );
  return response.ok ? ((await response.json()) as { user?: { id?: string } } | null) : null;
}

export async function signIn(): Promise<never> {
  throw new Error("signIn is not available in integration tests");
}

export const signOut = signIn;

/** The `name=value` pair of the session cookie a response sets, or null. */
export function sessionCookieOf(response: Response): string | null {
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(";")[0]!;
    if (/^(__Secure-)?authjs\.session-token=./.test(pair)) return pair;
  }
  return null;
}

function form(body: Record<string, string>): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(body),
  };
}

/** Signs in with a password on `host` as the password form's action does; returns the response. */
export async function passwordSignIn(host: string, email: string, password: string): Promise<Response> {
  const config = await configFor(host);
  return Auth(new Request(`http://${host}/api/auth/callback/credentials`, form({ email, password })), { ...config, skipCSRFCheck });
}

/** Asks for a sign-in email on `host` as the email form's action does. */
export async function requestSignInEmail(host: string, email: string, extra: Record<string, string> = {}): Promise<Response> {
  const config = await configFor(host);
  return Auth(new Request(`http://${host}/api/auth/signin/email`, form({ email, ...extra })), { ...config, skipCSRFCheck });
}
