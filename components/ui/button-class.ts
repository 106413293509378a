/**
 * Button styles, usable from server and client components alike (server pages style links as
 * buttons with it; components/ui/button.tsx re-exports it for client components).
 */
const VARIANTS = {
  primary:
    "rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700",
  secondary:
    "rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-50",
  danger:
    "rounded-md border border-red-300 bg-white px-4 py-2 font-medium text-red-700 hover:bg-red-50",
  /** A button that reads as a link (sign out in a header). */
  link: "text-sm font-medium text-slate-700 underline-offset-2 hover:text-slate-900 hover:underline",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

/** The class of a button (or of a link that looks like one). The one place button styles are written. */
export function buttonClass(
  variant: ButtonVariant = "primary",
  className?: string,
): string {
  return `disabled:cursor-wait disabled:opacity-60 ${VARIANTS[variant]} ${className ?? ""}`;
}
