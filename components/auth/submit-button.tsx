"use client";

import { useFormStatus } from "react-dom";

const STYLES = {
  primary: "w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-70",
  secondary:
    "w-full rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-50 disabled:opacity-70",
  link: "text-sm font-medium text-slate-700 underline-offset-2 hover:text-slate-900 hover:underline disabled:opacity-70",
};

/**
 * A form's submit button that says what is happening while the form is pending. In a form with
 * several submit buttons, `active` tells which one was pressed, so only that one shows progress.
 */
export function SubmitButton({
  label,
  pendingLabel,
  variant = "primary",
  active = true,
  formAction,
  onClick,
}: {
  label: string;
  pendingLabel: string;
  variant?: keyof typeof STYLES;
  active?: boolean;
  formAction?: (formData: FormData) => void;
  onClick?: () => void;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" formAction={formAction} onClick={onClick} disabled={pending} aria-disabled={pending} className={STYLES[variant]}>
      {pending && active ? pendingLabel : label}
    </button>
  );
}
