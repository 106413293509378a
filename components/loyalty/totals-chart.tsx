/**
 * Issued and redeemed per week as grouped bars (an inline SVG: no client code, prints well).
 * `weeks` are oldest first; the table beside it carries the exact numbers for screen readers.
 */
export function TotalsChart({ weeks, label, legend }: { weeks: Array<{ week: string; issued: number; redeemed: number }>; label: string; legend: { issued: string; redeemed: string } }) {
  const max = Math.max(1, ...weeks.flatMap((w) => [w.issued, w.redeemed]));
  const barWidth = 14;
  const groupWidth = barWidth * 2 + 12;
  const height = 160;
  const width = Math.max(groupWidth * weeks.length, 200);
  return (
    <figure className="flex flex-col gap-2">
      <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${height + 20}`} className="h-48 w-full max-w-2xl" preserveAspectRatio="xMinYMax meet" data-testid="loyalty-chart">
        {weeks.map((w, i) => {
          const x = i * groupWidth;
          const hi = Math.round((w.issued / max) * height);
          const hr = Math.round((w.redeemed / max) * height);
          return (
            <g key={w.week}>
              <rect x={x} y={height - hi} width={barWidth} height={hi} className="fill-brand-600" />
              <rect x={x + barWidth} y={height - hr} width={barWidth} height={hr} className="fill-amber-500" />
              <text x={x} y={height + 14} fontSize="9" className="fill-slate-600">
                {w.week.slice(5)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="flex gap-4 text-sm">
        <span className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 bg-brand-600" /> {legend.issued}
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 bg-amber-500" /> {legend.redeemed}
        </span>
      </figcaption>
    </figure>
  );
}
