"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { INITIAL_DOMAIN_STATE, type DomainFormState } from "@/lib/domains/types";

const BUTTONS = {
  primary: "rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60",
  secondary: "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-50 disabled:opacity-60",
  danger: "rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60",
};

/** A custom-domain form bound to one action: pending label, then the translated result. */
export function DomainActionForm({
  action,
  children,
  submitLabel,
  pendingLabel,
  variant = "primary",
  className,
}: {
  action: (state: DomainFormState, formData: FormData) => Promise<DomainFormState>;
  children?: React.ReactNode;
  submitLabel: string;
  pendingLabel: string;
  variant?: keyof typeof BUTTONS;
  className?: string;
}) {
  const t = useTranslations("Domains.results");
  const [state, formAction, pending] = useActionState(action, INITIAL_DOMAIN_STATE);
  return (
    <form action={formAction} className={className ?? "flex flex-col gap-2"} noValidate>
      {children}
      <div>
        <button type="submit" disabled={pending} aria-disabled={pending} className={BUTTONS[variant]}>
          {pending ? pendingLabel : submitLabel}
        </button>
      </div>
      <div aria-live="polite" className="empty:hidden">
        {state.status === "error" && state.error && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {t(state.error)}
          </p>
        )}
        {state.status === "done" && state.done && (
          <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
            {t(state.done)}
          </p>
        )}
      </div>
    </form>
  );
}
