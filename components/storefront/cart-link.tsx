"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

const CART_CHANGED = "patron:cart-changed";

/** Tells the header's cart link that the cart changed (it asks the server for the new count). */
export function announceCartChanged(): void {
  window.dispatchEvent(new Event(CART_CHANGED));
}

interface Badge {
  count: number;
  label: string;
}

/**
 * The header's link to the cart with the number of items. Storefront pages are cached for every
 * visitor, so the count is the visitor's own, asked from `countUrl` after the page loads, after
 * every navigation (the header stays mounted while a server action places an order or a payment
 * fails and redirects, both of which change the cart), when the cart changes on the page and
 * when the browser shows the page from its back/forward cache. Until it is known the link shows
 * no number.
 */
export function CartLink({ href, countUrl, text }: { href: string; countUrl: string; text: string }) {
  const [badge, setBadge] = useState<Badge | null>(null);
  const pathname = usePathname();

  useEffect(() => {
    let request = new AbortController();
    const load = () => {
      request.abort();
      request = new AbortController();
      fetch(countUrl, { cache: "no-store", signal: request.signal })
        .then((response) => (response.ok ? (response.json() as Promise<Badge>) : null))
        .then((next) => {
          if (next) setBadge(next);
        })
        .catch(() => undefined);
    };
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) load();
    };
    load();
    window.addEventListener(CART_CHANGED, load);
    window.addEventListener("pageshow", onPageShow);
    return () => {
      request.abort();
      window.removeEventListener(CART_CHANGED, load);
      window.removeEventListener("pageshow", onPageShow);
    };
  }, [countUrl, pathname]);

  return (
    <a
      href={href}
      aria-label={badge?.label ?? text}
      className="inline-flex items-center gap-1.5 text-sm font-medium text-slate-700 hover:text-slate-900"
      data-testid="header-cart"
    >
      {text}
      {badge && (
        <span className="rounded-full bg-slate-900 px-2 py-0.5 text-xs font-semibold text-white tabular-nums" data-testid="header-cart-count">
          {badge.count}
        </span>
      )}
    </a>
  );
}
