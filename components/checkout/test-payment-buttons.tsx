"use client";

import { useState } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass } from "@/components/ui/button";

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
        className={buttonClass("primary", "flex-1")}
      >
        {pending && pressed === "paid" ? pendingLabel : pay}
      </button>
      <button
        type="submit"
        name="outcome"
        value="failed"
        onClick={() => setPressed("failed")}
        disabled={pending}
        className={buttonClass("secondary", "flex-1")}
      >
        {pending && pressed === "failed" ? pendingLabel : fail}
      </button>
    </div>
  );
}
