import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { closeRateLimitPool } from "@/lib/auth/rate-limit";
import { TestForbidden, TestNotFound, TestRedirect } from "@/tests/doubles/next-navigation";
import { passwordSignIn, sessionCookieOf, testRequest } from "@/tests/doubles/auth";
import { IDLE } from "@/lib/actions/form-state";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { getFile } from "@/lib/storage";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { createProductRow } from "@/tests/integration/catalog-fixtures";
import { createTenant, createUser } from "@/tests/integration/fixtures";
import { archiveProductAction, createProductAction, updateProductAction } from "./actions";
import { findProductForEdit, findProductsForCart, findStorefrontProduct, listPublicProducts, listStoreProducts } from "./data";

vi.mock("@/lib/auth/index", () => import("@/tests/doubles/auth"));
vi.mock("next/headers", async () => {
  const { testHeaders } = await import("@/tests/doubles/auth");
  return { headers: async () => testHeaders() };
});
vi.mock("next/navigation", async () => (await import("@/tests/doubles/next-navigation")).navigationMock);
// The request's locale, and a translator whose texts are the keys.
const request = vi.hoisted(() => ({ locale: "en" }));
vi.mock("next-intl/server", () => ({ getLocale: async () => request.locale, getTranslations: async () => (key: string) => key }));


afterAll(async () => {
  await closeRateLimitPool();
  await stopBoss(1_000);
});

const PASSWORD = "catalog secret";
const passwordHash = await hashPassword(PASSWORD);

async function signedInAs(email: string) {
  const cookie = sessionCookieOf(await passwordSignIn("localhost:3000", email, PASSWORD));
  if (!cookie) throw new Error(`could not sign in ${email}`);
  testRequest.host = "localhost:3000";
  testRequest.cookie = cookie;
}

beforeEach(() => {
  request.locale = "en";
  testRequest.host = "localhost:3000";
  testRequest.cookie = "";
});

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

function productForm(fields: Record<string, string | File>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

const base = { slug: "robe-ete", price: "12,50", stock: "3", kind: "PHYSICAL", visibility: "PUBLIC", "title.fr": "Robe d'été" };

async function expectRedirect(promise: Promise<unknown>, to: string) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TestRedirect);
  expect((error as TestRedirect).url).toBe(to);
}

describe("product actions and the store gate", async () => {
  const a = await createTenant({ defaultLocale: "fr", locales: ["fr", "en"] });
  const b = await createTenant();
  await db.user.update({ where: { id: a.owner.id }, data: { passwordHash } });
  await db.user.update({ where: { id: b.owner.id }, data: { passwordHash } });
  const staff = await createUser(`staff-${a.tag}@example.test`, { passwordHash });
  await db.membership.create({ data: { userId: staff.id, merchantId: a.merchant.id, role: "STAFF" } });
  const manager = await createUser(`manager-${a.tag}@example.test`, { passwordHash });
  await db.membership.create({ data: { userId: manager.id, merchantId: a.merchant.id, role: "MANAGER" } });
  const aId = a.merchant.id as MerchantId;
  const aStore = a.store.id as StoreId;
  const listPath = `/account/m/${a.merchant.id}/stores/${a.store.id}/products`;

  it("lets a manager create a product: exact cents, lower-cased slug, translations, image, audit event", async () => {
    await signedInAs(manager.email);
    const image = new File([PNG], "photo.png", { type: "image/png" });
    await expectRedirect(
      createProductAction(a.merchant.id, a.store.id, IDLE, productForm({ ...base, slug: "Robe-Ete", "title.en": "Summer dress", images: image })),
      listPath,
    );
    const [row] = await listStoreProducts(aId, aStore, "fr");
    expect(row).toMatchObject({ slug: "robe-ete", title: "Robe d'été", priceCents: 1250, stock: 3, visibility: "PUBLIC", archived: false });
    const product = await findProductForEdit(aId, aStore, row!.id);
    expect(product!.translations).toHaveLength(2);
    expect(product!.images).toHaveLength(1);
    const key = product!.images[0]!.storageKey;
    expect(key.startsWith(`images/${a.merchant.id}/`)).toBe(true);
    expect(await getFile(key)).toEqual(Buffer.from(PNG));
    const audit = await db.auditEvent.findFirst({ where: { merchantId: a.merchant.id, action: "product.create", targetId: row!.id }, select: { actorUserId: true } });
    expect(audit?.actorUserId).toBe(manager.id);
  });

  it("returns field errors and writes nothing for bad input, a taken slug or a fake image", async () => {
    await signedInAs(a.owner.email);
    const before = await db.product.count({ where: { merchantId: a.merchant.id } });
    const description = "Lin lavé, coupe ample. ".repeat(200).trim();
    const bad = await createProductAction(a.merchant.id, a.store.id, IDLE, productForm({ ...base, slug: "other", price: "12.345", "title.fr": "", "description.fr": description }));
    expect(bad).toMatchObject({ status: "error", fieldErrors: { price: { key: "Catalog.errors.priceTooManyDecimals" }, "title.fr": { key: "Catalog.errors.required" } }, values: { price: "12.345" } });
    // What was typed comes back whole, a long description too.
    expect(bad.values?.["description.fr"]).toBe(description);
    const taken = await createProductAction(a.merchant.id, a.store.id, IDLE, productForm(base));
    expect(taken).toMatchObject({ status: "error", fieldErrors: { slug: { key: "Catalog.errors.slugTaken" } } });
    const fake = new File(["<script>alert(1)</script>"], "x.png", { type: "image/png" });
    const script = await createProductAction(a.merchant.id, a.store.id, IDLE, productForm({ ...base, slug: "fake", images: fake }));
    expect(script).toMatchObject({ status: "error", fieldErrors: { images: { key: "Catalog.errors.imageType" } } });
    const digital = await createProductAction(a.merchant.id, a.store.id, IDLE, productForm({ ...base, slug: "ebook", kind: "DIGITAL" }));
    expect(digital).toMatchObject({ status: "error", fieldErrors: { digitalFile: { key: "Catalog.errors.digitalFileRequired" } } });
    expect(await db.product.count({ where: { merchantId: a.merchant.id } })).toBe(before);
  });

  it("stores a digital product's file under its own prefix", async () => {
    await signedInAs(a.owner.email);
    const file = new File(["%PDF-1.7 secret"], "book.pdf", { type: "application/pdf" });
    await expectRedirect(
      createProductAction(a.merchant.id, a.store.id, IDLE, productForm({ ...base, slug: "ebook", kind: "DIGITAL", digitalFile: file })),
      listPath,
    );
    const row = await db.product.findFirst({ where: { merchantId: a.merchant.id, slug: "ebook" }, select: { digitalFileKey: true } });
    expect(row?.digitalFileKey).toMatch(new RegExp(`^digital/${a.merchant.id}/`));
    expect((await getFile(row!.digitalFileKey!))?.toString()).toBe("%PDF-1.7 secret");
  });

  it("sells gift cards: fixed amounts or a range, the smallest amount as the price, and refusals that write nothing", async () => {
    await signedInAs(a.owner.email);
    const card = { ...base, slug: "carte-cadeau", kind: "GIFT_CARD", price: "", stock: "" };
    const before = await db.product.count({ where: { merchantId: a.merchant.id } });
    const refusals: Array<[Record<string, string>, Record<string, { key: string }>]> = [
      [{ giftCardMode: "fixed", giftCardAmounts: "" }, { giftCardAmounts: { key: "Catalog.errors.required" } }],
      [{ giftCardMode: "fixed", giftCardAmounts: "0.20, 25" }, { giftCardAmounts: { key: "Catalog.errors.giftCardAmountTooLow" } }],
      [{ giftCardMode: "range", giftCardMin: "50", giftCardMax: "20" }, { giftCardMax: { key: "Catalog.errors.giftCardMaxTooLow" } }],
      [{ giftCardMode: "range", giftCardMin: "10", giftCardMax: "10000.01" }, { giftCardMax: { key: "Catalog.errors.giftCardAmountTooHigh" } }],
    ];
    for (const [change, fieldErrors] of refusals) {
      expect(await createProductAction(a.merchant.id, a.store.id, IDLE, productForm({ ...card, ...change }))).toMatchObject({ status: "error", fieldErrors });
    }
    expect(await db.product.count({ where: { merchantId: a.merchant.id } })).toBe(before);

    await expectRedirect(createProductAction(a.merchant.id, a.store.id, IDLE, productForm({ ...card, giftCardMode: "fixed", giftCardAmounts: "100, 25, 50" })), listPath);
    const created = await db.product.findFirstOrThrow({
      where: { merchantId: a.merchant.id, slug: "carte-cadeau" },
      select: { id: true, kind: true, priceCents: true, giftCardAmounts: true, giftCardMinCents: true, giftCardMaxCents: true, digitalFileKey: true },
    });
    expect(created).toMatchObject({ kind: "GIFT_CARD", priceCents: 2500, giftCardAmounts: [2500, 5000, 10000], giftCardMinCents: null, giftCardMaxCents: null, digitalFileKey: null });
    const page = await findStorefrontProduct(aId, aStore, "carte-cadeau", "fr", "fr");
    expect(page?.giftCardOffer).toEqual({ kind: "fixed", amounts: [2500, 5000, 10000] });

    // Switched to an amount the buyer chooses, then to a plain product: the amounts follow.
    const edit = { productId: created.id, ...card };
    await expectRedirect(updateProductAction(a.merchant.id, a.store.id, IDLE, productForm({ ...edit, giftCardMode: "range", giftCardMin: "10", giftCardMax: "250" })), listPath);
    expect((await findProductForEdit(aId, aStore, created.id))?.giftCardOffer).toEqual({ kind: "range", minCents: 1000, maxCents: 25000 });
    expect((await listPublicProducts(aId, aStore, "fr", "fr")).products.find((p) => p.id === created.id)).toMatchObject({ priceCents: 1000, giftCardOffer: { kind: "range" } });
    await expectRedirect(updateProductAction(a.merchant.id, a.store.id, IDLE, productForm({ ...edit, kind: "PHYSICAL", price: "30", giftCardAmounts: "25" })), listPath);
    const plain = await db.product.findUniqueOrThrow({ where: { id: created.id }, select: { kind: true, priceCents: true, giftCardAmounts: true, giftCardMinCents: true, giftCardMaxCents: true } });
    expect(plain).toEqual({ kind: "PHYSICAL", priceCents: 3000, giftCardAmounts: [], giftCardMinCents: null, giftCardMaxCents: null });
  });

  it("edits a product: price, stock to unlimited, an optional translation removed, an image removed", async () => {
    await signedInAs(a.owner.email);
    const id = (await db.product.findFirst({ where: { merchantId: a.merchant.id, slug: "robe-ete" }, select: { id: true } }))!.id;
    const before = await findProductForEdit(aId, aStore, id);
    const imageKey = before!.images[0]!.storageKey;
    await expectRedirect(
      updateProductAction(
        a.merchant.id,
        a.store.id,
        IDLE,
        productForm({ productId: id, ...base, price: "0.99", stock: "", visibility: "HIDDEN", "title.en": "", removeImageIds: before!.images[0]!.id }),
      ),
      listPath,
    );
    const after = await findProductForEdit(aId, aStore, id);
    expect(after).toMatchObject({ priceCents: 99, stock: null, visibility: "HIDDEN", images: [] });
    expect(after!.translations.map((t) => t.locale)).toEqual(["fr"]);
    expect(await getFile(imageKey)).toBeNull();
    expect(await db.auditEvent.count({ where: { merchantId: a.merchant.id, action: "product.update", targetId: id } })).toBe(1);
  });

  it("answers 404 to another merchant's owner and never touches the product", async () => {
    const id = (await db.product.findFirst({ where: { merchantId: a.merchant.id, slug: "robe-ete" }, select: { id: true } }))!.id;
    const snapshot = await findProductForEdit(aId, aStore, id);
    await signedInAs(b.owner.email);
    await expect(updateProductAction(a.merchant.id, a.store.id, IDLE, productForm({ productId: id, ...base, price: "1" }))).rejects.toBeInstanceOf(TestNotFound);
    await expect(archiveProductAction(a.merchant.id, a.store.id, IDLE, productForm({ productId: id }))).rejects.toBeInstanceOf(TestNotFound);
    await expect(createProductAction(a.merchant.id, a.store.id, IDLE, productForm({ ...base, slug: "intruder" }))).rejects.toBeInstanceOf(TestNotFound);
    // Their own store, the victim's product id: not found, nothing changed.
    const own = await updateProductAction(b.merchant.id, b.store.id, IDLE, productForm({ productId: id, ...base, "title.en": "Hacked", price: "1" }));
    expect(own).toMatchObject({ status: "error", error: { key: "Catalog.formErrors.notFound" } });
    const archived = await archiveProductAction(b.merchant.id, b.store.id, IDLE, productForm({ productId: id }));
    expect(archived).toMatchObject({ status: "error", error: { key: "Catalog.formErrors.notFound" } });
    expect(await findProductForEdit(aId, aStore, id)).toEqual(snapshot);
    expect(await findProductForEdit(b.merchant.id as MerchantId, b.store.id as StoreId, id)).toBeNull();
    expect(await db.product.count({ where: { slug: "intruder" } })).toBe(0);
  });

  it("forbids staff to create, edit or archive products", async () => {
    const id = (await db.product.findFirst({ where: { merchantId: a.merchant.id, slug: "robe-ete" }, select: { id: true } }))!.id;
    await signedInAs(staff.email);
    await expect(createProductAction(a.merchant.id, a.store.id, IDLE, productForm({ ...base, slug: "by-staff" }))).rejects.toBeInstanceOf(TestForbidden);
    await expect(updateProductAction(a.merchant.id, a.store.id, IDLE, productForm({ productId: id, ...base }))).rejects.toBeInstanceOf(TestForbidden);
    await expect(archiveProductAction(a.merchant.id, a.store.id, IDLE, productForm({ productId: id }))).rejects.toBeInstanceOf(TestForbidden);
    expect(await db.product.count({ where: { slug: "by-staff" } })).toBe(0);
  });

  it("sends anonymous visitors to sign-in", async () => {
    await expect(createProductAction(a.merchant.id, a.store.id, IDLE, productForm(base))).rejects.toBeInstanceOf(TestRedirect);
  });

  it("archives: the product leaves the storefront, stays in the merchant list, and can no longer be edited", async () => {
    await signedInAs(a.owner.email);
    const id = (await db.product.findFirst({ where: { merchantId: a.merchant.id, slug: "robe-ete" }, select: { id: true } }))!.id;
    expect(await findStorefrontProduct(aId, aStore, "robe-ete", "fr", "fr")).not.toBeNull();
    // The list it returns to is in the request's language.
    request.locale = "de";
    await expectRedirect(archiveProductAction(a.merchant.id, a.store.id, IDLE, productForm({ productId: id })), `/de${listPath}`);
    expect(await findStorefrontProduct(aId, aStore, "robe-ete", "fr", "fr")).toBeNull();
    expect((await listStoreProducts(aId, aStore, "fr")).find((p) => p.id === id)?.archived).toBe(true);
    expect(await updateProductAction(a.merchant.id, a.store.id, IDLE, productForm({ productId: id, ...base }))).toMatchObject({ status: "error", error: { key: "Catalog.formErrors.notFound" } });
    const [forCart] = await findProductsForCart(aId, aStore, [id], "fr", "fr");
    expect(forCart).toMatchObject({ id, archived: true, onSale: false });
    expect(await db.auditEvent.count({ where: { merchantId: a.merchant.id, action: "product.archive", targetId: id } })).toBe(1);
  });
});

describe("storefront reads", async () => {
  const t = await createTenant({ defaultLocale: "fr", locales: ["fr", "en", "de"] });
  const other = await createTenant();
  const m = t.merchant.id as MerchantId;
  const s = t.store.id as StoreId;
  const start = Date.UTC(2026, 0, 1);
  // 25 public products, newest last, plus ones that must never be listed.
  for (let i = 0; i < 25; i++) {
    await createProductRow(t, { slug: `p-${String(i).padStart(2, "0")}`, createdAt: new Date(start + i * 1000), translations: { fr: { title: `Produit ${i}` } } });
  }
  await createProductRow(t, { slug: "draft", visibility: "DRAFT", createdAt: new Date(start + 100_000) });
  await createProductRow(t, { slug: "hidden", visibility: "HIDDEN", createdAt: new Date(start + 100_000), translations: { fr: { title: "Caché" } } });
  await createProductRow(t, { slug: "archived", archivedAt: new Date(), createdAt: new Date(start + 100_000) });
  const foreign = await createProductRow(other, { slug: "foreign" });
  await createProductRow(t, {
    slug: "translated",
    createdAt: new Date(start - 1000),
    translations: { fr: { title: "Pull", description: "Chaud" }, en: { title: "Sweater", description: "Warm" }, de: { title: " " } },
  });

  it("pages public, non-archived products 12 at a time, newest first", async () => {
    const first = await listPublicProducts(m, s, "fr", "fr", 1);
    expect(first).toMatchObject({ total: 26, page: 1, pageCount: 3 });
    expect(first.products).toHaveLength(12);
    expect(first.products[0]!.slug).toBe("p-24");
    const third = await listPublicProducts(m, s, "fr", "fr", 3);
    expect(third.products.map((p) => p.slug)).toEqual(["p-00", "translated"]);
    const past = await listPublicProducts(m, s, "fr", "fr", 4);
    expect(past).toMatchObject({ products: [], total: 26, pageCount: 3 });
    const all = [...first.products, ...(await listPublicProducts(m, s, "fr", "fr", 2)).products, ...third.products];
    expect(new Set(all.map((p) => p.slug)).size).toBe(26);
    for (const slug of ["draft", "hidden", "archived", "foreign"]) expect(all.some((p) => p.slug === slug)).toBe(false);
  });

  it("opens public and hidden products by slug, never drafts, archived or another store's", async () => {
    expect(await findStorefrontProduct(m, s, "hidden", "fr", "fr")).toMatchObject({ title: "Caché", visibility: "HIDDEN" });
    expect(await findStorefrontProduct(m, s, "p-03", "fr", "fr")).toMatchObject({ title: "Produit 3" });
    expect(await findStorefrontProduct(m, s, "draft", "fr", "fr")).toBeNull();
    expect(await findStorefrontProduct(m, s, "archived", "fr", "fr")).toBeNull();
    expect(await findStorefrontProduct(m, s, "foreign", "fr", "fr")).toBeNull();
    expect(await findProductsForCart(m, s, [foreign.id], "fr", "fr")).toEqual([]);
  });

  it("falls back to the store's default locale for missing or blank translations", async () => {
    expect(await findStorefrontProduct(m, s, "translated", "en", "fr")).toMatchObject({ title: "Sweater", description: "Warm" });
    expect(await findStorefrontProduct(m, s, "translated", "de", "fr")).toMatchObject({ title: "Pull", description: "Chaud" });
    expect(await findStorefrontProduct(m, s, "translated", "lb", "fr")).toMatchObject({ title: "Pull" });
    const page = await listPublicProducts(m, s, "en", "fr", 3);
    expect(page.products.map((p) => p.title)).toEqual(["Produit 0", "Sweater"]);
  });
});
