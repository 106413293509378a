import { navigationMock, TestForbidden, TestNotFound, TestRedirect } from "@/lib/auth/test-mocks";

/**
 * A storefront request for integration tests that call storefront actions: set `storeId` to the
 * store the proxy routed the request to. Use with
 * `vi.mock("next/headers", async () => (await import("@/tests/integration/storefront-request")).storefrontHeaders)`.
 */
export const storefrontRequest = { storeId: "", cookies: new Map<string, string>() };

export const storefrontHeaders = {
  headers: async () => new Headers({ host: "shop.localhost:3000", "x-patron-host-kind": "subdomain", "x-patron-store-id": storefrontRequest.storeId }),
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
