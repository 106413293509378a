"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * While a shown message is still QUEUED the worker is about to pick it up: refresh the page a
 * few times so its new status (and, in the dev mailbox, the message) appears without a reload.
 */
export function RefreshWhileQueued({ active, intervalMs = 2500, maxRefreshes = 12 }: { active: boolean; intervalMs?: number; maxRefreshes?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    let count = 0;
    const timer = setInterval(() => {
      if (++count > maxRefreshes) return clearInterval(timer);
      router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, maxRefreshes, router]);
  return null;
}
