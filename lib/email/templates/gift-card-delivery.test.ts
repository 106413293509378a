import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/locales";
import { renderEmail } from "../render";

const base = {
  kind: "recipient" as const,
  storeName: "Bakery Schmit",
  recipientName: "Léa",
  code: "7KQM-4XRT-9HCP-WV2D",
  amountCents: 5000,
  currency: "EUR",
  expiresOn: "2027-12-07",
  message: "Happy birthday, Léa!",
  storefrontUrl: "http://bakeryschmit.localhost:3000/fr",
  balanceUrl: "http://bakeryschmit.localhost:3000/fr/gift-cards/balance",
  certificateUrl: "http://bakeryschmit.localhost:3000/fr/gift-cards/certificate?t=sealed",
};

describe("the gift-card delivery email", () => {
  it.each(LOCALES)("carries the code, its QR code, the message, the balance, the expiry and the links (%s)", async (locale) => {
    const { html, text, subject } = await renderEmail("gift-card-delivery", locale, base);
    expect(subject).toContain("Bakery Schmit");
    for (const body of [html, text]) {
      expect(body).toContain("7KQM-4XRT-9HCP-WV2D");
      expect(body).toContain("Happy birthday, Léa!");
      expect(body).toMatch(/50[.,]00/);
      expect(body).toContain("2027");
    }
    expect(html).toContain('data-qr="7KQM4XRT9HCPWV2D"');
    for (const url of [base.storefrontUrl, base.balanceUrl, base.certificateUrl]) expect(html).toContain(`href="${url}"`);
  });

  it("says when a card does not expire, and tells the buyer whom they sent it to and when", async () => {
    const never = await renderEmail("gift-card-delivery", "en", { ...base, expiresOn: null, message: null });
    expect(never.text).toContain("This gift card does not expire.");
    expect(never.text).not.toContain("Personal message");

    const copy = await renderEmail("gift-card-delivery", "en", { ...base, kind: "buyerCopy", deliverOn: "2026-12-24" });
    expect(copy.subject).toBe("Your gift card for Léa at Bakery Schmit");
    expect(copy.text).toContain("Léa will receive your gift card for Bakery Schmit by email on 24 December 2026.");
    expect(copy.text).toContain("7KQM-4XRT-9HCP-WV2D");

    const bonus = await renderEmail("gift-card-delivery", "de", { ...base, kind: "bonus", recipientName: null, message: null, amountCents: 1000 });
    expect(bonus.subject).toBe("Ihr Bonusgutschein von Bakery Schmit");
    expect(bonus.text).toMatch(/10,00\s?€/);
  });
});
