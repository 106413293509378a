import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { storeSettingsSchema, storeTextsFor } from "./schema";

const store = { defaultLocale: "fr" as const, locales: ["fr", "en"] as const };

function parse(fields: Record<string, unknown>) {
  return storeSettingsSchema(store).safeParse({ status: "OPEN", shippingCountries: "LU", ...fields });
}

/** The first issue message of each form field, as the action pipeline reports them. */
function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join(".")] ??= issue.message;
  return out;
}

describe("storeSettingsSchema", () => {
  it("requires the default locale's name only, and drops locales without a name", () => {
    const ok = parse({ "name.fr": " Boutique ", "tagline.fr": "Chic", "name.en": "", "tagline.en": "ignored" });
    expect(ok.success).toBe(true);
    expect(ok.data?.texts).toEqual({ fr: { name: "Boutique", tagline: "Chic", description: "", closedMessage: "" } });
    const missing = parse({ "name.fr": "", "name.en": "Shop" });
    expect(missing.success).toBe(false);
    expect(fieldErrors(missing.error!)).toEqual({ "name.fr": "required" });
  });

  it.each([
    [{ contactEmail: "not an email" }, { contactEmail: "invalidEmail" }],
    [{ status: "SOMETIMES" }, { status: "invalidChoice" }],
    [{ smallOrderPolicy: "SOMETIMES" }, { smallOrderPolicy: "invalidChoice" }],
    [{ contactPhone: "1".repeat(41) }, { contactPhone: "tooLong" }],
    [{ shippingCountries: "" }, { shippingCountries: "required" }],
    [{ shippingCountries: "LU, Luxembourg" }, { shippingCountries: "invalidCountry" }],
    [{ shippingCountries: "LU, EU" }, { shippingCountries: "invalidCountry" }],
    [{ timeZone: "Europe/Atlantis" }, { timeZone: "invalidTimeZone" }],
    [{ timeZone: "+01:00" }, { timeZone: "invalidTimeZone" }],
    [{ timeZone: "CET" }, { timeZone: "invalidTimeZone" }],
    [{ timeZone: "x".repeat(500) }, { timeZone: "invalidTimeZone" }],
  ])("refuses %j", (fields, errors) => {
    const result = parse({ "name.fr": "Boutique", ...fields });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual(errors);
  });

  it("reads the shipping countries as codes, each once", () => {
    const result = parse({ "name.fr": "Boutique", shippingCountries: "lu, BE be fr" });
    expect(result.data?.shippingCountries).toEqual(["LU", "BE", "FR"]);
  });

  it("small orders are waived unless the store refuses them", () => {
    expect(parse({ "name.fr": "Boutique" }).data?.smallOrderPolicy).toBe("WAIVE");
    expect(parse({ "name.fr": "Boutique", smallOrderPolicy: "REFUSE" }).data?.smallOrderPolicy).toBe("REFUSE");
  });

  it("takes an IANA time zone, and keeps the current one when none is sent", () => {
    expect(parse({ "name.fr": "Boutique", timeZone: "Asia/Kathmandu" }).data?.timeZone).toBe("Asia/Kathmandu");
    expect(parse({ "name.fr": "Boutique", timeZone: "America/Argentina/Salta" }).data?.timeZone).toBe("America/Argentina/Salta");
    expect(parse({ "name.fr": "Boutique" }).data?.timeZone).toBeUndefined();
    expect(parse({ "name.fr": "Boutique", timeZone: " " }).data?.timeZone).toBeUndefined();
  });

  it("empty contact fields become null", () => {
    const result = parse({ "name.fr": "Boutique", contactEmail: " ", contactPhone: "" });
    expect(result.data).toMatchObject({ contactEmail: null, contactPhone: null, contactAddress: null, logo: null, removeLogo: false });
  });
});

describe("storeTextsFor", () => {
  const rows = [
    { locale: "fr", name: "Boutique", tagline: "Mode chic", description: "Depuis 1990", closedMessage: "Fermé pour inventaire" },
    { locale: "en", name: "Shop", tagline: "", description: "", closedMessage: "" },
  ];
  it.each([
    ["en", { name: "Shop", tagline: "Mode chic", description: "Depuis 1990", closedMessage: "Fermé pour inventaire" }],
    ["fr", { name: "Boutique", tagline: "Mode chic", description: "Depuis 1990", closedMessage: "Fermé pour inventaire" }],
    ["de", { name: "Boutique", tagline: "Mode chic", description: "Depuis 1990", closedMessage: "Fermé pour inventaire" }],
  ] as const)("%s falls back field by field to the default locale", (locale, texts) => {
    expect(storeTextsFor(rows, locale, "fr", "Old name")).toEqual(texts);
  });
  it("uses the store's name when there are no texts at all", () => {
    expect(storeTextsFor([], "en", "fr", "Old name")).toEqual({ name: "Old name", tagline: "", description: "", closedMessage: "" });
  });
});
