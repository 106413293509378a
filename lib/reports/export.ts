import "server-only";
import { formatSortableDateTime } from "@/lib/time";
import { currencyDigits, minorToDecimal } from "@/lib/money";
import { csvLine } from "./csv";
import { exportOrderBatches } from "./data";
import type { ReportSelection } from "./loaders";

export const EXPORT_COLUMNS = [
  "number",
  "store",
  "placedAt",
  "status",
  "email",
  "currency",
  "subtotal",
  "discount",
  "total",
  "coupons",
  "paidAt",
  "refundedAt",
  "cancelledAt",
  "paymentWaived",
] as const;

/**
 * The orders of a report selection as a CSV byte stream: a header line (`header` gives each
 * column's title), then one line per order, read batch by batch as the client consumes them.
 * Money is in major units with a dot; times are local to the report's time zone. paymentWaived is
 * true for orders completed without payment below the payment minimum (never revenue).
 */
export function ordersCsvStream(selection: ReportSelection, header: (column: (typeof EXPORT_COLUMNS)[number]) => string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = exportOrderBatches(selection.merchantId, selection.storeIds, selection.period, selection.timeZone);
  const tz = selection.timeZone;
  const when = (instant: Date | null) => (instant ? formatSortableDateTime(instant, tz) : null);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // The byte order mark makes spreadsheet programs read the file as UTF-8.
      controller.enqueue(encoder.encode(`\uFEFF${csvLine(EXPORT_COLUMNS.map(header))}`));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      let chunk = "";
      for (const o of next.value) {
        const digits = currencyDigits(o.currency);
        chunk += csvLine([
          o.number,
          o.storeSlug,
          when(o.createdAt),
          o.status,
          o.email,
          o.currency,
          minorToDecimal(o.subtotalCents, digits),
          minorToDecimal(o.discountCents, digits),
          minorToDecimal(o.totalCents, digits),
          o.couponCodes,
          when(o.paidAt),
          when(o.refundedAt),
          when(o.cancelledAt),
          String(o.paymentWaived),
        ]);
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
