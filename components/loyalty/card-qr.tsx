import type { QrDrawing } from "@/lib/qr";

/**
 * A card's QR code as an SVG (crisp on screen and in print), from its drawing made on the server
 * (qrDrawing), so that the join form, a client component, ships no QR encoder.
 */
export function CardQr({ number, qr, label, size = 176 }: { number: string; qr: QrDrawing; label: string; size?: number }) {
  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${qr.extent} ${qr.extent}`} shapeRendering="crispEdges" data-qr={number} className="bg-white">
      <rect width={qr.extent} height={qr.extent} fill="#ffffff" />
      <path d={qr.path} fill="#000000" />
    </svg>
  );
}

/** The printable card: store, number and QR. */
export function LoyaltyCardView({
  number,
  qr,
  title,
  numberLabel,
  qrLabel,
}: {
  number: string;
  qr: QrDrawing;
  title: string;
  numberLabel: string;
  qrLabel: string;
}) {
  return (
    <figure className="flex flex-col items-center gap-3 rounded-xl border border-slate-300 bg-white p-6 shadow-sm" data-testid="loyalty-card">
      <figcaption className="text-sm font-semibold uppercase tracking-wide text-slate-600">{title}</figcaption>
      <CardQr number={number} qr={qr} label={qrLabel} />
      <p className="text-sm text-slate-600">{numberLabel}</p>
      <p className="font-mono text-2xl font-bold tracking-widest" data-testid="card-number">
        {number}
      </p>
    </figure>
  );
}
