/** Names shared by the proxy and the pages it rewrites to. Pure module. */

/** The internal route segment of storefronts: app/[locale]/s/[store]. Never reachable from the apex. */
export const STOREFRONT_SEGMENT = "s";

/** An internal path that always renders the translated 404 page. */
export const NOT_FOUND_PATH = "/_not-found-host";

/** Headers the proxy sets on rewritten requests (and strips from what clients send). */
export const INTERNAL_HEADERS = {
  hostKind: "x-patron-host-kind",
  storeId: "x-patron-store-id",
} as const;
