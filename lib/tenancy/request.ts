import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { hostName } from "./host";
import { INTERNAL_HEADERS } from "./internal";
import type { UrlConfig } from "./urls";

export function urlConfig(): UrlConfig {
  const e = env();
  return { rootDomain: e.PLATFORM_ROOT_DOMAIN, protocol: e.PLATFORM_PROTOCOL };
}

/** How the current request reached us, as stamped by the proxy (clients cannot forge it). */
export async function requestHostContext(): Promise<{
  kind: "platform" | "subdomain" | "custom-domain" | null;
  storeId: string | null;
  host: string | null;
  /** The public path the browser asked for (with its locale prefix, if any). */
  path: string;
}> {
  const h = await headers();
  const kind = h.get(INTERNAL_HEADERS.hostKind);
  return {
    kind: kind === "platform" || kind === "subdomain" || kind === "custom-domain" ? kind : null,
    storeId: h.get(INTERNAL_HEADERS.storeId),
    host: hostName(h.get("x-forwarded-host") ?? h.get("host")),
    path: h.get(INTERNAL_HEADERS.path) ?? "/",
  };
}
