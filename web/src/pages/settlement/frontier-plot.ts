/**
 * The geometry of the frontier plot, apart from React so it is tested alone. Satisfaction is
 * on each party's own 0–100 scale, so every axis runs 0–100: a fixed scale never exaggerates a
 * small difference, and two plots of one negotiation read alike.
 *
 * Two visible axes: a scatter (first party across, second up). Three or more: parallel
 * coordinates, one vertical axis per party, each package a line across them. One: a strip along
 * a single axis. In a right-to-left language what runs across is mirrored: the scatter grows
 * leftwards from an origin on the right, and the first party's axis stands on the right, as a
 * reader of Urdu or Arabic expects the start of a line to be.
 */

/** A package's satisfaction per party id; null where the party withholds it. */
export type Figures = Readonly<Record<string, number | null>>;

/** The plotting area inside the SVG, in SVG coordinates (which stay left-to-right in any language). */
export interface Box { left: number; right: number; top: number; bottom: number }

export type PlotKind = 'none' | 'strip' | 'scatter' | 'parallel';

export interface Dot { x: number; y: number }

export const SCALE_MAX = 100;
export const TICKS = [0, 25, 50, 75, 100] as const;

export function plotKind(visibleAxes: number): PlotKind {
  if (visibleAxes >= 3) return 'parallel';
  if (visibleAxes === 2) return 'scatter';
  return visibleAxes === 1 ? 'strip' : 'none';
}

const clamp = (v: number) => Math.min(SCALE_MAX, Math.max(0, v));

/** Where a value lies across the box: from the start edge (left, or right in RTL) towards the end. */
export function across(v: number, box: Box, rtl: boolean): number {
  const f = clamp(v) / SCALE_MAX;
  return rtl ? box.right - f * (box.right - box.left) : box.left + f * (box.right - box.left);
}

/** Where a value lies up the box: 0 at the bottom. */
export function up(v: number, box: Box): number {
  return box.bottom - (clamp(v) / SCALE_MAX) * (box.bottom - box.top);
}

/** The scatter position of a package, or null if either party withholds its figure. */
export function scatterDot(row: Figures, axes: readonly [string, string], box: Box, rtl: boolean): Dot | null {
  const a = row[axes[0]];
  const b = row[axes[1]];
  if (a === null || a === undefined || b === null || b === undefined) return null;
  return { x: across(a, box, rtl), y: up(b, box) };
}

/**
 * The frontier of a scatter as one line: the dots in order of the first party's satisfaction,
 * so it reads as the trade-off curve (more for one, less for the other).
 */
export function frontierLine(rows: readonly Figures[], axes: readonly [string, string], box: Box, rtl: boolean): Dot[] {
  return rows
    .map((r) => ({ r, d: scatterDot(r, axes, box, rtl) }))
    .filter((p): p is { r: Figures; d: Dot } => p.d !== null)
    .sort((p, q) => (p.r[axes[0]] ?? 0) - (q.r[axes[0]] ?? 0) || (q.r[axes[1]] ?? 0) - (p.r[axes[1]] ?? 0))
    .map((p) => p.d);
}

/** The x of each parallel axis, first party at the start edge; one axis stands in the middle. */
export function axisPositions(count: number, box: Box, rtl: boolean): number[] {
  if (count <= 0) return [];
  if (count === 1) return [(box.left + box.right) / 2];
  const step = (box.right - box.left) / (count - 1);
  return Array.from({ length: count }, (_, i) => (rtl ? box.right - i * step : box.left + i * step));
}

/** A package's line across the parallel axes; an axis whose figure is missing is skipped. */
export function parallelLine(row: Figures, axes: readonly string[], box: Box, rtl: boolean): Dot[] {
  const xs = axisPositions(axes.length, box, rtl);
  return axes.flatMap((p, i) => {
    const v = row[p];
    return v === null || v === undefined ? [] : [{ x: xs[i]!, y: up(v, box) }];
  });
}

export const pointsAttr = (dots: readonly Dot[]): string => dots.map((d) => `${d.x.toFixed(1)},${d.y.toFixed(1)}`).join(' ');

/**
 * Suggestions that land on the same satisfaction figures share one marker, labelled with all
 * their numbers ("1, 3"), instead of hiding one under the other.
 */
export function groupMarkers(items: readonly { satisfaction: Figures }[], axes: readonly string[]): { at: Figures; indexes: number[] }[] {
  const groups = new Map<string, { at: Figures; indexes: number[] }>();
  items.forEach((item, index) => {
    const key = axes.map((p) => { const v = item.satisfaction[p]; return v === null || v === undefined ? '-' : v.toFixed(4); }).join('|');
    const g = groups.get(key);
    if (g) g.indexes.push(index);
    else groups.set(key, { at: item.satisfaction, indexes: [index] });
  });
  return [...groups.values()];
}

/**
 * Label positions near their markers but at least `gap` apart, so close suggestions keep
 * legible numbers: in order from the top, a label that would touch the one above moves down,
 * then the whole run is shifted back up by half of what it moved, centring it on its markers.
 */
export function spreadLabels(ys: readonly number[], gap: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const placed: number[] = new Array<number>(ys.length);
  let run: { i: number; want: number }[] = [];
  let last = -Infinity;
  const settle = () => {
    if (run.length === 0) return;
    const moved = run.reduce((sum, r) => sum + (placed[r.i]! - r.want), 0) / run.length;
    for (const r of run) placed[r.i] = placed[r.i]! - moved;
    run = [];
  };
  for (const { y, i } of order) {
    if (y - last < gap && run.length > 0) {
      placed[i] = last + gap;
    } else {
      settle();
      placed[i] = y;
    }
    run.push({ i, want: y });
    last = placed[i]!;
  }
  settle();
  return placed;
}

/** The y of each marker's label: markers within `nearX` of each other across share a column and are spread apart. */
export function labelYs(dots: readonly Dot[], gap: number, nearX: number): number[] {
  const out = dots.map((d) => d.y);
  const byX = dots.map((d, i) => ({ x: d.x, i })).sort((a, b) => a.x - b.x);
  let column: number[] = [];
  const flush = () => {
    const spread = spreadLabels(column.map((i) => dots[i]!.y), gap);
    column.forEach((i, k) => { out[i] = spread[k]!; });
    column = [];
  };
  let lastX = -Infinity;
  for (const { x, i } of byX) {
    if (x - lastX > nearX) flush();
    column.push(i);
    lastX = x;
  }
  flush();
  return out;
}
