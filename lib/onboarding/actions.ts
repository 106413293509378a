"use server";

import { headers } from "next/headers";
import { fail, failFields, ok } from "@/lib/actions/pipeline";
import { publicAction } from "@/lib/auth/action-clients";
import { signIn } from "@/lib/auth/index";
import { clientIp, consumeLimit, retryAfterMinutes } from "@/lib/auth/rate-limit";
import { cacheTags } from "@/lib/cache";
import { PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";
import { slugIsTaken } from "./data";
import { createMerchantWithStore } from "./mutations";
import { slugProblem } from "./rules";
import { signUpFormSchema, slugCheckSchema } from "./schema";
import type { SlugCheck } from "./types";

/**
 * The live availability check of the sign-up form: format and reserved names first (no query),
 * then whether a store already has the slug. Anyone may ask: the answer is what the subdomain
 * itself would tell. Never refuses: the answer is the data.
 */
export const checkSlugAction = publicAction({
  schema: slugCheckSchema,
  messages: "Onboarding.errors",
  handler: async ({ slug }) => {
    const problem = slugProblem(slug);
    const answer: SlugCheck = { slug, result: problem ?? ((await slugIsTaken(slug)) ? "slugTaken" : "available") };
    return ok(answer);
  },
});

/**
 * Sign-up as a merchant. Signed in: the merchant and its first store are added to this account.
 * Anonymous: the form also creates the account (name, email, password) and signs it in. Field
 * errors (taken or reserved slug, taken email) write nothing; past the sign-up limit of the
 * client's address, nothing is written and the refusal says how long to wait. Success: the new
 * merchant's checklist.
 */
export const signUpMerchantAction = publicAction({
  schema: (ctx) => signUpFormSchema(!ctx.user),
  messages: "Onboarding.errors",
  handler: async ({ merchant, account }, ctx) => {
    // Each sign-up creates an account, a business and a store: per client address, a few an hour.
    const limit = await consumeLimit("signUp", { ip: clientIp(await headers()) });
    if (!limit.ok) return fail("Onboarding.errors.rateLimited", { minutes: retryAfterMinutes(limit.retryAfterMs) });
    const result = await createMerchantWithStore(ctx.user ? { userId: ctx.user.userId } : { newAccount: account! }, merchant);
    if (!result.ok) {
      return failFields(Object.fromEntries(Object.entries(result.fieldErrors).map(([field, code]) => [field, `Onboarding.errors.${code}` as const])));
    }
    if (account) await signIn("credentials", { email: account.email, password: account.password, redirect: false });
    return ok(undefined, {
      invalidate: [cacheTags.account(result.merchantId)],
      redirectTo: localizedPath(`/account/m/${encodeURIComponent(result.merchantId)}?welcome=1`, ctx.locale, PLATFORM_DEFAULT_LOCALE),
    });
  },
});
