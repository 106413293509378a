"use client";

import type { ButtonHTMLAttributes } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass, type ButtonVariant } from "./button-class";

export { buttonClass, type ButtonVariant };

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
}: {
  pendingLabel?: string;
  variant?: ButtonVariant;
  pending?: boolean;
} & ButtonHTMLAttributes<HTMLButtonElement>) {
  const status = useFormStatus();
  const pending = pendingProp ?? status.pending;
  return (
    <button
      {...rest}
      type="submit"
      disabled={pending || rest.disabled}
      aria-busy={pending || undefined}
      className={buttonClass(variant, className)}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
