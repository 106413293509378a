"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { IDLE } from "@/lib/actions/form-state";
import { resendEmailAction } from "@/lib/admin/actions";
import { SubmitButton } from "@/components/ui/button";
import { formRefusal } from "@/components/ui/form-alert";

/** "Send again": re-queues the message; shows the pending state and the result inline. */
export function ResendEmailButton({ id }: { id: string }) {
  const t = useTranslations("Mailbox.resend");
  const [state, action, pending] = useActionState(resendEmailAction, IDLE);
  const message = state.status === "ok" ? t("queued") : (formRefusal(state) ?? "");
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="id" value={id} />
      <SubmitButton pending={pending} pendingLabel={t("pending")} className="text-sm">
        {t("button")}
      </SubmitButton>
      <p role="status" aria-live="polite" className={state.status === "error" ? "text-sm text-red-700" : "text-sm text-emerald-700"}>
        {pending ? "" : message}
      </p>
    </form>
  );
}
