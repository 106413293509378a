"use client";

import { useFormStatus } from "react-dom";

/** Pause / resume submit button with its pending state. */
export function PauseButton({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className="text-sm font-medium text-slate-700 underline-offset-2 hover:underline disabled:opacity-60">
      {pending ? pendingLabel : label}
    </button>
  );
}
