import type { HeatmapCellDto as HeatmapCell } from '@vigie/contracts';

export interface HeatmapGrid {
  /** rows[weekday-1][hour]: interactions per post published in that slot, null without posts. */
  rows: Array<Array<number | null>>;
  posts: number[][];
  max: number;
  /** Weekday (1–7) and hour of the best slot, if any post. */
  best: { weekday: number; hour: number; value: number } | null;
}

/**
 * "When to post": mean interactions per post by publication slot. Totals would mostly say when
 * the brand posts most, not when a post does best.
 */
export function toHeatmapGrid(cells: HeatmapCell[]): HeatmapGrid {
  const rows = Array.from({ length: 7 }, () => Array<number | null>(24).fill(null));
  const posts = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  let max = 0;
  let best: HeatmapGrid['best'] = null;
  for (const c of cells) {
    if (c.weekday < 1 || c.weekday > 7 || c.hour < 0 || c.hour > 23) continue;
    posts[c.weekday - 1][c.hour] = c.posts;
    if (c.posts <= 0) continue;
    const v = c.interactions / c.posts;
    rows[c.weekday - 1][c.hour] = v;
    if (v > max) max = v;
    if (!best || v > best.value) best = { weekday: c.weekday, hour: c.hour, value: v };
  }
  return { rows, posts, max, best };
}

/** 0…1 for the colour scale; empty slots stay null (drawn as "no post", not as zero). */
export function intensity(value: number | null, max: number): number | null {
  if (value === null) return null;
  return max > 0 ? value / max : 0;
}

/** Sequential single-hue blue scale (reads in greyscale and for colour-blind users). */
export function heatColor(level: number | null): string {
  if (level === null) return '#f3f4f6';
  const steps = ['#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
  return steps[Math.min(steps.length - 1, Math.floor(level * steps.length))];
}
