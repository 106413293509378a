"use server";

import { fail, ok, type Outcome } from "@/lib/actions/pipeline";
import { adminAction } from "@/lib/auth/action-clients";
import { cacheTags, type CacheTag } from "@/lib/cache";
import { requeueEmail } from "@/lib/email/mutations";
import { resendEmailSchema } from "@/lib/email/schema";
import { sendSignInLink, setMerchantStatus, setPlatformAdmin, type AdminMutationResult } from "./mutations";
import { merchantStatusFormSchema, platformAdminFormSchema, userIdFormSchema } from "./schema";
import type { AdminActionDone } from "./types";

/**
 * The admin area's form actions, on the admin client (platform admins only, 403 otherwise). A
 * malformed form writes nothing (`AdminArea.results.invalid`); each calls one mutation (which
 * audits). Done: the outcome's reason as data, the form shows its text. Refused: its text under
 * `AdminArea.results`.
 */

function outcomeOf<D extends AdminActionDone>(result: AdminMutationResult<D>, invalidate: readonly CacheTag[]): Outcome<D> {
  return result.ok ? ok(result.done, { invalidate }) : fail(`AdminArea.results.${result.reason}`);
}

/** Suspend (status=SUSPENDED) or reactivate (status=ACTIVE) a merchant. */
export const setMerchantStatusAction = adminAction({
  schema: merchantStatusFormSchema,
  messages: "AdminArea.results",
  handler: async ({ merchantId, status }, ctx) => {
    const result = await setMerchantStatus(ctx.admin.userId, merchantId, status);
    // Storefronts and the account area of a suspended merchant close from the next request on:
    // the merchant's tag is on every read of its storefronts (lib/cache.ts).
    return outcomeOf(result, [cacheTags.admin, cacheTags.storefronts(merchantId), cacheTags.account(merchantId)]);
  },
});

/** Grant (admin=grant) or revoke (admin=revoke) the platform admin right; never the last one. */
export const setPlatformAdminAction = adminAction({
  schema: platformAdminFormSchema,
  messages: "AdminArea.results",
  handler: async ({ userId, admin }, ctx) => outcomeOf(await setPlatformAdmin(ctx.admin.userId, userId, admin === "grant"), [cacheTags.admin]),
});

/** Emails the user a one-time sign-in link, in the language of the admin page that asked. */
export const sendSignInLinkAction = adminAction({
  schema: userIdFormSchema,
  messages: "AdminArea.results",
  handler: async ({ userId }, ctx) => outcomeOf(await sendSignInLink(ctx.admin.userId, userId, ctx.locale), [cacheTags.admin]),
});

/** "Send again" in the admin mailbox: re-queues one message as a new delivery. Platform admins only. */
export const resendEmailAction = adminAction({
  schema: resendEmailSchema,
  messages: "Mailbox.resend",
  handler: async ({ id }, ctx) => {
    const result = await requeueEmail(id, ctx.admin.userId);
    if (!result.ok) return fail("Mailbox.resend.notFound");
    return ok(undefined, { invalidate: [cacheTags.admin] });
  },
});
