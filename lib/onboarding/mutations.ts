import "server-only";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { hashPassword } from "@/lib/auth/password";
import { db, Prisma } from "@/lib/db";
import { routingChanged } from "@/lib/tenancy/mutations";
import type { NewAccountInput, NewMerchantInput, OnboardingField, OnboardingFieldError } from "./schema";

export type CreateMerchantResult =
  | { ok: true; userId: string; merchantId: string; storeId: string }
  | { ok: false; fieldErrors: Partial<Record<OnboardingField, OnboardingFieldError>> };

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Creates a merchant with its first store (and that store's texts in the default locale) and
 * makes the user its OWNER, in one transaction with the audit events. `account` is either the
 * signed-in user's id or a new account to create (its email must not exist yet). A taken slug
 * or email is a field error and nothing is written. The routing cache is invalidated on commit,
 * so a host that was looked up before (and cached as unknown) serves the store at once.
 */
export async function createMerchantWithStore(
  account: { userId: string } | { newAccount: NewAccountInput },
  input: NewMerchantInput,
): Promise<CreateMerchantResult> {
  const passwordHash = "newAccount" in account ? await hashPassword(account.newAccount.password) : null;
  try {
    return await db.$transaction(async (tx) => {
      // Every check before the first write: a refusal returns from the transaction, which commits.
      if ((await tx.store.count({ where: { slug: input.slug } })) > 0) {
        return { ok: false, fieldErrors: { slug: "slugTaken" } } as const;
      }
      let userId: string;
      if ("newAccount" in account) {
        const existing = await tx.user.count({ where: { email: account.newAccount.email } });
        if (existing > 0) return { ok: false, fieldErrors: { email: "emailTaken" } } as const;
        const user = await tx.user.create({
          data: { email: account.newAccount.email, name: account.newAccount.name, passwordHash },
          select: { id: true },
        });
        userId = user.id;
      } else {
        userId = account.userId;
      }
      const merchant = await tx.merchant.create({ data: { name: input.merchantName }, select: { id: true } });
      const store = await tx.store.create({
        data: {
          merchantId: merchant.id,
          slug: input.slug,
          name: input.storeName,
          currency: input.currency,
          defaultLocale: input.defaultLocale,
          locales: input.locales,
          status: "OPEN",
          translations: { create: { locale: input.defaultLocale, name: input.storeName } },
        },
        select: { id: true },
      });
      await tx.membership.create({ data: { userId, merchantId: merchant.id, role: "OWNER" } });
      await recordAuditEvent(tx, {
        merchantId: merchant.id,
        actorUserId: userId,
        action: "merchant.create",
        targetType: "merchant",
        targetId: merchant.id,
        data: { name: input.merchantName, newAccount: "newAccount" in account },
      });
      await recordAuditEvent(tx, {
        merchantId: merchant.id,
        actorUserId: userId,
        action: "store.create",
        targetType: "store",
        targetId: store.id,
        data: { slug: input.slug, name: input.storeName, currency: input.currency, defaultLocale: input.defaultLocale, locales: input.locales },
      });
      await routingChanged(tx);
      return { ok: true, userId, merchantId: merchant.id, storeId: store.id } as const;
    }, { maxWait: 20_000, timeout: 30_000 });
  } catch (error) {
    // Two sign-ups racing for the same slug or email: the unique index decides.
    if (!isUniqueViolation(error)) throw error;
    if ((await db.store.count({ where: { slug: input.slug } })) > 0) return { ok: false, fieldErrors: { slug: "slugTaken" } };
    if ("newAccount" in account) return { ok: false, fieldErrors: { email: "emailTaken" } };
    throw error;
  }
}
