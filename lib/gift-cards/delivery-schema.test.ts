import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changeRecipientSchema, resendDeliverySchema } from "./delivery-schema";

const nasty = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.constantFrom("\u0000", "Jo\u0000s", "x".repeat(5_000), "é💥", "", " ", "a@b.lu\u0007"),
  fc.anything(),
);

describe("the gift-card delivery forms", () => {
  it("never throw and let no control character through", () => {
    fc.assert(
      fc.property(nasty, nasty, nasty, (cardId, name, email) => {
        for (const result of [changeRecipientSchema.safeParse({ cardId, name, email }), resendDeliverySchema.safeParse({ cardId })]) {
          if (result.success) expect(JSON.stringify(result.data)).not.toMatch(/\\u00[01][0-9a-f]/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("read a recipient, trimmed and with the address in its canonical form", () => {
    expect(changeRecipientSchema.parse({ cardId: "ck1abc", name: "  Marie\u0000 ", email: " Marie@Example.LU " })).toEqual({ cardId: "ck1abc", name: "Marie", email: "marie@example.lu" });
  });

  it("refuse what is not a card id, a name or an address, with the keys the form shows", () => {
    const result = changeRecipientSchema.safeParse({ cardId: "x'; --", name: "", email: "nope" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["cardId", "notFound"],
      ["name", "required"],
      ["email", "invalidEmail"],
    ]);
    expect(changeRecipientSchema.safeParse({ cardId: "ck1", name: "M".repeat(121), email: "m@example.lu" }).error!.issues[0]!.message).toBe("nameTooLong");
  });
});
