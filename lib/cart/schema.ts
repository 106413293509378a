import { z } from "zod";
import { cleanString } from "@/lib/input";
import { MAX_POINTS_QUANTITY } from "./tender-choices";
import { MAX_LINE_QUANTITY } from "./types";

/** An id sent by the cart page; anything else names nothing of this store (`message`: its refusal). */
const id = (message: "unknownProduct" | "unknownCoupon" | "invalid") =>
  cleanString({ error: message }).trim().min(1).max(64).regex(/^[a-z0-9]+$/i);

/**
 * A quantity typed or sent by a client: a whole number from 1 to MAX_LINE_QUANTITY. Anything
 * else (negative, zero, fractions, "1e9", huge numbers) is refused before the database is asked.
 */
export const quantitySchema = z.coerce.number({ error: "invalidQuantity" }).int().min(1).max(MAX_LINE_QUANTITY);

/*
 * The cart actions' inputs. Issue messages are keys under `Cart.errors` (the actions' messages):
 * input that is not an object at all is no product (or coupon) of this store.
 */
export const addCartItemSchema = z.object({ productId: id("unknownProduct"), quantity: quantitySchema.default(1) }, { error: "unknownProduct" });
/**
 * The line a quantity change or a removal is for: `lineId` (any line; the cart page sends it, as
 * a gift card's lines share their product) or `productId` (a plain product's line).
 */
const lineRef = { productId: id("unknownProduct").optional(), lineId: id("unknownProduct").optional() };
const namesALine = (v: { productId?: string; lineId?: string }) => v.productId !== undefined || v.lineId !== undefined;
export const setCartItemQuantitySchema = z.object({ ...lineRef, quantity: quantitySchema }, { error: "unknownProduct" }).refine(namesALine, "unknownProduct");
export const removeCartItemSchema = z.object(lineRef, { error: "unknownProduct" }).refine(namesALine, "unknownProduct");
/**
 * A typed code: "required" when empty; beyond any code's length no such code exists, which is
 * what the shopper needs to hear ("unknownCoupon"). Named `couponCode`, not `code`: the form
 * shows a refused coupon code again, which it never does with a sign-in code.
 */
export const applyCouponSchema = z.object({ couponCode: cleanString({ error: "required" }).trim().min(1, "required").max(64, "unknownCoupon") }, { error: "required" });
export const removeCouponSchema = z.object({ couponId: id("unknownCoupon") }, { error: "unknownCoupon" });
/** The storefront a cart action is for: the proxy-resolved store must match it. */
export const storeSlugSchema = cleanString().trim().min(1).max(63);
/** A gift-card code as typed (checked by lib/gift-cards/code.ts, not here: its refusals differ). */
export const applyGiftCardSchema = z.object(
  { giftCardCode: cleanString({ error: "required" }).trim().min(1, "required").max(40, "invalid") },
  { error: "required" },
);
export const removeGiftCardSchema = z.object({ giftCardId: id("invalid") }, { error: "invalid" });
/** Points to pay with: a reward (`invalid`: names nothing here) and how many times (1 to 99). */
export const usePointsSchema = z.object(
  { rewardId: id("invalid"), quantity: z.coerce.number({ error: "invalidQuantity" }).int("invalidQuantity").min(1, "invalidQuantity").max(MAX_POINTS_QUANTITY, "invalidQuantity").default(1) },
  { error: "invalid" },
);
/** Store credit to pay with, as typed in the store's currency (parsed with the currency's decimals by the action). */
export const useStoreCreditSchema = z.object({ amount: cleanString({ error: "required" }).trim().min(1, "required").max(40, "invalidAmount") }, { error: "required" });
/** Taking points or store credit out of the cart takes nothing but the cart. */
export const removeTenderSchema = z.object({});
