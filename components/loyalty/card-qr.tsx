import { qrMatrix, qrSvgPath } from "@/lib/loyalty/qr";

/** A card's QR code as an SVG (crisp on screen and in print). Works on the server and in the browser. */
export function CardQr({ number, label, size = 176 }: { number: string; label: string; size?: number }) {
  const matrix = qrMatrix(number);
  const extent = matrix.length + 8;
  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${extent} ${extent}`} shapeRendering="crispEdges" data-qr={number} className="bg-white">
      <rect width={extent} height={extent} fill="#ffffff" />
      <path d={qrSvgPath(matrix)} fill="#000000" />
    </svg>
  );
}

/** The printable card: store, number and QR. */
export function LoyaltyCardView({ number, title, numberLabel, qrLabel }: { number: string; title: string; numberLabel: string; qrLabel: string }) {
  return (
    <figure className="flex flex-col items-center gap-3 rounded-xl border border-slate-300 bg-white p-6 shadow-sm" data-testid="loyalty-card">
      <figcaption className="text-sm font-semibold uppercase tracking-wide text-slate-600">{title}</figcaption>
      <CardQr number={number} label={qrLabel} />
      <p className="text-sm text-slate-600">{numberLabel}</p>
      <p className="font-mono text-2xl font-bold tracking-widest" data-testid="card-number">
        {number}
      </p>
    </figure>
  );
}
