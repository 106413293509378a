"use server";

import { fail, ok } from "@/lib/actions/pipeline";
import { adminAction } from "@/lib/auth/action-clients";
import { cacheTags } from "@/lib/cache";
import { requeueEmail } from "./mutations";
import { resendEmailSchema } from "./schema";

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
