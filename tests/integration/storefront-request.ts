import { navigationMock, TestForbidden, TestNotFound, TestRedirect } from "@/tests/doubles/next-navigation";
import { db } from "@/lib/db";
import { proxiedHeaders } from "@/tests/doubles/proxy";

/**
 * A storefront request for integration tests that call storefront actions: set `storeId` to the
 * store the proxy routed the request to. Use with
 * `vi.mock("next/headers", async () => (await import("@/tests/integration/storefront-request")).storefrontHeaders)`.
 */
export const storefrontRequest = { storeId: "", cookies: new Map<string, string>() };

export const storefrontHeaders = {
  // What the proxy passes on for a request to the store's subdomain: its tenant stamped.
  headers: async () => {
    const store = await db.store.findUniqueOrThrow({ where: { id: storefrontRequest.storeId }, select: { slug: true } });
    return proxiedHeaders(`${store.slug}.localhost:3000`);
  },
  cookies: async () => ({
    get: (name: string) => (storefrontRequest.cookies.has(name) ? { name, value: storefrontRequest.cookies.get(name)! } : undefined),
    set: (name: string, value: string) => void storefrontRequest.cookies.set(name, value),
    delete: (name: string) => void storefrontRequest.cookies.delete(name),
  }),
};

/** next/navigation as `navigationMock`, plus the action pipeline's `unstable_rethrow` for those control-flow errors. */
export function navigationMockWithRethrow() {
  return {
    ...navigationMock,
    unstable_rethrow: (error: unknown) => {
      if (error instanceof TestRedirect || error instanceof TestNotFound || error instanceof TestForbidden) throw error;
    },
  };
}
