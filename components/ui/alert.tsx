import type { ReactNode } from "react";

const TONES = {
  error: "border-red-200 bg-red-50 text-red-800",
  success: "border-green-200 bg-green-50 text-green-900",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
  info: "border-slate-200 bg-slate-50 text-slate-800",
} as const;

export type AlertTone = keyof typeof TONES;

/**
 * A message box. Errors are announced at once (role="alert"); other tones politely (role="status").
 * The one place the platform's message colours are written.
 */
export function Alert({
  tone,
  children,
  className,
  id,
  role,
  ...data
}: {
  tone: AlertTone;
  children: ReactNode;
  className?: string;
  id?: string;
  /** Announce at once a message of another tone too (a refusal shown as a warning), or not at all (a note). */
  role?: "alert" | "status" | "note";
} & { [name: `data-${string}`]: string | undefined }) {
  return (
    <div
      {...data}
      id={id}
      role={role ?? (tone === "error" ? "alert" : "status")}
      className={`rounded-md border px-3 py-2 text-sm ${TONES[tone]} ${className ?? ""}`}
    >
      {children}
    </div>
  );
}
