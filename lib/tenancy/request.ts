import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { hostName } from "./host";
import { findRoutedStore } from "./data";
import { INTERNAL_HEADERS } from "./internal";
import type { MerchantId, StoreId } from "./types";
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

/** The store this storefront request was routed to, or null on the apex or an unknown host. */
export async function requestStore(): Promise<{ id: StoreId; merchantId: MerchantId; slug: string } | null> {
  const ctx = await requestHostContext();
  if ((ctx.kind !== "subdomain" && ctx.kind !== "custom-domain") || !ctx.storeId) return null;
  return findRoutedStore(ctx.storeId);
}
