import { afterAll, describe, expect, it, vi } from "vitest";
import { findProductForEdit } from "@/lib/catalog/data";
import { createProduct } from "@/lib/catalog/mutations";
import { NO_GIFT_CARD_OFFER } from "@/lib/catalog/schema";
import { stopBoss } from "@/lib/jobs/boss";
import { findStoreSettings } from "@/lib/stores/data";
import { updateStoreSettings } from "@/lib/stores/mutations";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { digitalFileKeyOf } from "@/tests/integration/catalog-fixtures";
import { createTenant } from "@/tests/integration/fixtures";
import { GET } from "./route";

vi.mock("next/headers", () => ({ headers: async () => new Headers() }));


afterAll(async () => {
  await stopBoss(1_000);
});

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

function get(key: string) {
  return GET(new Request(`http://localhost/api/files/${key}`), { params: Promise.resolve({ key: key.split("/") }) });
}

describe("the product image route", async () => {
  const t = await createTenant();
  const actor = { merchantId: t.merchant.id as MerchantId, storeId: t.store.id as StoreId, userId: t.owner.id, defaultLocale: "en" as const };
  const input = {
    slug: "ebook",
    price: 500,
    stock: null,
    kind: "DIGITAL" as const,
    visibility: "PUBLIC" as const,
    translations: { en: { title: "E-book", description: "" } } as never,
    removeImageIds: [],
    giftCard: NO_GIFT_CARD_OFFER,
  };
  const created = await createProduct(actor, { input, images: [{ bytes: PNG, type: "image/png" }], digitalFile: new TextEncoder().encode("secret") });
  if (!created.ok) throw new Error("fixture product not created");
  const product = (await findProductForEdit(actor.merchantId, actor.storeId, created.value.id))!;
  const imageKey = product.images[0]!.storageKey;
  const digitalKey = (await digitalFileKeyOf(t.merchant.id, product.id))!;

  it("serves a product image with its content type", async () => {
    const response = await get(imageKey);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
  });

  it("never serves a digital product's file, unknown keys or paths outside the storage root", async () => {
    expect((await get(digitalKey)).status).toBe(404);
    expect((await get(`images/${t.merchant.id}/00000000-0000-0000-0000-000000000000.png`)).status).toBe(404);
    expect((await get(`images/other-merchant/${imageKey.split("/")[2]}`)).status).toBe(404);
    expect((await get("images/../../etc/passwd")).status).toBe(404);
    expect((await get(digitalKey.replace(/^digital/, "images") + ".png")).status).toBe(404);
  });
});

describe("store logos", async () => {
  const t = await createTenant();
  const other = await createTenant();
  const actor = { merchantId: t.merchant.id as MerchantId, storeId: t.store.id as StoreId, userId: t.owner.id, defaultLocale: "en" as const, locales: ["en" as const] };
  const texts = { en: { name: "Logo shop", tagline: "", description: "", closedMessage: "" } };
  await updateStoreSettings(actor, { texts, contactEmail: null, contactPhone: null, contactAddress: null, shippingCountries: ["LU"], status: "OPEN", removeLogo: false, logo: { bytes: PNG, type: "image/png" } });
  const logoKey = (await findStoreSettings(actor.merchantId, actor.storeId))!.logoKey!;

  it("serves the current logo of a store, under its own merchant only", async () => {
    const response = await get(logoKey);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect((await get(logoKey.replace(t.merchant.id, other.merchant.id))).status).toBe(404);
  });

  it("stops serving a logo once it is removed", async () => {
    await updateStoreSettings(actor, { texts, contactEmail: null, contactPhone: null, contactAddress: null, shippingCountries: ["LU"], status: "OPEN", removeLogo: true, logo: null });
    expect((await get(logoKey)).status).toBe(404);
  });
});
