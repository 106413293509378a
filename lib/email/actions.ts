"use server";

import { revalidatePath } from "next/cache";
import { requirePlatformAdmin } from "@/lib/auth/loaders";
import { requeueEmail } from "./mutations";
import { resendEmailSchema } from "./schema";

export type ResendEmailState = { status: "idle" } | { status: "queued" } | { status: "error"; reason: "invalid" | "not-found" };

/** "Send again" in the admin mailbox: re-queues one message as a new delivery. Platform admins only. */
export async function resendEmailAction(_previous: ResendEmailState, formData: FormData): Promise<ResendEmailState> {
  const admin = await requirePlatformAdmin({ from: "/admin/emails" });
  const parsed = resendEmailSchema.safeParse({ id: formData.get("id") });
  if (!parsed.success) return { status: "error", reason: "invalid" };
  const result = await requeueEmail(parsed.data.id, admin.userId);
  if (!result.ok) return { status: "error", reason: "not-found" };
  revalidatePath("/[locale]/admin/emails", "layout");
  return { status: "queued" };
}
