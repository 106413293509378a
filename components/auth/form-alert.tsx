"use client";

import { useTranslations } from "next-intl";
import type { AuthFormState } from "@/lib/auth/types";

/** The form-level outcome of a sign-in attempt (wrong password, rate limit), announced when it appears. */
export function FormAlert({ state }: { state: AuthFormState }) {
  const t = useTranslations("Errors");
  let message: string | null = null;
  if (state.retryAfterMinutes) message = t("rateLimited", { minutes: state.retryAfterMinutes });
  else if (state.formError) message = t(`form.${state.formError}`);
  return (
    <div aria-live="assertive" className="empty:hidden">
      {message && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      )}
    </div>
  );
}
