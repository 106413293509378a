import fc from "fast-check";
import { afterAll, describe, expect, it, vi } from "vitest";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { quantitySchema } from "@/lib/cart/schema";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { proxiedHeaders } from "@/tests/doubles/proxy";
import { createCouponRow } from "./cart-fixtures";
import { createProductRow } from "./catalog-fixtures";
import { createTenant } from "./fixtures";

/**
 * The storefront's cart actions, fed random, huge, unicode, NUL and wrong-type values against a
 * real cart: an action never throws, answers a refusal with its text (the pipeline throws in tests
 * on a key the messages lack), and a refused action leaves the cart exactly as it was.
 */

const browser = vi.hoisted(() => ({ headers: new Headers(), jar: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  headers: async () => browser.headers,
  cookies: async () => ({
    get: (name: string) => (browser.jar.has(name) ? { name, value: browser.jar.get(name)! } : undefined),
    set: (name: string, value: string) => void browser.jar.set(name, value),
    delete: (name: string) => void browser.jar.delete(name),
  }),
}));
vi.mock("@/lib/auth/loaders", () => ({ loadCustomerSession: async () => null }));
vi.mock("next-intl/server", () => import("./next-intl-server-stub"));

const { addToCartAction, applyCouponAction, removeCartItemAction, removeCouponAction, setCartItemQuantityAction } = await import("@/lib/cart/actions");

afterAll(() => stopBoss(1_000));

const nasty = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom("\u0000", "AB\u0000CD", "x".repeat(100_000), "-1", "abc", "2.5", "1e9", "99999", "0", "NaN", " ", "é💥"),
);
const anything = fc.oneof(nasty, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(nasty, { maxLength: 2 }));

/** Every refusal a cart action can answer is one of the cart's sentences, with its text. */
function expectCartRefusal(state: FormState<unknown>) {
  const refusals = state.status === "error" ? [state.error, ...Object.values(state.fieldErrors ?? {})].filter((r) => r !== undefined) : [];
  expect(refusals.length, JSON.stringify(state)).toBeGreaterThan(0);
  for (const refusal of refusals) {
    expect(refusal.key.startsWith("Cart.errors."), `not a cart refusal: ${refusal.key}`).toBe(true);
    expect(refusal.message, `untranslated refusal ${refusal.key}`).not.toBe(refusal.key);
  }
}

describe("cart actions, fuzzed", async () => {
  const tenant = await createTenant();
  const product = await createProductRow(tenant, { slug: "robe", priceCents: 2500, stock: 50 });
  await createCouponRow(tenant, { code: "REAL10", kind: "PERCENT", percentBasisPoints: 1000 });
  browser.headers = await proxiedHeaders(`${tenant.store.slug}.localhost:3000`);

  expect(await addToCartAction(IDLE, { productId: product.id, quantity: 2 })).toMatchObject({ status: "ok" });
  const cart = await db.cart.findFirstOrThrow({ where: { merchantId: tenant.merchant.id, storeId: tenant.store.id }, select: { id: true } });

  const snapshot = async () => ({
    lines: await db.cartLine.findMany({ where: { cartId: cart.id }, select: { productId: true, quantity: true }, orderBy: { productId: "asc" } }),
    coupons: await db.cartCoupon.count({ where: { cartId: cart.id } }),
    carts: await db.cart.count({ where: { storeId: tenant.store.id } }),
  });

  /** Runs one action that must be refused: a refusal the page can say, and the cart as it was. */
  async function expectRefusedWithoutWrites(run: () => Promise<FormState<unknown>>) {
    const before = await snapshot();
    expectCartRefusal(await run());
    expect(await snapshot()).toEqual(before);
  }

  it("a typed code that is not a code of the store is refused and attaches nothing", async () => {
    await fc.assert(
      fc.asyncProperty(anything, async (code) => {
        await expectRefusedWithoutWrites(() => applyCouponAction(IDLE, { couponCode: code as string }));
      }),
      { numRuns: 80 },
    );
  });

  it("a quantity or product that is not valid is refused and changes no line", async () => {
    const productId = fc.oneof(fc.constant(product.id), nasty);
    await fc.assert(
      fc.asyncProperty(productId, anything, async (id, quantity) => {
        // What the quantity field accepts is the schema's to say; everything else must change nothing.
        fc.pre(id !== product.id || !quantitySchema.safeParse(quantity).success);
        await expectRefusedWithoutWrites(() => setCartItemQuantityAction(IDLE, { productId: id, quantity: quantity as number }));
        await expectRefusedWithoutWrites(() => addToCartAction(IDLE, { productId: id === product.id ? `${id}x` : id, quantity: quantity as number }));
      }),
      { numRuns: 80 },
    );
  });

  it("removing what is not in the cart removes nothing (a refusal, or nothing to do)", async () => {
    await fc.assert(
      fc.asyncProperty(nasty, async (id) => {
        fc.pre(id !== product.id);
        for (const run of [() => removeCartItemAction(IDLE, { productId: id }), () => removeCouponAction(IDLE, { couponId: id })]) {
          const before = await snapshot();
          const state = await run();
          if (state.status !== "ok") expectCartRefusal(state);
          expect(await snapshot()).toEqual(before);
        }
      }),
      { numRuns: 60 },
    );
  });
});
