import "server-only";
import { currencyDigits, minorToDecimal } from "@/lib/money";
import { csvField, csvLine } from "@/lib/reports/csv";
import { formatSortableDateTime } from "@/lib/time";
import { exportCardBatches, exportLedgerBatches } from "./data";
import type { ExportAccess } from "./loaders";

export const CARD_COLUMNS = ["last4", "source", "currency", "initial", "balance", "status", "expiresAt", "recipientName", "recipientEmail", "buyerEmail", "store", "createdAt"] as const;
export const LEDGER_COLUMNS = ["time", "last4", "currency", "kind", "amount", "balanceAfter", "store", "order", "actor", "reason", "transactionId"] as const;
export type CsvColumn = (typeof CARD_COLUMNS)[number] | (typeof LEDGER_COLUMNS)[number];

/**
 * The gift-card CSV of an allowed export: every card of the merchant (kind "cards") or the
 * ledger rows of the period (kind "ledger"), as a byte stream read batch by batch. Money is in
 * major units with a dot, times are wall times in the merchant's zone, codes never appear
 * (only their last four characters).
 */
/** A decimal amount written by minorToDecimal: digits, a dot and a sign only, never a formula. */
class Amount {
  constructor(readonly text: string) {}
}

function line(values: ReadonlyArray<string | number | null | Amount>): string {
  return `${values.map((v) => (v instanceof Amount ? v.text : csvField(v))).join(",")}\r\n`;
}

export function giftCardCsvStream(access: Extract<ExportAccess, { ok: true }>, header: (column: CsvColumn) => string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const tz = access.timeZone;
  const when = (instant: Date | null) => (instant ? formatSortableDateTime(instant, tz) : null);
  // Amounts are written as numbers ("-12.50"): csvField would guard a leading minus as a formula.
  const money = (cents: number, currency: string) => new Amount(minorToDecimal(cents, currencyDigits(currency)));
  const lines: AsyncGenerator<string> =
    access.kind === "cards"
      ? (async function* () {
          for await (const batch of exportCardBatches(access.merchantId)) {
            yield batch
              .map((c) =>
                line([
                  c.last4,
                  c.source,
                  c.currency,
                  money(c.initialCents, c.currency),
                  money(c.balanceCents, c.currency),
                  c.status,
                  when(c.expiresAt),
                  c.recipientName,
                  c.recipientEmail,
                  c.buyerEmail,
                  c.storeName,
                  when(c.createdAt),
                ]),
              )
              .join("");
          }
        })()
      : (async function* () {
          for await (const batch of exportLedgerBatches(access.merchantId, access.period, tz)) {
            yield batch
              .map((l) =>
                line([
                  when(l.createdAt),
                  l.last4,
                  l.currency,
                  l.kind,
                  money(l.amountCents, l.currency),
                  money(l.balanceAfterCents, l.currency),
                  l.storeName,
                  l.orderNumber,
                  l.actorEmail,
                  l.reason,
                  l.transactionId,
                ]),
              )
              .join("");
          }
        })();
  const columns: readonly CsvColumn[] = access.kind === "cards" ? CARD_COLUMNS : LEDGER_COLUMNS;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // The byte order mark makes spreadsheet programs read the file as UTF-8.
      controller.enqueue(encoder.encode(`\uFEFF${csvLine(columns.map(header))}`));
    },
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
}
