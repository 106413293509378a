import { z } from "zod";
import { cleanString } from "@/lib/input";

/** A gift-card code typed on the store-credit page (parsed with its check character by the action). */
export const claimGiftCardSchema = z.object(
  { giftCardCode: cleanString({ error: "required" }).trim().min(1, "required").max(40, "invalid") },
  { error: "required" },
);
