/**
 * Sign-in facts specs need: the session cookie's name, unique addresses, and the redirects a
 * navigation went through (for asserting where the sign-in flow sends the browser).
 */
import { randomUUID } from "node:crypto";
import type { Page, Response } from "@playwright/test";

/**
 * The name of the session cookie over http (lib/auth/config.ts; with https it gets the
 * __Secure- prefix). Each host keeps its own: the cookie has no Domain attribute.
 */
export const SESSION_COOKIE = "authjs.session-token";

/** An address nobody else uses, so per-email rate limits and outbox lookups never collide. */
export function uniqueEmail(label = "user"): string {
  return `${label}-${randomUUID().slice(0, 12)}@example.test`;
}

export interface RedirectHop {
  url: string;
  status: number;
  /** The Location header, resolved against the hop's URL. */
  location: string;
}

/** The redirects the browser followed before `response` (oldest first). */
export async function redirectChain(response: Response): Promise<RedirectHop[]> {
  const hops: RedirectHop[] = [];
  for (let request = response.request().redirectedFrom(); request; request = request.redirectedFrom()) {
    const redirect = await request.response();
    if (!redirect) continue;
    const location = redirect.headers()["location"] ?? "";
    hops.unshift({ url: request.url(), status: redirect.status(), location: new URL(location, request.url()).href });
  }
  return hops;
}

/**
 * Records every response with a 5xx status the page receives (documents, server actions,
 * RSC requests), so a spec can assert that bad input never made the server fail.
 */
export function recordServerErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 500) errors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return errors;
}
