import type { ReactNode } from "react";

/** What a list shows when it has nothing to show (no rows, no search yet). */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-600">
      {children}
    </p>
  );
}
