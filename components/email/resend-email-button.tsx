"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { resendEmailAction, type ResendEmailState } from "@/lib/email/actions";

const initial: ResendEmailState = { status: "idle" };

/** "Send again": re-queues the message; shows the pending state and the result inline. */
export function ResendEmailButton({ id }: { id: string }) {
  const t = useTranslations("Mailbox.resend");
  const [state, action, pending] = useActionState(resendEmailAction, initial);
  const message =
    state.status === "queued" ? t("queued") : state.status === "error" ? t(state.reason === "not-found" ? "notFound" : "invalid") : "";
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        aria-disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
      >
        {pending ? t("pending") : t("button")}
      </button>
      <p role="status" aria-live="polite" className={state.status === "error" ? "text-sm text-red-700" : "text-sm text-emerald-700"}>
        {pending ? "" : message}
      </p>
    </form>
  );
}
