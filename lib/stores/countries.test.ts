import { describe, expect, it } from "vitest";
import { countryOptions, DEFAULT_SHIPPING_COUNTRIES, isCountryCode, parseCountryList } from "./countries";

describe("parseCountryList", () => {
  it.each([
    ["LU", { ok: true, codes: ["LU"] }],
    ["lu, be  fr;DE", { ok: true, codes: ["LU", "BE", "FR", "DE"] }],
    ["LU, LU, lu", { ok: true, codes: ["LU"] }],
    ["", { ok: false, error: "required" }],
    [" , ", { ok: false, error: "required" }],
    ["LU, XX", { ok: false, error: "invalid", code: "XX" }],
    ["EU", { ok: false, error: "invalid", code: "EU" }],
    ["UK", { ok: false, error: "invalid", code: "UK" }],
    ["Luxembourg", { ok: false, error: "invalid", code: "Luxembourg" }],
  ])("%j -> %j", (raw, expected) => {
    expect(parseCountryList(raw)).toEqual(expected);
  });
});

describe("countries", () => {
  it("the default is the 27 EU countries, Luxembourg first", () => {
    expect(DEFAULT_SHIPPING_COUNTRIES).toHaveLength(27);
    expect(DEFAULT_SHIPPING_COUNTRIES[0]).toBe("LU");
    expect(DEFAULT_SHIPPING_COUNTRIES.every(isCountryCode)).toBe(true);
  });

  it("names the options in the page's language, sorted by name", () => {
    expect(countryOptions(["LU", "DE", "BE"], "fr")).toEqual({
      options: [
        { code: "DE", name: "Allemagne" },
        { code: "BE", name: "Belgique" },
        { code: "LU", name: "Luxembourg" },
      ],
      preselected: "LU",
    });
    expect(countryOptions(["XX", "DE"], "de")).toEqual({ options: [{ code: "DE", name: "Deutschland" }], preselected: "DE" });
  });
});
