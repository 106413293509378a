import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/locales";
import { renderCertificatePdf, type CertificateInput } from "./certificate";

const input: CertificateInput = {
  locale: "en",
  storeName: "Bäckerei Schmit",
  storefront: "bakeryschmit.localhost:3000",
  code: "7KQM4XRT9HCPWV2D",
  amountCents: 5000,
  currency: "EUR",
  recipientName: "Léa",
  message: "Joyeux anniversaire ! 🎂 A very long message that needs more than one line to be printed on the certificate, because it keeps going on and on.",
  expiresOn: "2027-12-07",
};

describe("the gift certificate", () => {
  it.each(LOCALES)("is a one-page PDF in %s, whatever characters the texts hold", async (locale) => {
    const bytes = await renderCertificatePdf({ ...input, locale });
    expect(Buffer.from(bytes.slice(0, 5)).toString("latin1")).toBe("%PDF-");
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toContain("Schmit");
  });

  it("prints a card that does not expire, without a message or a name", async () => {
    const bytes = await renderCertificatePdf({ ...input, recipientName: null, message: null, expiresOn: null, currency: "CHF" });
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
  });

  it("gives the same file for the same card", async () => {
    expect(Buffer.from(await renderCertificatePdf(input)).equals(Buffer.from(await renderCertificatePdf(input)))).toBe(true);
  });
});
