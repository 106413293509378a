import type { Metadata } from "next";
import { notFound } from "next/navigation";

// Any path that no route claims (and every unknown host, which the proxy rewrites here).

// Not found already while resolving metadata, so the title comes from the not-found page
// ("Page not found · <store>"), as for a product that does not exist.
export async function generateMetadata(): Promise<Metadata> {
  notFound();
}

export default function CatchAll() {
  notFound();
}
