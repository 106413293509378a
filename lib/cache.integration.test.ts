import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { cacheTags } from "@/lib/cache";
import { updateProductAction } from "@/lib/catalog/actions";
import { db } from "@/lib/db";
import { IDLE } from "@/lib/actions/form-state";
import { actAs, form, memberOf, outcome } from "@/tests/integration/actors";
import { createProductRow } from "@/tests/integration/catalog-fixtures";
import { createTenant } from "@/tests/integration/fixtures";
import { invalidatedTags } from "@/tests/integration/next-cache-stub";

vi.mock("@/lib/auth/index", () => import("@/tests/doubles/auth"));
vi.mock("next/headers", async () => {
  const { testHeaders } = await import("@/tests/doubles/auth");
  return { headers: async () => testHeaders() };
});
vi.mock("next/navigation", async () => (await import("@/tests/doubles/next-navigation")).navigationMock);
vi.mock("next-intl/server", () => ({ getLocale: async () => "en", getTranslations: async () => (key: string) => key }));

async function secondStore(merchantId: string) {
  return db.store.create({
    data: { merchantId, slug: `second-${randomUUID().slice(0, 8)}`, name: "Second", currency: "EUR", defaultLocale: "en", locales: ["en"] },
    select: { id: true, slug: true },
  });
}

beforeEach(() => {
  invalidatedTags.length = 0;
});

describe("storefront page cache invalidation", () => {
  it("a product saved in the account area drops its store's pages only", async () => {
    const tenant = await createTenant();
    const other = await secondStore(tenant.merchant.id);
    const product = await createProductRow(tenant, { slug: "cached-dress" });
    const manager = await memberOf(tenant, "MANAGER");
    await actAs(manager.email);

    const result = await outcome(
      updateProductAction(
        tenant.merchant.id,
        tenant.store.id,
        IDLE,
        form({ productId: product.id, slug: "cached-dress", price: "12.50", stock: "", kind: "PHYSICAL", visibility: "PUBLIC", "title.en": "Dress" }),
      ),
    );
    expect(result).toMatchObject({ redirect: expect.stringContaining("/products") });
    expect(invalidatedTags).toEqual([cacheTags.store(tenant.store.id)]);
    expect(invalidatedTags).not.toContain(cacheTags.store(other.id));
  });
});
