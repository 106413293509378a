import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeRateLimitPool } from "@/lib/auth/rate-limit";
import { testRequest } from "@/tests/doubles/auth";
import { db } from "@/lib/db";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { form, memberOf as member, outcome, actAs as signedInAs } from "@/tests/integration/actors";
import { createTenant } from "@/tests/integration/fixtures";
import { invalidatedTags } from "@/tests/integration/next-cache-stub";
import { updateStoreSettingsAction } from "./actions";
import { findStoreSettings, isStoreLogoKey } from "./data";
import { storeTextsFor } from "./schema";
import { IDLE } from "@/lib/actions/form-state";

vi.mock("@/lib/auth/index", () => import("@/tests/doubles/auth"));
vi.mock("next/headers", async () => {
  const { testHeaders } = await import("@/tests/doubles/auth");
  return { headers: async () => testHeaders() };
});
vi.mock("next/navigation", async () => (await import("@/tests/doubles/next-navigation")).navigationMock);
// Actions translate their refusals: keys stand in for the texts.
vi.mock("next-intl/server", () => ({ getLocale: async () => "en", getTranslations: async () => (key: string) => key }));

afterAll(async () => {
  await closeRateLimitPool();
});
beforeEach(() => {
  testRequest.host = "localhost:3000";
  testRequest.cookie = "";
});

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

function settings(extra: Record<string, string> = {}) {
  return form({ "name.fr": "Boutique Léa", "tagline.fr": "Mode et café", "description.fr": "Depuis 1990.", "closedMessage.fr": "Fermé pour inventaire.", "name.en": "Lea's Shop", status: "OPEN", shippingCountries: "LU, BE, FR", ...extra });
}

describe("store settings", () => {
  it("the owner saves texts per locale, contacts, a logo and closes the store; the storefront falls back to the default locale", async () => {
    const tenant = await createTenant({ defaultLocale: "fr", locales: ["fr", "en"] });
    const owner = await member(tenant, "OWNER");
    await signedInAs(owner.email);
    const data = settings({
      status: "CLOSED",
      contactEmail: "Hello@Lea.test",
      contactPhone: "+352 123 456",
      contactAddress: "1 rue de la Gare, Luxembourg",
      smallOrderPolicy: "REFUSE",
    });
    data.append("logo", new File([PNG], "logo.png", { type: "image/png" }));
    invalidatedTags.length = 0;
    expect(await updateStoreSettingsAction(tenant.merchant.id, tenant.store.id, IDLE, data)).toEqual({ status: "ok", data: undefined });
    // The storefront and the merchant's account area show the new settings.
    expect(invalidatedTags).toEqual(expect.arrayContaining([`store:${tenant.store.id}`, `account:${tenant.merchant.id}`]));

    const profile = await findStoreSettings(tenant.merchant.id as MerchantId, tenant.store.id as StoreId);
    expect(profile).toMatchObject({ name: "Boutique Léa", contactEmail: "Hello@Lea.test", contactPhone: "+352 123 456", smallOrderPolicy: "REFUSE", logoKey: expect.stringMatching(new RegExp(`^images/${tenant.merchant.id}/`)) });
    expect(storeTextsFor(profile!.translations, "en", "fr", profile!.name)).toEqual({ name: "Lea's Shop", tagline: "Mode et café", description: "Depuis 1990.", closedMessage: "Fermé pour inventaire." });
    expect(await db.store.findUniqueOrThrow({ where: { id: tenant.store.id }, select: { status: true, shippingCountries: true } })).toEqual({
      status: "CLOSED",
      shippingCountries: ["LU", "BE", "FR"],
    });

    // The file route serves the logo (app/api/files tests it); removing it clears the key.
    expect(await isStoreLogoKey(tenant.merchant.id, profile!.logoKey!)).toBe(true);
    await updateStoreSettingsAction(tenant.merchant.id, tenant.store.id, IDLE, settings({ removeLogo: "on" }));
    expect(await isStoreLogoKey(tenant.merchant.id, profile!.logoKey!)).toBe(false);

    const events = await db.auditEvent.findMany({ where: { merchantId: tenant.merchant.id, action: "store.update" }, select: { actorUserId: true, targetId: true } });
    expect(events).toEqual([
      { actorUserId: owner.id, targetId: tenant.store.id },
      { actorUserId: owner.id, targetId: tenant.store.id },
    ]);
  });

  it("a new store ships to the EU; a country list that is empty or names no country is refused", async () => {
    const tenant = await createTenant({ defaultLocale: "fr", locales: ["fr", "en"] });
    const before = await db.store.findUniqueOrThrow({ where: { id: tenant.store.id }, select: { shippingCountries: true } });
    expect(before.shippingCountries).toHaveLength(27);
    expect(before.shippingCountries).toContain("LU");
    const owner = await member(tenant, "OWNER");
    await signedInAs(owner.email);
    for (const [shippingCountries, error] of [["", "required"], ["LU, Narnia", "invalidCountry"], ["LU, EU", "invalidCountry"]] as const) {
      expect(await updateStoreSettingsAction(tenant.merchant.id, tenant.store.id, IDLE, settings({ shippingCountries }))).toMatchObject({
        status: "error",
        fieldErrors: { shippingCountries: { key: `StoreSettings.errors.${error}` } },
      });
    }
    expect(await db.store.findUniqueOrThrow({ where: { id: tenant.store.id }, select: { shippingCountries: true } })).toEqual(before);
  });

  it("a store counts its days in Europe/Luxembourg until the owner picks another IANA zone; an unknown zone writes nothing", async () => {
    const tenant = await createTenant({ defaultLocale: "fr", locales: ["fr", "en"] });
    const zone = () => db.store.findUniqueOrThrow({ where: { id: tenant.store.id }, select: { timeZone: true } });
    expect(await zone()).toEqual({ timeZone: "Europe/Luxembourg" });
    const owner = await member(tenant, "OWNER");
    await signedInAs(owner.email);
    for (const timeZone of ["Europe/Atlantis", "UTC+2", "'; DROP TABLE \"Store\"; --"]) {
      expect(await updateStoreSettingsAction(tenant.merchant.id, tenant.store.id, IDLE, settings({ timeZone, status: "CLOSED" }))).toMatchObject({
        status: "error",
        fieldErrors: { timeZone: { key: "StoreSettings.errors.invalidTimeZone" } },
      });
    }
    expect(await zone()).toEqual({ timeZone: "Europe/Luxembourg" });
    expect(await db.auditEvent.count({ where: { merchantId: tenant.merchant.id } })).toBe(0);

    expect(await updateStoreSettingsAction(tenant.merchant.id, tenant.store.id, IDLE, settings({ timeZone: "America/Argentina/Salta" }))).toMatchObject({ status: "ok" });
    expect(await findStoreSettings(tenant.merchant.id as MerchantId, tenant.store.id as StoreId)).toMatchObject({ timeZone: "America/Argentina/Salta" });
    // A form without the field keeps the zone.
    await updateStoreSettingsAction(tenant.merchant.id, tenant.store.id, IDLE, settings());
    expect(await zone()).toEqual({ timeZone: "America/Argentina/Salta" });
  });

  it("bad input writes nothing: missing default name, bad email, a file that is not an image", async () => {
    const tenant = await createTenant({ defaultLocale: "fr", locales: ["fr", "en"] });
    const owner = await member(tenant, "OWNER");
    await signedInAs(owner.email);
    expect(await updateStoreSettingsAction(tenant.merchant.id, tenant.store.id, IDLE, settings({ "name.fr": " ", contactEmail: "nope" }))).toMatchObject({
      status: "error",
      fieldErrors: { "name.fr": { key: "StoreSettings.errors.required" }, contactEmail: { key: "StoreSettings.errors.invalidEmail" } },
      values: { "name.fr": " ", contactEmail: "nope" },
    });
    const fake = settings();
    fake.append("logo", new File([new TextEncoder().encode("<script>")], "logo.png", { type: "image/png" }));
    expect(await updateStoreSettingsAction(tenant.merchant.id, tenant.store.id, IDLE, fake)).toMatchObject({ fieldErrors: { logo: { key: "StoreSettings.errors.imageType", message: "StoreSettings.errors.imageType" } } });
    expect(await db.storeTranslation.count({ where: { storeId: tenant.store.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { merchantId: tenant.merchant.id } })).toBe(0);
  });

  it("managers get 403 and another merchant's owner 404; nothing changes", async () => {
    const tenant = await createTenant();
    const other = await createTenant();
    const manager = await member(tenant, "MANAGER");
    const stranger = await member(other, "OWNER");
    await signedInAs(manager.email);
    expect(await outcome(updateStoreSettingsAction(tenant.merchant.id, tenant.store.id, IDLE, form({ "name.en": "Hacked", status: "CLOSED" })))).toBe("forbidden");
    await signedInAs(stranger.email);
    expect(await outcome(updateStoreSettingsAction(tenant.merchant.id, tenant.store.id, IDLE, form({ "name.en": "Hacked", status: "CLOSED" })))).toBe("notFound");
    expect(await db.store.findUniqueOrThrow({ where: { id: tenant.store.id }, select: { name: true, status: true } })).toEqual({ name: `Store ${tenant.tag}`, status: "OPEN" });
  });
});
