import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import { createTranslator } from "use-intl/core";
import { formatterFor } from "@/lib/i18n/format";
import type { Locale } from "@/lib/locales";
import { formatMoney } from "@/lib/money";
import { qrMatrix } from "@/lib/qr";
import { dayKeyToUtcDate } from "@/lib/time";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import lb from "@/messages/lb.json";
import { formatGiftCardCode } from "./code";

/**
 * The printable certificate of a gift card: one A4 page in the card's language with the store,
 * the amount, the code (grouped, and as a QR code), the personal message and the expiry. Drawn
 * with the PDF standard fonts, so nothing is embedded or downloaded. Pure: same input, same page.
 */
export interface CertificateInput {
  locale: Locale;
  storeName: string;
  /** The storefront's address, printed in "how to use" ("fashionhub.example.com"). */
  storefront: string;
  /** The compact code. */
  code: string;
  amountCents: number;
  currency: string;
  recipientName: string | null;
  message: string | null;
  /** The last valid day ("YYYY-MM-DD"), null: does not expire. */
  expiresOn: string | null;
}

type Messages = typeof en;
const CATALOGS: Record<Locale, Messages> = { en, fr: fr as Messages, de: de as Messages, lb: lb as Messages };

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const INK = rgb(0.06, 0.09, 0.16);
const MUTED = rgb(0.28, 0.33, 0.41);

export async function renderCertificatePdf(input: CertificateInput): Promise<Uint8Array> {
  const t = createTranslator({ locale: input.locale, messages: CATALOGS[input.locale], namespace: "GiftCards.certificate", timeZone: "UTC" });
  const doc = await PDFDocument.create();
  const title = `${t("title")} · ${input.storeName}`;
  doc.setTitle(printable(title));
  doc.setLanguage(input.locale);
  doc.setProducer("Patron");
  doc.setCreator("Patron");
  // Fixed dates: the same card gives the same file.
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  const page = doc.addPage([PAGE.width, PAGE.height]);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const mono = await doc.embedFont(StandardFonts.CourierBold);
  const width = PAGE.width - 2 * MARGIN;

  page.drawRectangle({ x: MARGIN / 2, y: MARGIN / 2, width: PAGE.width - MARGIN, height: PAGE.height - MARGIN, borderColor: MUTED, borderWidth: 1.5 });
  let y = PAGE.height - MARGIN - 30;
  y = centered(page, input.storeName, bold, 26, y, INK);
  y = centered(page, t("title"), regular, 18, y - 14, MUTED);
  if (input.recipientName) y = centered(page, t("forName", { name: input.recipientName }), regular, 16, y - 18, INK);

  y -= 40;
  y = centered(page, t("value"), regular, 12, y, MUTED);
  y = centered(page, formatMoney(input.amountCents, input.currency, input.locale), bold, 40, y - 10, INK);

  if (input.message) {
    y -= 30;
    y = centered(page, t("messageLabel"), regular, 12, y, MUTED);
    for (const line of wrap(input.message, regular, 13, width).slice(0, 12)) y = centered(page, line, regular, 13, y - 4, INK);
  }

  y -= 36;
  y = centered(page, t("code"), regular, 12, y, MUTED);
  y = centered(page, formatGiftCardCode(input.code), mono, 24, y - 8, INK);

  const matrix = qrMatrix(input.code);
  const cell = 4;
  const side = (matrix.length + 8) * cell;
  const qrX = (PAGE.width - side) / 2;
  const qrTop = y - 16;
  page.drawRectangle({ x: qrX, y: qrTop - side, width: side, height: side, color: rgb(1, 1, 1) });
  matrix.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (dark) page.drawRectangle({ x: qrX + (c + 4) * cell, y: qrTop - (r + 5) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
    }),
  );
  y = qrTop - side - 20;

  const expiry = input.expiresOn
    ? t("expires", { date: formatterFor(input.locale, "UTC").dateTime(dayKeyToUtcDate(input.expiresOn), { dateStyle: "long" }) })
    : t("noExpiry");
  y = centered(page, expiry, bold, 13, y, INK);
  for (const line of wrap(t("howToUse", { url: input.storefront }), regular, 11, width)) y = centered(page, line, regular, 11, y - 6, MUTED);

  return doc.save({ useObjectStreams: false });
}

/** Draws `text` centred on the page with its baseline `size` below `top`; returns the new baseline. */
function centered(page: PDFPage, text: string, font: PDFFont, size: number, top: number, color: ReturnType<typeof rgb>): number {
  const safe = printable(text, font);
  const baseline = top - size;
  page.drawText(safe, { x: (PAGE.width - font.widthOfTextAtSize(safe, size)) / 2, y: baseline, size, font, color });
  return baseline;
}

/** Lines of at most `width` points, broken between words (and inside a word longer than a line). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(printable(candidate, font), size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (font.widthOfTextAtSize(printable(line, font), size) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(printable(line.slice(0, cut), font), size) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * `text` in what the standard fonts can draw (Windows-1252): Intl's narrow and non-breaking
 * spaces become spaces, and any other character they lack becomes "?".
 */
function printable(text: string, font?: PDFFont): string {
  const spaced = text.replace(/[\u00a0\u2007\u202f]/g, " ");
  if (!font) return spaced.replace(/[^\u0020-\u00ff€–—‘’“”•…]/g, "?");
  let out = "";
  for (const ch of spaced) {
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      out += "?";
    }
  }
  return out;
}
