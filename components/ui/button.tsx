"use client";

import type { ButtonHTMLAttributes } from "react";
import { useFormStatus } from "react-dom";

const VARIANTS = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  secondary: "border border-slate-300 bg-white text-slate-900 hover:bg-slate-50",
  danger: "border border-red-300 bg-white text-red-700 hover:bg-red-50",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

/** The class of a button (or of a link that looks like one). The one place button styles are written. */
export function buttonClass(variant: ButtonVariant = "primary", className?: string): string {
  return `rounded-md px-4 py-2 font-medium disabled:cursor-wait disabled:opacity-60 ${VARIANTS[variant]} ${className ?? ""}`;
}

/**
 * A form's submit button: disabled and busy while the form is sent, its label swapped for
 * `pendingLabel` then (the label of the action in progress, e.g. "Saving…").
 */
export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  className,
  pending: pendingProp,
  ...rest
}: { pendingLabel?: string; variant?: ButtonVariant; pending?: boolean } & ButtonHTMLAttributes<HTMLButtonElement>) {
  const status = useFormStatus();
  const pending = pendingProp ?? status.pending;
  return (
    <button {...rest} type="submit" disabled={pending || rest.disabled} aria-busy={pending || undefined} className={buttonClass(variant, className)}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
