import { beforeEach, describe, expect, it, vi } from "vitest";
import { TestNotFound, navigationMock } from "@/lib/auth/test-mocks";
import { createTenant } from "@/tests/integration/fixtures";
import { INTERNAL_HEADERS } from "./internal";

// What the proxy stamped on the request, as the page's loader reads it.
const stamped = new Headers();
vi.mock("next/headers", () => ({ headers: async () => stamped }));
vi.mock("next/navigation", () => navigationMock);

const { loadStorefront } = await import("./loaders");

function arriveAs(kind: string | null, storeId: string | null, host = "localhost:3000") {
  for (const name of [...stamped.keys()]) stamped.delete(name);
  stamped.set("host", host);
  if (kind) stamped.set(INTERNAL_HEADERS.hostKind, kind);
  if (storeId) stamped.set(INTERNAL_HEADERS.storeId, storeId);
}

describe("a per-visitor storefront page's store", () => {
  beforeEach(() => arriveAs(null, null));

  it("is served when the proxy routed the request to exactly that store", async () => {
    const { store } = await createTenant();
    arriveAs("subdomain", store.id, `${store.slug}.localhost:3000`);
    expect((await loadStorefront(store.slug)).id).toBe(store.id);
  });

  it("is refused on the apex, whatever the path said", async () => {
    const { store } = await createTenant();
    arriveAs("platform", null);
    await expect(loadStorefront(store.slug)).rejects.toBeInstanceOf(TestNotFound);
  });

  it("is refused when the request belongs to another merchant's store", async () => {
    const victim = await createTenant();
    const attacker = await createTenant();
    arriveAs("subdomain", attacker.store.id, `${attacker.store.slug}.localhost:3000`);
    await expect(loadStorefront(victim.store.slug)).rejects.toBeInstanceOf(TestNotFound);
  });

  it("is refused when nothing was stamped (a request that did not come through the proxy)", async () => {
    const { store } = await createTenant();
    await expect(loadStorefront(store.slug)).rejects.toBeInstanceOf(TestNotFound);
  });
});
