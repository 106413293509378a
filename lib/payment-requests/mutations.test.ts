import { describe, expect, it } from "vitest";
import { madeUpReference, payerLookupKey } from "./mutations";
import { REFERENCE_MAX } from "./schema";

describe("payerLookupKey", () => {
  it("is the email when there is one", () => {
    expect(payerLookupKey("Léa Muller", "lea@example.test")).toBe("email:lea@example.test");
  });

  it("is the name, trimmed and lower-cased, without an email", () => {
    expect(payerLookupKey("  Léa MULLER ", null)).toBe("name:léa muller");
    expect(payerLookupKey("léa muller", null)).toBe(payerLookupKey("LÉA Muller", null));
  });

  it("never confuses a name with an email", () => {
    expect(payerLookupKey("lea@example.test", null)).not.toBe(payerLookupKey("Lea", "lea@example.test"));
  });
});

describe("madeUpReference", () => {
  it("is the same for the same merchant and form, so a resubmitted form bills once", () => {
    expect(madeUpReference("m1", "form-key-0123456789")).toBe(madeUpReference("m1", "form-key-0123456789"));
  });

  it("differs for another form or another merchant", () => {
    const reference = madeUpReference("m1", "form-key-0123456789");
    expect(madeUpReference("m1", "form-key-0123456780")).not.toBe(reference);
    expect(madeUpReference("m2", "form-key-0123456789")).not.toBe(reference);
  });

  it("is short, readable and fits a reference", () => {
    for (const key of ["a".repeat(16), "b".repeat(64), "x-y_z0123456789AB"]) {
      const reference = madeUpReference("cmerchant123", key);
      expect(reference).toMatch(/^R-[A-HJ-NP-Z2-9]{8}$/);
      expect(reference.length).toBeLessThanOrEqual(REFERENCE_MAX);
    }
  });
});
