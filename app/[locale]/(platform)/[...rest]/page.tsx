import { notFound } from "next/navigation";

// Any path that no route claims (and every unknown host, which the proxy rewrites here).
export default function CatchAll() {
  notFound();
}
