import { describe, expect, it } from "vitest";
import { DEFAULT_TIME_ZONE } from "@/lib/time";
import { couponFormSchema } from "./schema";

const schema = couponFormSchema("EUR", DEFAULT_TIME_ZONE);
const base = { code: "bienvenue10", kind: "PERCENT", percent: "10" };

describe("couponFormSchema", () => {
  it("parses a percentage coupon into basis points and an upper-cased code", () => {
    const parsed = schema.parse({ ...base, cap: "20", minimum: "50,00", perCustomerLimit: "1", totalLimit: "100", combinable: "on" });
    expect(parsed).toMatchObject({
      code: "BIENVENUE10",
      kind: "PERCENT",
      percentBasisPoints: 1000,
      amountCents: null,
      maxDiscountCents: 2000,
      minSubtotalCents: 5000,
      perCustomerLimit: 1,
      totalLimit: 100,
      combinable: true,
    });
  });

  it.each([
    ["12,5", 1250],
    ["0.01", 1],
    ["100", 10000],
  ])("percent %s -> %i bp", (percent, bp) => {
    expect(schema.parse({ ...base, percent }).percentBasisPoints).toBe(bp);
  });

  it("parses a fixed coupon", () => {
    expect(schema.parse({ code: "FIVE", kind: "FIXED", amount: "4.50" })).toMatchObject({ amountCents: 450, percentBasisPoints: null, combinable: false });
  });

  it.each([
    [{ code: "" }, "code", "required"],
    [{ kind: "BOGO" }, "kind", "required"],
    [{ code: "no/slash" }, "code", "invalidCode"],
    [{ percent: "0" }, "percent", "invalidPercent"],
    [{ percent: "100.01" }, "percent", "invalidPercent"],
    [{ percent: "-5" }, "percent", "invalidPercent"],
    [{ percent: "" }, "percent", "required"],
    [{ kind: "FIXED", amount: "" }, "amount", "required"],
    [{ kind: "FIXED", amount: "0" }, "amount", "invalidAmount"],
    [{ kind: "FIXED", amount: "1.234" }, "amount", "invalidAmount"],
    [{ totalLimit: "0" }, "totalLimit", "invalidNumber"],
    [{ perCustomerLimit: "1.5" }, "perCustomerLimit", "invalidNumber"],
    [{ startsAt: "2026-13-01T10:00" }, "startsAt", "invalidDate"],
    [{ startsAt: "2026-06-02T10:00", endsAt: "2026-06-02T10:00" }, "endsAt", "datesOrder"],
  ] as const)("%j -> %s: %s", (overrides, field, error) => {
    const result = schema.safeParse({ ...base, ...overrides });
    expect(result.success).toBe(false);
    // The first issue of each field is the one the form shows: its message is the key.
    if (!result.success) expect(result.error.issues.find((issue) => issue.path[0] === field)?.message).toBe(error);
  });
});

describe("coupon dates in the store's zone", () => {
  // lib/time.test.ts covers the conversion itself; here: the schema reads dates in the zone it is given.
  it.each([
    ["Europe/Luxembourg", "2026-01-15T10:00", "2026-01-15T09:00:00.000Z"],
    ["Europe/Luxembourg", "2026-07-15T10:00", "2026-07-15T08:00:00.000Z"],
    ["Asia/Kathmandu", "2026-01-15T10:00", "2026-01-15T04:15:00.000Z"],
    ["America/New_York", "2026-01-15T10:00", "2026-01-15T15:00:00.000Z"],
  ])("in %s, %s starts at %s", (zone, wall, iso) => {
    const parsed = couponFormSchema("EUR", zone).parse({ ...base, startsAt: wall });
    expect(parsed.startsAt?.toISOString()).toBe(iso);
  });
});
