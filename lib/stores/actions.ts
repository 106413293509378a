"use server";

import { notFound } from "next/navigation";
import { failFields, ok } from "@/lib/actions/pipeline";
import { merchantStoreAction } from "@/lib/auth/action-clients";
import { cacheTags } from "@/lib/cache";
import { sniffImageType } from "@/lib/storage/keys";
import { updateStoreSettings } from "./mutations";
import { storeSettingsSchema } from "./schema";

/**
 * Saves a store's settings. Owners only (managers get 403, other merchants 404). Bad input gives
 * field errors and writes nothing; a file that claims to be an image but is not one is refused.
 */
export const updateStoreSettingsAction = merchantStoreAction({ role: "OWNER" })({
  schema: (ctx) => storeSettingsSchema(ctx.store),
  messages: "StoreSettings.errors",
  handler: async (input, ctx) => {
    let logo: { bytes: Uint8Array; type: NonNullable<ReturnType<typeof sniffImageType>> } | null = null;
    if (input.logo) {
      const bytes = new Uint8Array(await input.logo.arrayBuffer());
      const type = sniffImageType(bytes);
      if (!type) return failFields({ logo: "StoreSettings.errors.imageType" });
      logo = { bytes, type };
    }
    const saved = await updateStoreSettings({ ...ctx.actor, defaultLocale: ctx.store.defaultLocale, locales: ctx.store.locales }, { ...input, logo });
    if (!saved) notFound();
    return ok(undefined, { invalidate: [cacheTags.store(ctx.store.id), cacheTags.account(ctx.merchantId)] });
  },
});
