"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { currentTenant } from "@/lib/tenancy/request";
import type { Tenant } from "@/lib/tenancy/types";
import { sameOriginRedirect } from "@/lib/tenancy/urls";
import { authSecretOrThrow } from "./config";
import { hostPath } from "./context";
import { isPlatformAdminEmail } from "./data";
import { signIn, signOut } from "./index";
import { clientIp, consumeAuthAttempt, refundAuthAttempt, retryAfterMinutes, type LimitKeys } from "./rate-limit";
import { codeSignInSchema, fieldErrors, formFields, linkRequestSchema, passwordSignInSchema } from "./schema";
import type { AuthFormError, AuthFormState } from "./types";
import { isLiveSignInCode, verificationSecret } from "./verification";

/**
 * The sign-in forms' server actions. Each one parses its form (field errors, nothing written),
 * checks the host, counts the attempt against the rate limits (a refusal writes and sends
 * nothing), and only then hands over to Auth.js.
 */

async function requestContext(): Promise<{ ctx: Tenant | null; ip: string }> {
  const h = await headers();
  return { ctx: await currentTenant(), ip: clientIp(h) };
}

function localeFor(ctx: Tenant, locale: Locale): Locale {
  return ctx.locales.includes(locale) ? locale : ctx.defaultLocale;
}

/** A refusal of the whole form, in the language the form was shown in. */
async function refused(locale: Locale, error: AuthFormError, email: string): Promise<AuthFormState> {
  const t = await getTranslations({ locale, namespace: "Errors.form" });
  return { status: "error", alert: t(error), email };
}

async function limited(action: "password" | "link" | "code", keys: LimitKeys, email: string, locale: Locale): Promise<AuthFormState | null> {
  const result = await consumeAuthAttempt(action, keys);
  if (result.ok) return null;
  const t = await getTranslations({ locale, namespace: "Errors" });
  return { status: "error", alert: t("rateLimited", { minutes: retryAfterMinutes(result.retryAfterMs) }), email };
}

/** Apex only: email + password for merchants and admins. Redirects on success. */
export async function signInWithPasswordAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const parsed = passwordSignInSchema.safeParse(formFields(formData, ["email", "password", "callbackUrl", "locale"]));
  const typed = typeof formData.get("email") === "string" ? String(formData.get("email")).slice(0, 300) : "";
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrors(parsed.error), email: typed };
  const { email, password, callbackUrl } = parsed.data;
  const { ctx, ip } = await requestContext();
  if (!ctx) return refused(parsed.data.locale, "unavailable", email);
  if (ctx.kind !== "platform") return refused(parsed.data.locale, "wrongHost", email);

  const keys = { email, ip };
  const limit = await limited("password", keys, email, parsed.data.locale);
  if (limit) return limit;

  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return refused(parsed.data.locale, "invalidCredentials", email);
    }
    // The password was right, but every merchant of this user is suspended.
    if (error instanceof AuthError && error.type === "AccessDenied") {
      await refundAuthAttempt("password", keys);
      return refused(parsed.data.locale, "suspended", email);
    }
    throw error;
  }
  await refundAuthAttempt("password", keys);
  const locale = localeFor(ctx, parsed.data.locale);
  const home = hostPath(ctx, (await isPlatformAdminEmail(email)) ? "/admin" : "/account", locale);
  redirect(sameOriginRedirect(callbackUrl, ctx.origin, home));
}

/**
 * Apex and storefronts: emails a one-time link and code (through the outbox), then shows the
 * "check your email" page. On the apex, addresses without an account get the same page and no email.
 */
export async function requestSignInEmailAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const parsed = linkRequestSchema.safeParse(formFields(formData, ["email", "callbackUrl", "locale"]));
  const typed = typeof formData.get("email") === "string" ? String(formData.get("email")).slice(0, 300) : "";
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrors(parsed.error), email: typed };
  const { email } = parsed.data;
  const { ctx, ip } = await requestContext();
  if (!ctx) return refused(parsed.data.locale, "unavailable", email);
  const locale = localeFor(ctx, parsed.data.locale);
  const callbackUrl = sameOriginRedirect(parsed.data.callbackUrl, ctx.origin, hostPath(ctx, "/account", locale));

  const limit = await limited("link", { email, ip }, email, parsed.data.locale);
  if (limit) return limit;

  try {
    await signIn("email", { email, locale, redirectTo: callbackUrl, redirect: false });
  } catch (error) {
    // AccessDenied: the apex refused an address without an account. Say nothing about it.
    if (!(error instanceof AuthError && error.type === "AccessDenied")) throw error;
  }
  redirect(`${hostPath(ctx, "/sign-in/check-email", locale)}?${new URLSearchParams({ email, callbackUrl })}`);
}

/**
 * The code typed from the sign-in email. A live code is not consumed here: the browser is sent
 * to the Auth.js email callback with it, exactly as if the link had been clicked.
 */
export async function signInWithCodeAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const parsed = codeSignInSchema.safeParse(formFields(formData, ["email", "code", "callbackUrl", "locale"]));
  const typed = typeof formData.get("email") === "string" ? String(formData.get("email")).slice(0, 300) : "";
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrors(parsed.error), email: typed };
  const { email, code } = parsed.data;
  const { ctx, ip } = await requestContext();
  if (!ctx) return refused(parsed.data.locale, "unavailable", email);
  const locale = localeFor(ctx, parsed.data.locale);
  const callbackUrl = sameOriginRedirect(parsed.data.callbackUrl, ctx.origin, hostPath(ctx, "/account", locale));

  const keys = { email, ip };
  const limit = await limited("code", keys, email, parsed.data.locale);
  if (limit) return limit;

  if (!(await isLiveSignInCode(email, code, verificationSecret(authSecretOrThrow(), ctx.host)))) {
    return { status: "error", fieldErrors: { code: "codeRejected" }, email };
  }
  await refundAuthAttempt("code", keys);
  const url = `${ctx.origin}/api/auth/callback/email?${new URLSearchParams({ callbackUrl, token: code, email })}`;
  return { status: "idle", email, redirectTo: url };
}

/** Signs out of this host only and returns to its home page. */
export async function signOutAction(formData: FormData): Promise<void> {
  const { ctx } = await requestContext();
  if (!ctx) redirect("/");
  const raw = formData.get("locale");
  const locale = typeof raw === "string" && (ctx.locales as readonly string[]).includes(raw) ? (raw as Locale) : ctx.defaultLocale;
  await signOut({ redirectTo: hostPath(ctx, "/", locale) });
}
