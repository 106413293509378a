import { describe, expect, it } from "vitest";
import { generateCardNumber } from "./card-number";
import { canPublish, MAX_MOVEMENT } from "./rules";
import { dateFormatOf, earnFormSchema, formatBirthday, joinFormSchema, parseBirthday, parseLookup, parseSpend, programFormSchema, reverseFormSchema, rewardFormSchema, rewardOnlineValueSchema } from "./schema";

const TODAY = new Date(Date.UTC(2026, 11, 2));
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe("birthdays in the locale's format", () => {
  it.each([
    ["en", "22/11/1990", ["day", "month", "year"], "/"],
    ["fr", "22/11/1990", ["day", "month", "year"], "/"],
    ["de", "22.11.1990", ["day", "month", "year"], "."],
    ["lb", "22.11.1990", ["day", "month", "year"], "."],
  ] as const)("%s writes %s", (locale, written, order, separator) => {
    expect(dateFormatOf(locale)).toEqual({ order, separator });
    expect(formatBirthday(utc(1990, 11, 22), locale)).toBe(written);
    expect(parseBirthday(written, locale)).toEqual(utc(1990, 11, 22));
  });

  it.each([
    ["1990-11-22", "en", utc(1990, 11, 22)],
    ["2.3.1985", "de", utc(1985, 3, 2)],
    ["02 03 1985", "fr", utc(1985, 3, 2)],
    ["31/02/1990", "en", null],
    ["22/11/90", "en", null],
    ["1990/11/22", "en", null],
    ["hello", "fr", null],
    ["01/01/1850", "en", null],
  ] as const)("%j in %s", (raw, locale, expected) => {
    expect(parseBirthday(raw, locale)).toEqual(expected);
  });
});

describe("joinFormSchema", () => {
  const base = { email: " Lea@Example.TEST ", name: "Léa", phone: "", birthday: "", terms: "on" };
  it("normalizes the email and leaves optional fields empty", () => {
    expect(joinFormSchema("fr", TODAY).parse(base)).toEqual({ email: "lea@example.test", name: "Léa", phone: null, birthday: null });
  });
  it.each([
    ["no terms", { terms: undefined }, "terms", "termsRequired"],
    ["bad email", { email: "lea" }, "email", "invalidEmail"],
    ["no name", { name: " " }, "name", "required"],
    ["future birthday", { birthday: "03/12/2026" }, "birthday", "birthdayInFuture"],
    ["impossible birthday", { birthday: "30/02/2000" }, "birthday", "invalidDate"],
    ["bad phone", { phone: "call me" }, "phone", "invalidPhone"],
  ])("%s", (_label, patch, field, message) => {
    const result = joinFormSchema("fr", TODAY).safeParse({ ...base, ...patch });
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((i) => i.path[0] === field)?.message).toBe(message);
  });
  it("accepts a birthday of today", () => {
    expect(joinFormSchema("de", TODAY).parse({ ...base, birthday: "02.12.2026" }).birthday).toEqual(TODAY);
  });
});

describe("programFormSchema", () => {
  const base = { type: "POINTS", pointsPerUnit: "1", welcomeBonus: "50", stampsPerVisit: "", cooldownMinutes: "30", dailyCap: "", termsText_en: "", termsText_fr: "", termsText_de: "", termsText_lb: "", termsUrl: "" };
  it("saves a draft without terms", () => {
    expect(programFormSchema.parse(base)).toMatchObject({ status: "DRAFT", pointsPerUnit: 1, welcomeBonus: 50, cooldownMinutes: 30, dailyCap: null });
  });
  it("refuses to publish without terms", () => {
    const result = programFormSchema.safeParse({ ...base, publish: "true" });
    expect(result.error!.issues[0]).toMatchObject({ path: ["termsText"], message: "termsMissing" });
  });
  it.each([
    ["text in one language", { termsText_de: "Punkte verfallen nie." }],
    ["link", { termsUrl: "https://example.test/terms" }],
  ])("publishes with terms as a %s", (_label, patch) => {
    expect(programFormSchema.parse({ ...base, ...patch, publish: "true" }).status).toBe("ACTIVE");
  });
  it.each([
    ["points need points per unit", { pointsPerUnit: "" }, "pointsPerUnit", "required"],
    ["stamps need stamps per visit", { type: "STAMPS" }, "stampsPerVisit", "required"],
    ["negative cooldown", { cooldownMinutes: "-5" }, "cooldownMinutes", "invalidNumber"],
    ["zero cap", { dailyCap: "0" }, "dailyCap", "invalidNumber"],
    ["a terms link that is not http", { termsUrl: "javascript:alert(1)" }, "termsUrl", "invalidUrl"],
  ])("%s", (_label, patch, field, message) => {
    const result = programFormSchema.safeParse({ ...base, ...patch });
    expect(result.error!.issues.find((i) => i.path[0] === field)?.message).toBe(message);
  });
  it("keeps a terms text per locale, blank ones left out", () => {
    const parsed = programFormSchema.parse({ ...base, termsText_fr: " Les points n’expirent pas. ", termsText_lb: "D’Punkten verfalen net.", termsText_de: "  " });
    expect(parsed.termsTexts).toEqual({ fr: "Les points n’expirent pas.", lb: "D’Punkten verfalen net." });
  });
  it("canPublish", () => {
    expect(canPublish({ termsTexts: { en: " " }, termsUrl: null })).toBe(false);
    expect(canPublish({ termsTexts: {}, termsUrl: null })).toBe(false);
    expect(canPublish({ termsTexts: { lb: "x" }, termsUrl: null })).toBe(true);
    expect(canPublish({ termsTexts: {}, termsUrl: "https://example.test/terms" })).toBe(true);
  });
});

describe("parseLookup", () => {
  const number = generateCardNumber((n) => Uint8Array.from({ length: n }, (_, i) => i));
  it.each([
    [number, { kind: "number", number }],
    [number.toLowerCase().replace(/-/g, " "), { kind: "number", number }],
    [" Lea@Example.test ", { kind: "email", email: "lea@example.test" }],
    ["ABCD-EFGH-JKMN", null],
    ["lea@", null],
    ["", null],
  ])("%j", (raw, expected) => {
    expect(parseLookup(raw)).toEqual(expected);
  });
});

describe("parseSpend", () => {
  it.each([
    ["12", 2, { ok: true, cents: 1200 }],
    ["12,5", 2, { ok: true, cents: 1250 }],
    ["12.50", 2, { ok: true, cents: 1250 }],
    ["500", 0, { ok: true, cents: 500 }],
    ["0", 2, { ok: false, error: "invalidAmount" }],
    ["-5", 2, { ok: false, error: "invalidAmount" }],
    ["1.234", 2, { ok: false, error: "invalidAmount" }],
    ["1e5", 2, { ok: false, error: "invalidAmount" }],
    ["", 2, { ok: false, error: "required" }],
    ["100001", 2, { ok: false, error: "amountTooLarge" }],
    ["999999999999", 2, { ok: false, error: "amountTooLarge" }],
  ] as const)("%j with %i digits", (raw, digits, expected) => {
    expect(parseSpend(raw, digits, 10_000_000)).toEqual(expected);
  });
});

describe("the terminal's forms", () => {
  const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    result.error?.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));

  it("earns a visit without an amount, points for an amount in minor units, and names a bad amount's key", () => {
    expect(earnFormSchema(2).parse({})).toEqual({ spendCents: null });
    expect(earnFormSchema(2).parse({ spend: "12,50" })).toEqual({ spendCents: 1250 });
    expect(earnFormSchema(0).parse({ spend: "500" })).toEqual({ spendCents: 500 });
    expect(issues(earnFormSchema(2).safeParse({ spend: "-3" }))).toEqual([{ path: "spend", message: "invalidAmount" }]);
    expect(issues(earnFormSchema(2).safeParse({ spend: "" }))).toEqual([{ path: "spend", message: "required" }]);
    expect(issues(earnFormSchema(2).safeParse({ spend: String(MAX_MOVEMENT + 1) }))).toEqual([{ path: "spend", message: "amountTooLarge" }]);
    expect(issues(earnFormSchema(2).safeParse({ spend: 12 }))).toEqual([{ path: "spend", message: "invalidAmount" }]);
  });

  it("a reversal needs a reason of at most 300 characters", () => {
    expect(reverseFormSchema.parse({ reason: "  Typo " })).toEqual({ reason: "Typo" });
    expect(issues(reverseFormSchema.safeParse({}))).toEqual([{ path: "reason", message: "required" }]);
    expect(issues(reverseFormSchema.safeParse({ reason: " " }))).toEqual([{ path: "reason", message: "required" }]);
    expect(issues(reverseFormSchema.safeParse({ reason: "x".repeat(301) }))).toEqual([{ path: "reason", message: "tooLong" }]);
  });
});

describe("a reward's online value", () => {
  const issues = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
    Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

  it.each([
    ["5", "EUR", { valueCents: 500, currency: "EUR" }],
    ["4,50", "eur", { valueCents: 450, currency: "EUR" }],
    ["500", "JPY", { valueCents: 500, currency: "JPY" }],
    ["", "EUR", null],
    ["", "", null],
  ])("%j in %j is %j", (onlineValue, onlineCurrency, online) => {
    expect(rewardFormSchema.parse({ cost: "100", name_en: "Coffee", onlineValue, onlineCurrency }).online).toEqual(online);
    expect(rewardOnlineValueSchema.parse({ rewardId: "r1", onlineValue, onlineCurrency })).toEqual({ rewardId: "r1", online });
  });

  it.each([
    ["0", "EUR", { onlineValue: "invalidAmount" }],
    ["-1", "EUR", { onlineValue: "invalidAmount" }],
    ["1.005", "EUR", { onlineValue: "invalidAmount" }],
    ["1.5", "JPY", { onlineValue: "invalidAmount" }],
    ["99999999999", "EUR", { onlineValue: "amountTooLarge" }],
    ["5", "€", { onlineCurrency: "currencyNotOffered" }],
    ["5", "", { onlineCurrency: "currencyNotOffered" }],
  ])("%j in %j is refused: %j", (onlineValue, onlineCurrency, expected) => {
    expect(issues(rewardOnlineValueSchema.safeParse({ rewardId: "r1", onlineValue, onlineCurrency }))).toEqual(expected);
  });
});
