import "server-only";
import { createHash } from "node:crypto";
import { isLocale, type Locale } from "@/lib/locales";
import { enqueueEmail } from "@/lib/email/outbox";
import type { Tenant } from "@/lib/tenancy/types";
import { findStoreForSignIn, verificationTokenIsLive } from "./data";

/**
 * One-time sign-in credentials (Auth.js verification tokens). Each is an 8-character code
 * (codes.ts) sent both as a link and as text. Auth.js stores sha256(token + secret); the secret
 * here includes the host, so a code issued on one host is worthless on every other.
 */

/** How long a link or code works. The sign-in email states the same duration. */
export const VERIFICATION_MAX_AGE_SECONDS = 24 * 60 * 60;

export function verificationSecret(authSecret: string, host: string): string {
  return `${authSecret}|sign-in|${host}`;
}

/** What Auth.js stores for a token (the same as its createHash(`${token}${secret}`)). */
export function hashVerificationToken(token: string, secret: string): string {
  return createHash("sha256").update(`${token}${secret}`).digest("hex");
}

/** True when `code` is a live sign-in code for `email` on this host. Consumes nothing. */
export function isLiveSignInCode(email: string, code: string, secret: string): Promise<boolean> {
  return verificationTokenIsLive(email, hashVerificationToken(code, secret));
}

/**
 * Queues the sign-in email in the outbox (never sent from here). The locale comes from the
 * form that asked for it; Auth.js passes the form's fields as the JSON body of `request`.
 */
export async function queueSignInEmail(
  params: { identifier: string; token: string; url: string; request: Request },
  ctx: Tenant,
): Promise<void> {
  const body: unknown = await params.request.json().catch(() => ({}));
  const asked = body && typeof body === "object" && "locale" in body ? body.locale : undefined;
  const locale: Locale = isLocale(asked) && ctx.locales.includes(asked) ? asked : ctx.defaultLocale;
  const store = ctx.kind === "store" ? await findStoreForSignIn(ctx.merchantId, ctx.storeId) : null;
  const idempotencyKey = `sign-in:${createHash("sha256").update(`${ctx.host}|${params.identifier}|${params.token}`).digest("base64url")}`;
  await enqueueEmail({
    to: params.identifier,
    template: "sign-in",
    locale,
    data: { url: params.url, code: params.token, storeName: store?.name ?? null },
    merchantId: store?.merchantId ?? null,
    idempotencyKey,
  });
}
