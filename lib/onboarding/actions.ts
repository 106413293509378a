"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/index";
import { loadSession } from "@/lib/auth/loaders";
import { clientIp, consumeLimit, retryAfterMinutes } from "@/lib/auth/rate-limit";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { localizedPath } from "@/lib/tenancy/urls";
import { slugIsTaken } from "./data";
import { createMerchantWithStore } from "./mutations";
import { normalizeSlug, slugProblem } from "./rules";
import { newAccountSchema, newMerchantSchema, onboardingFieldErrors, onboardingFormFields } from "./schema";
import type { OnboardingFormState, SlugCheck } from "./types";

/**
 * The live availability check of the sign-up form: format and reserved names first (no query),
 * then whether a store already has the slug. Anyone may ask: the answer is what the subdomain
 * itself would tell.
 */
export async function checkSlugAction(raw: string): Promise<SlugCheck> {
  const slug = normalizeSlug(typeof raw === "string" ? raw.slice(0, 100) : "");
  const problem = slugProblem(slug);
  if (problem) return { slug, result: problem };
  return { slug, result: (await slugIsTaken(slug)) ? "slugTaken" : "available" };
}

function typedValues(fields: Record<string, unknown>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (k === "password") continue;
    if (typeof v === "string" || Array.isArray(v)) out[k] = v as string | string[];
  }
  return out;
}

/**
 * Sign-up as a merchant. Signed in: the merchant and its first store are added to this account.
 * Anonymous: the form also creates the account (name, email, password) and signs it in. Field
 * errors (taken or reserved slug, taken email) write nothing; past the sign-up limit of the
 * client's address, nothing is written and the state says how long to wait. Success: the new
 * merchant's checklist.
 */
export async function signUpMerchantAction(_prev: OnboardingFormState, formData: FormData): Promise<OnboardingFormState> {
  const fields = onboardingFormFields(formData);
  const user = await loadSession();
  const merchant = newMerchantSchema.safeParse(fields);
  const account = user ? null : newAccountSchema.safeParse(fields);
  if (!merchant.success || (account && !account.success)) {
    const fieldErrors = {
      ...(account && !account.success ? onboardingFieldErrors(account.error) : {}),
      ...(!merchant.success ? onboardingFieldErrors(merchant.error) : {}),
    };
    return { status: "error", fieldErrors, values: typedValues(fields) };
  }
  // Each sign-up creates an account, a business and a store: per client address, a few an hour.
  const limit = await consumeLimit("signUp", { ip: clientIp(await headers()) });
  if (!limit.ok) return { status: "error", retryAfterMinutes: retryAfterMinutes(limit.retryAfterMs), values: typedValues(fields) };
  const result = await createMerchantWithStore(user ? { userId: user.userId } : { newAccount: account!.data! }, merchant.data);
  if (!result.ok) return { status: "error", fieldErrors: result.fieldErrors, values: typedValues(fields) };

  if (!user) await signIn("credentials", { email: account!.data!.email, password: account!.data!.password, redirect: false });
  revalidatePath("/[locale]/account", "layout");
  const raw = formData.get("locale");
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  redirect(localizedPath(`/account/m/${encodeURIComponent(result.merchantId)}?welcome=1`, locale, PLATFORM_DEFAULT_LOCALE));
}
