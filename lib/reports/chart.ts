/**
 * The geometry of the sales-per-day bar chart, computed on the server and drawn as SVG (no
 * JavaScript needed to read it). Pure module.
 */

export interface ChartBar {
  day: string;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  bars: ChartBar[];
  /** Horizontal grid lines with their values (0 first). */
  ticks: Array<{ value: number; y: number }>;
  /** Indexes of the bars whose day is written under the axis (never crowded). */
  labelled: number[];
}

/**
 * A "nice" upper bound of the axis for `max`: 1, 2, 2.5 or 5 times a power of ten, at least
 * `max`, so the grid lines fall on round amounts.
 */
export function niceCeiling(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= max) return Math.round(step * power);
  }
  return Math.round(10 * power);
}

export function barChart(
  points: ReadonlyArray<{ day: string; value: number }>,
  options: { width?: number; height?: number; ticks?: number; maxLabels?: number; minTop?: number } = {},
): ChartGeometry {
  const width = options.width ?? 720;
  const height = options.height ?? 240;
  const tickCount = options.ticks ?? 4;
  const maxLabels = options.maxLabels ?? 8;
  const plot = { left: 72, top: 12, right: width - 8, bottom: height - 28 };
  const plotWidth = plot.right - plot.left;
  const plotHeight = plot.bottom - plot.top;
  // An empty period still gets a readable axis (distinct round grid values).
  const top = niceCeiling(Math.max(options.minTop ?? tickCount, ...points.map((p) => p.value)));
  const slot = points.length > 0 ? plotWidth / points.length : plotWidth;
  const gap = Math.min(4, slot * 0.2);
  const bars = points.map((p, i) => {
    const h = top > 0 ? (Math.max(0, p.value) / top) * plotHeight : 0;
    return { day: p.day, value: p.value, x: plot.left + i * slot + gap / 2, y: plot.bottom - h, width: Math.max(1, slot - gap), height: h };
  });
  const ticks = Array.from({ length: tickCount + 1 }, (_, i) => {
    const value = Math.round((top * i) / tickCount);
    return { value, y: plot.bottom - (plotHeight * i) / tickCount };
  });
  const every = Math.max(1, Math.ceil(points.length / maxLabels));
  const labelled = points.map((_, i) => i).filter((i) => i % every === 0);
  return { width, height, plot, bars, ticks, labelled };
}
