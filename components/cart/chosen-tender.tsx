import type { ReactNode } from "react";

/**
 * Points or store credit chosen in the cart: what they pay, or (refused) why they cannot, with the
 * button that takes them out again.
 */
export function ChosenTender({ testId, refused, children, remove }: { testId: string; refused: string | undefined; children: ReactNode; remove: ReactNode }) {
  return (
    <div
      className={`flex items-start justify-between gap-3 rounded-md border p-3 ${refused ? "border-amber-200 bg-amber-50" : "border-slate-200"}`}
      data-testid={testId}
      data-refused={refused}
    >
      {refused ? <p className="text-sm text-amber-800">{children}</p> : <p>{children}</p>}
      {remove}
    </div>
  );
}
