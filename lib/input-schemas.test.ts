import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { LOCALES } from "@/lib/locales";
import { rewardFormSchema } from "@/lib/loyalty/schema";
import { DEFAULT_TIME_ZONE } from "@/lib/time";

/**
 * Every input schema of every domain (lib/<domain>/schema.ts), fed random, huge, unicode, NUL and
 * wrong-type values: parsing never throws, and what a schema lets through never holds a control
 * character (PostgreSQL refuses NUL; none of the others means anything in our inputs) other than
 * the line breaks and tabs of a multi-line text. A refusal is a zod error, which every action turns
 * into its translated field messages.
 */

const modules = import.meta.glob<Record<string, unknown>>("./*/schema.ts", { eager: true });

const TODAY = new Date(Date.UTC(2026, 11, 7));
/** Arguments for the schema factories; a new factory must be added here (the test says so). */
const FACTORY_ARGS: Record<string, unknown[][]> = {
  productFormSchema: [[{ currency: "EUR", defaultLocale: "fr", locales: ["fr", "en"] }], [{ currency: "JPY", defaultLocale: "lb", locales: ["lb"] }]],
  couponFormSchema: [["EUR", DEFAULT_TIME_ZONE], ["JPY", "Asia/Tokyo"]],
  joinFormSchema: [["fr", TODAY], ["lb", TODAY]],
  earnFormSchema: [[2], [0], [3]],
  counterDebitSchema: [[2], [0], [3]],
  balanceAdjustmentSchema: [[2], [0], [3]],
  placeOrderFormSchema: [[false], [true]],
  storeSettingsSchema: [[{ defaultLocale: "fr", locales: ["fr", "en", "de", "lb"] }]],
  domainFormSchema: [["localhost:3000"], ["patron.lu"]],
  formEmailSchema: [[{ missing: "required", tooLong: "tooLong" }]],
  signUpFormSchema: [[true], [false]],
  joinWithCodeSchema: [[true], [false]],
  acceptInvitationSchema: [[true], [false]],
  addGiftCardSchema: [["2026-12-07"], ["2027-02-28"]],
  refundFormSchema: [["EUR"], ["JPY"], ["BHD"]],
};
/** Exported functions named like schemas that parse a form themselves (fuzzed apart below). */
const NOT_FACTORIES = new Set<string>([]);

interface Def {
  type: string;
  shape?: Record<string, ZodLike>;
  in?: ZodLike;
  out?: ZodLike;
  innerType?: ZodLike;
  element?: ZodLike;
  entries?: Record<string, string>;
  options?: ZodLike[];
}
type ZodLike = { _zod: { def: Def }; safeParse: (value: unknown) => z.ZodSafeParseResult<unknown> };

function isSchema(value: unknown): value is ZodLike {
  return typeof value === "object" && value !== null && "_zod" in value && "safeParse" in value;
}

const nastyString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "\u0000",
    "AB\u0000CD",
    "BIENVENUE\u000010",
    "\u0000\u0000\u0000",
    "line\r\nbreak\ttab\u0007bell",
    "x".repeat(100_000),
    "é".repeat(5_000),
    "léa@exämple.lu",
    "lea@example.test\u0000",
    "💥🧨",
    "\u202eevil",
    "'; DROP TABLE \"Order\"; --",
    "<script>alert(1)</script>",
    "1e309",
    "-1",
    "NaN",
    "Infinity",
    "0x10",
    "  ",
  ),
);
const plausibleString = fc.constantFrom(
  "abc123",
  "cm0abc123def456",
  "BIENVENUE10",
  "Léa Müller",
  "lea@example.test",
  "10",
  "12,50",
  "2026-12-07",
  "2026-12-07T10:00",
  "22/11/1990",
  "on",
  "true",
  "fr",
  "en",
  "all",
  "https://example.test/terms",
  "+352 621 123 456",
  "three spicy napkins",
);
const anyValue = fc.oneof(
  nastyString,
  plausibleString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(nastyString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), nastyString, { maxKeys: 3 }),
);

/** Values shaped after the schema where it can be read (objects, enums, arrays), anything elsewhere. */
function valuesFor(schema: ZodLike, depth = 0): fc.Arbitrary<unknown> {
  const def = schema._zod.def;
  if (depth > 6) return anyValue;
  switch (def.type) {
    case "object": {
      const shape = def.shape ?? {};
      const fields = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, fc.oneof(valuesFor(field, depth + 1), anyValue)]));
      return fc.oneof({ weight: 9, arbitrary: fc.record(fields, { requiredKeys: [] }) }, { weight: 1, arbitrary: anyValue });
    }
    case "pipe":
      return fc.oneof(valuesFor(def.in!, depth + 1), valuesFor(def.out!, depth + 1));
    case "optional":
    case "nullable":
    case "default":
    case "catch":
    case "readonly":
      return valuesFor(def.innerType!, depth + 1);
    case "enum":
      return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...Object.values(def.entries ?? { x: "x" })) }, { weight: 1, arbitrary: anyValue });
    case "array":
      return fc.oneof(fc.array(valuesFor(def.element!, depth + 1), { maxLength: 4 }), anyValue);
    case "union":
      return fc.oneof(...(def.options ?? []).map((o) => valuesFor(o, depth + 1)), anyValue);
    case "string":
      return fc.oneof(nastyString, plausibleString);
    default:
      return anyValue;
  }
}

/** Every string inside a parsed value that holds a control character other than \n, \r, \t. */
function controlCharacterStrings(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === "string") return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value) ? [value] : [];
  if (typeof value !== "object" || value === null || seen.has(value) || value instanceof Date) return [];
  seen.add(value);
  return Object.values(value).flatMap((v) => controlCharacterStrings(v, seen));
}

function schemasOf(): Array<[string, ZodLike]> {
  const out: Array<[string, ZodLike]> = [];
  for (const [file, exports] of Object.entries(modules)) {
    const domain = file.split("/")[1];
    for (const [name, value] of Object.entries(exports)) {
      if (isSchema(value)) out.push([`${domain}.${name}`, value]);
      else if (typeof value === "function" && /Schema$/.test(name) && !NOT_FACTORIES.has(name)) {
        const argSets = FACTORY_ARGS[name];
        if (!argSets) throw new Error(`${domain}.${name} looks like a schema factory: give its arguments in FACTORY_ARGS`);
        argSets.forEach((args, i) => {
          const schema = (value as (...a: unknown[]) => unknown)(...args);
          if (!isSchema(schema)) throw new Error(`${domain}.${name} did not return a schema`);
          out.push([`${domain}.${name}#${i}`, schema]);
        });
      }
    }
  }
  return out;
}

const schemas = schemasOf();

describe("every input schema, fuzzed", () => {
  it("finds the schemas of every domain", () => {
    expect(schemas.length).toBeGreaterThan(25);
    for (const domain of ["cart", "checkout", "coupons", "loyalty", "auth", "stores", "catalog", "staff", "onboarding", "email", "admin"]) {
      expect(schemas.some(([name]) => name.startsWith(`${domain}.`)), domain).toBe(true);
    }
  });

  for (const [name, schema] of schemas) {
    it(`${name}: never throws, never lets a control character through`, () => {
      fc.assert(
        fc.property(valuesFor(schema), (input) => {
          const result = schema.safeParse(input);
          if (result.success) expect(controlCharacterStrings(result.data)).toEqual([]);
          else expect(result.error.issues.length).toBeGreaterThan(0);
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe("form schemas with fields named per locale, fuzzed", () => {
  it("loyalty.rewardFormSchema: never throws, never lets a control character through", () => {
    const fields = ["cost", ...LOCALES.flatMap((l) => [`name_${l}`, `description_${l}`])];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...fields), fc.oneof(nastyString, plausibleString)), (values) => {
        const result = rewardFormSchema.safeParse(values);
        if (result.success) expect(controlCharacterStrings(result.data)).toEqual([]);
        else expect(result.error.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
