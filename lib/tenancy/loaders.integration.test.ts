import { beforeEach, describe, expect, it, vi } from "vitest";
import { TestNotFound, navigationMock } from "@/tests/doubles/next-navigation";
import { createTenant } from "@/tests/integration/fixtures";
import { proxiedHeaders } from "@/tests/doubles/proxy";

// What the proxy stamped on the request, as the page's loader reads it.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next/navigation", () => navigationMock);

const { loadStorefront } = await import("./loaders");

/** A request that came through the proxy on `host`; null: one that did not (nothing stamped). */
async function arriveOn(host: string | null) {
  request.headers = host ? await proxiedHeaders(host) : new Headers({ host: "localhost:3000" });
}

describe("a per-visitor storefront page's store", () => {
  beforeEach(() => arriveOn(null));

  it("is served when the proxy routed the request to exactly that store", async () => {
    const { store } = await createTenant();
    await arriveOn(`${store.slug}.localhost:3000`);
    expect((await loadStorefront(store.slug)).id).toBe(store.id);
  });

  it("is refused on the apex, whatever the path said", async () => {
    const { store } = await createTenant();
    await arriveOn("localhost:3000");
    await expect(loadStorefront(store.slug)).rejects.toBeInstanceOf(TestNotFound);
  });

  it("is refused when the request belongs to another merchant's store", async () => {
    const victim = await createTenant();
    const attacker = await createTenant();
    await arriveOn(`${attacker.store.slug}.localhost:3000`);
    await expect(loadStorefront(victim.store.slug)).rejects.toBeInstanceOf(TestNotFound);
  });

  it("is refused when nothing was stamped (a request that did not come through the proxy)", async () => {
    const { store } = await createTenant();
    // The store's own Host header is not enough: only the proxy's stamp names a tenant.
    request.headers = new Headers({ host: `${store.slug}.localhost:3000` });
    await expect(loadStorefront(store.slug)).rejects.toBeInstanceOf(TestNotFound);
  });
});
