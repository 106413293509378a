"use client";

import { createContext, useContext, type ReactNode } from "react";

const StoreHome = createContext<string | null>(null);

/**
 * Tells what is rendered below it where the store's home page is (in the page's language). The
 * storefront layout provides it because a not-found page receives no params of its own.
 */
export function StoreHomeProvider({ href, children }: { href: string; children: ReactNode }) {
  return <StoreHome value={href}>{children}</StoreHome>;
}

/** A link to the store's home page; nothing outside a storefront. */
export function StoreHomeLink({ children }: { children: ReactNode }) {
  const href = useContext(StoreHome);
  if (!href) return null;
  return (
    <a href={href} className="mt-3 rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
      {children}
    </a>
  );
}
