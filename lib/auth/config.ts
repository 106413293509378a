import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { EmailConfig } from "next-auth/providers/email";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/locales";
import { isHttpsRequest } from "@/lib/security/headers";
import type { Tenant } from "@/lib/tenancy/types";
import { sameOriginRedirect } from "@/lib/tenancy/urls";
import { generateSignInCode } from "./codes";
import { hostPath, localeOfPath } from "./context";
import { verifyCredentials } from "./credentials";
import { isSignInSuspended, userExists } from "./data";
import { isTokenForHost } from "./host-binding";
import { ensureCustomer } from "./mutations";
import { emailSchema, passwordSchema } from "./schema";
import { queueSignInEmail, VERIFICATION_MAX_AGE_SECONDS, verificationSecret } from "./verification";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** The secret, or a readable failure instead of Auth.js's bare 500 on every auth request. */
export function authSecretOrThrow(): string {
  const secret = env().AUTH_SECRET;
  if (!secret) {
    throw new Error(
      "AUTH_SECRET is not set. Sign-in signs and encrypts session cookies with it: set AUTH_SECRET to a random " +
        "string of at least 32 characters (for example the output of `openssl rand -base64 32`). " +
        "`npm run dev` generates one for you.",
    );
  }
  return secret;
}

/** Errors that are expected outcomes (a bad link, a wrong password, a stale cookie), not faults. */
const QUIET_ERRORS = new Set(["JWTSessionError", "CredentialsSignin", "Verification", "AccessDenied"]);

/**
 * The Auth.js configuration for one request, bound to its tenant and the host it came in on:
 * session tokens record that host and are refused elsewhere, one-time codes are hashed with it,
 * and redirects never leave it. `locale` picks the language of the pages Auth.js redirects to.
 */
export function buildAuthConfig(ctx: Tenant, locale: Locale = ctx.defaultLocale, forwardedProto?: string | null): NextAuthConfig {
  const secret = authSecretOrThrow();
  // Secure cookies whenever the browser talks https (see isHttpsRequest).
  const secure = isHttpsRequest(forwardedProto, env().PLATFORM_PROTOCOL);

  const email: EmailConfig = {
    id: "email",
    type: "email",
    name: "Email",
    maxAge: VERIFICATION_MAX_AGE_SECONDS,
    secret: verificationSecret(secret, ctx.host),
    generateVerificationToken: generateSignInCode,
    normalizeIdentifier: (identifier) => {
      const parsed = emailSchema.safeParse(identifier);
      if (!parsed.success) throw new Error("Invalid email address.");
      return parsed.data;
    },
    sendVerificationRequest: (params) => queueSignInEmail(params, ctx),
    options: {},
  };

  const credentials = Credentials({
    id: "credentials",
    credentials: { email: {}, password: {} },
    async authorize(input) {
      // Only merchants and admins have passwords, and they sign in on the apex.
      if (ctx.kind !== "platform") return null;
      const emailValue = emailSchema.safeParse(input?.email);
      const password = passwordSchema.safeParse(input?.password);
      if (!emailValue.success || !password.success) return null;
      return verifyCredentials(emailValue.data, password.data);
    },
  });

  return {
    secret,
    basePath: "/api/auth",
    // Hosts are resolved by the proxy and checked by the route handler (a tenant) before Auth.js sees a request.
    trustHost: true,
    useSecureCookies: secure,
    adapter: PrismaAdapter(db),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    providers: [credentials, email],
    // No `domain` on any cookie: each host keeps its own session.
    cookies: {
      sessionToken: {
        name: `${secure ? "__Secure-" : ""}authjs.session-token`,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    pages: {
      signIn: hostPath(ctx, "/sign-in", locale),
      verifyRequest: hostPath(ctx, "/sign-in/check-email", locale),
      error: hostPath(ctx, "/sign-in/error", locale),
    },
    logger: {
      error(error) {
        const type = (error as { type?: string }).type ?? error.name;
        if (!QUIET_ERRORS.has(type)) console.error(error);
      },
    },
    callbacks: {
      async signIn({ user, account, email: emailInfo }) {
        if (account?.type === "credentials" && ctx.kind !== "platform") return false;
        // On the apex only existing accounts get a link; a stranger is told to check their email all the same.
        if (emailInfo?.verificationRequest && ctx.kind === "platform") return !!user.email && (await userExists(user.email));
        // The staff of a suspended merchant cannot sign in to the apex (checked once the password or link is proven).
        if (ctx.kind === "platform" && user.id && (await isSignInSuspended(user.id))) return false;
        return true;
      },
      async jwt({ token, user, account }) {
        if (user) {
          if (!user.id || !user.email) return null;
          if (ctx.kind === "store" && account?.type === "email") {
            // The cart the visitor filled before signing in follows them: the cart module adopts it
            // on their first signed-in request (lib/cart/request.ts).
            await ensureCustomer({ merchantId: ctx.merchantId, userId: user.id, email: user.email });
          }
          return { sub: user.id, email: user.email, name: user.name ?? null, host: ctx.host };
        }
        // A token issued for another host counts as no session at all.
        if (!isTokenForHost(token.host, ctx.host)) return null;
        return token;
      },
      session({ session, token }) {
        return {
          expires: session.expires,
          user: { id: token.sub ?? "", email: token.email ?? "", name: token.name ?? null },
        } as typeof session;
      },
      redirect({ url, baseUrl }) {
        return sameOriginRedirect(url, baseUrl);
      },
    },
  };
}

/**
 * The configuration for a request of `tenant` (null: a host that serves nothing). `callbackUrl`
 * (where the user is headed) picks the language of Auth.js's redirects to the error page. Throws
 * for a request without a tenant: callers check the tenant first.
 */
export function authConfigForTenant(tenant: Tenant | null, callbackUrl?: string | null, forwardedProto?: string | null): NextAuthConfig {
  if (!tenant) throw new Error("Sign-in is not available on this host.");
  return buildAuthConfig(tenant, localeOfPath(callbackUrl, tenant), forwardedProto);
}
