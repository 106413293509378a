import { z } from "zod";
import { cleanString } from "@/lib/input";
import { MAX_LINE_QUANTITY } from "./types";

const id = cleanString().trim().min(1).max(64).regex(/^[a-z0-9]+$/i);

/**
 * A quantity typed or sent by a client: a whole number from 1 to MAX_LINE_QUANTITY. Anything
 * else (negative, zero, fractions, "1e9", huge numbers) is refused before the database is asked.
 */
export const quantitySchema = z.coerce.number().int().min(1).max(MAX_LINE_QUANTITY);

export const addCartItemSchema = z.object({ productId: id, quantity: quantitySchema.default(1) });
export const setCartItemQuantitySchema = z.object({ productId: id, quantity: quantitySchema });
export const removeCartItemSchema = z.object({ productId: id });
/** A typed code: "required" when empty, "tooLong" beyond any code's length (so no such code exists). */
export const applyCouponSchema = z.object({ code: cleanString().trim().min(1, "required").max(64, "tooLong") });
export const removeCouponSchema = z.object({ couponId: id });
/** The storefront a cart action is for: the proxy-resolved store must match it. */
export const storeSlugSchema = cleanString().trim().min(1).max(63);
