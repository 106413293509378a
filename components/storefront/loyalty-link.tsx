"use client";

import { useEffect, useState } from "react";
import type { LoyaltyBadge } from "@/lib/loyalty/loaders";

/**
 * The header's link to the merchant's loyalty program. Storefront pages are cached for every
 * visitor, so the page invites everyone to join; the browser then asks `badgeUrl` whether this
 * visitor is a member, and a member's link shows their balance and leads to their card.
 */
export function LoyaltyLink({ joinHref, cardHref, badgeUrl, text }: { joinHref: string; cardHref: string; badgeUrl: string; text: string }) {
  const [badge, setBadge] = useState<LoyaltyBadge | null>(null);

  useEffect(() => {
    const request = new AbortController();
    fetch(badgeUrl, { cache: "no-store", signal: request.signal })
      .then((response) => (response.ok ? (response.json() as Promise<LoyaltyBadge>) : null))
      .then((next) => {
        if (next) setBadge(next);
      })
      .catch(() => undefined);
    return () => request.abort();
  }, [badgeUrl]);

  const member = badge?.member ? badge : null;
  return (
    <a href={member ? cardHref : joinHref} className="text-sm font-medium text-slate-700 hover:text-slate-900" data-testid="header-loyalty">
      {member ? member.label : text}
    </a>
  );
}
