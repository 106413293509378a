"use server";

import { headers } from "next/headers";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { fail, failFields, ok } from "@/lib/actions/pipeline";
import type { Locale } from "@/lib/locales";
import { currentTenant } from "@/lib/tenancy/request";
import type { Tenant } from "@/lib/tenancy/types";
import { sameOriginRedirect } from "@/lib/tenancy/urls";
import { authSecretOrThrow } from "./config";
import { hostPath } from "./context";
import { isPlatformAdminEmail } from "./data";
import { signIn, signOut } from "./index";
import { signInAction } from "./action-clients";
import { clientIp, consumeAuthAttempt, refundAuthAttempt, retryAfterMinutes, type LimitKeys } from "./rate-limit";
import { codeSignInSchema, linkRequestSchema, passwordSignInSchema } from "./schema";
import { isLiveSignInCode, verificationSecret } from "./verification";

/**
 * The sign-in forms' server actions, on the sign-in client (they serve the apex and every
 * storefront; which host asked decides what they may do; the session is not read before it changes). Each one parses its form (field
 * errors under `Errors.field`, nothing written), checks the host, counts the attempt against the
 * rate limits (a refusal writes and sends nothing), and only then hands over to Auth.js.
 * Refusals are in the request's language.
 */

async function requestContext(): Promise<{ ctx: Tenant | null; ip: string }> {
  const h = await headers();
  return { ctx: await currentTenant(), ip: clientIp(h) };
}

function localeFor(ctx: Tenant, locale: Locale): Locale {
  return ctx.locales.includes(locale) ? locale : ctx.defaultLocale;
}

/** The refusal of a spent rate limit, or null when the attempt may go on. */
async function limited(action: "password" | "link" | "code", keys: LimitKeys) {
  const result = await consumeAuthAttempt(action, keys);
  return result.ok ? null : fail("Errors.rateLimited", { minutes: retryAfterMinutes(result.retryAfterMs) });
}

/** Apex only: email + password for merchants and admins. Redirects on success. */
export const signInWithPasswordAction = signInAction({
  schema: passwordSignInSchema,
  messages: "Errors.field",
  handler: async ({ email, password, callbackUrl }, { locale: requested }) => {
    const { ctx, ip } = await requestContext();
    if (!ctx) return fail("Errors.form.unavailable");
    if (ctx.kind !== "platform") return fail("Errors.form.wrongHost");

    const keys = { email, ip };
    const limit = await limited("password", keys);
    if (limit) return limit;

    try {
      await signIn("credentials", { email, password, redirect: false });
    } catch (error) {
      if (error instanceof CredentialsSignin) return fail("Errors.form.invalidCredentials");
      // The password was right, but every merchant of this user is suspended.
      if (error instanceof AuthError && error.type === "AccessDenied") {
        await refundAuthAttempt("password", keys);
        return fail("Errors.form.suspended");
      }
      throw error;
    }
    await refundAuthAttempt("password", keys);
    const locale = localeFor(ctx, requested);
    const home = hostPath(ctx, (await isPlatformAdminEmail(email)) ? "/admin" : "/account", locale);
    return ok(undefined, { redirectTo: sameOriginRedirect(callbackUrl, ctx.origin, home) });
  },
});

/**
 * Apex and storefronts: emails a one-time link and code (through the outbox), then shows the
 * "check your email" page. On the apex, addresses without an account get the same page and no email.
 */
export const requestSignInEmailAction = signInAction({
  schema: linkRequestSchema,
  messages: "Errors.field",
  handler: async ({ email, callbackUrl: requestedCallback }, { locale: requested }) => {
    const { ctx, ip } = await requestContext();
    if (!ctx) return fail("Errors.form.unavailable");
    const locale = localeFor(ctx, requested);
    const callbackUrl = sameOriginRedirect(requestedCallback, ctx.origin, hostPath(ctx, "/account", locale));

    const limit = await limited("link", { email, ip });
    if (limit) return limit;

    try {
      await signIn("email", { email, locale, redirectTo: callbackUrl, redirect: false });
    } catch (error) {
      // AccessDenied: the apex refused an address without an account. Say nothing about it.
      if (!(error instanceof AuthError && error.type === "AccessDenied")) throw error;
    }
    return ok(undefined, { redirectTo: `${hostPath(ctx, "/sign-in/check-email", locale)}?${new URLSearchParams({ email, callbackUrl })}` });
  },
});

/**
 * The code typed from the sign-in email. A live code is not consumed here: the browser is sent
 * to the Auth.js email callback with it, exactly as if the link had been clicked (`redirectTo`
 * in the data: a full page load, so that response sets the session cookie).
 */
export const signInWithCodeAction = signInAction({
  schema: codeSignInSchema,
  messages: "Errors.field",
  handler: async ({ email, code, callbackUrl: requestedCallback }, { locale: requested }) => {
    const { ctx, ip } = await requestContext();
    if (!ctx) return fail("Errors.form.unavailable");
    const locale = localeFor(ctx, requested);
    const callbackUrl = sameOriginRedirect(requestedCallback, ctx.origin, hostPath(ctx, "/account", locale));

    const keys = { email, ip };
    const limit = await limited("code", keys);
    if (limit) return limit;

    if (!(await isLiveSignInCode(email, code, verificationSecret(authSecretOrThrow(), ctx.host)))) {
      return failFields({ code: "Errors.field.codeRejected" });
    }
    await refundAuthAttempt("code", keys);
    return ok({ redirectTo: `${ctx.origin}/api/auth/callback/email?${new URLSearchParams({ callbackUrl, token: code, email })}` });
  },
});

/** Signs out of this host only and returns to its home page. */
export const signOutAction = signInAction({
  schema: z.object({}),
  messages: "Errors",
  handler: async (_input, { locale }) => {
    const { ctx } = await requestContext();
    if (!ctx) return ok(undefined, { redirectTo: "/" });
    await signOut({ redirectTo: hostPath(ctx, "/", localeFor(ctx, locale)) });
    return ok();
  },
});
