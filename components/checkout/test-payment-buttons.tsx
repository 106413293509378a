"use client";

import { useState } from "react";
import { useFormStatus } from "react-dom";

/** "Pay" and "Fail payment" of the test provider; the pressed one says it is working. */
export function TestPaymentButtons({ pay, fail, pending: pendingLabel }: { pay: string; fail: string; pending: string }) {
  const { pending } = useFormStatus();
  const [pressed, setPressed] = useState<"paid" | "failed" | null>(null);
  return (
    <div className="flex flex-col gap-3 sm:flex-row">
      <button
        type="submit"
        name="outcome"
        value="paid"
        onClick={() => setPressed("paid")}
        disabled={pending}
        className="flex-1 rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-70"
      >
        {pending && pressed === "paid" ? pendingLabel : pay}
      </button>
      <button
        type="submit"
        name="outcome"
        value="failed"
        onClick={() => setPressed("failed")}
        disabled={pending}
        className="flex-1 rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-50 disabled:opacity-70"
      >
        {pending && pressed === "failed" ? pendingLabel : fail}
      </button>
    </div>
  );
}
