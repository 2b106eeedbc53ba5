/**
 * Volume-spike statistic (documented in the README of this module and below).
 *
 * For a target (a watch query, or a brand = all its queries, each mention counted once):
 *  - current   c60 = mentions published in the last 60 minutes (sliding window ending now);
 *  - baseline  the same 60-minute window 1, 2, 3 and 4 weeks earlier (same hour of the
 *              week, 4 samples), so daily and weekly rhythms are part of the baseline;
 *  - centre    m = median of the 4 samples (robust to one past crisis);
 *  - spread    s = max(1.4826 × MAD, √m, 1) — MAD scaled to a standard deviation, floored
 *              by Poisson noise (√m) so a flat history does not make any blip a spike;
 *  - alert when c60 ≥ max(minCount, m + k·s). Defaults k = 3, minCount = 10.
 * Short window (a crisis must alert within 2 minutes): c15 = mentions of the last 15
 * minutes against the hourly baseline scaled to 15 minutes (m/4, s/2 — Poisson spread
 * scales with √): alert when c15 ≥ max(minCount, m/4 + k·s/2). The same minCount applies,
 * so 10 mentions in 15 minutes on a quiet query is a spike.
 */

export interface SpikeParams {
  k: number;
  minCount: number;
  /** Also test the last 15 minutes (fast detection); default true. */
  shortWindow: boolean;
}

export const SPIKE_DEFAULTS: SpikeParams = { k: 3, minCount: 10, shortWindow: true };

export interface SpikeInput {
  c60: number;
  c15: number;
  /** Same hour-of-week window 1..4 weeks ago. */
  samples: number[];
}

export interface SpikeResult {
  fired: boolean;
  window: '60m' | '15m' | null;
  count: number;
  threshold: number;
  baseline: number;
  spread: number;
}

export function median(xs: readonly number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Median absolute deviation (unscaled). */
export function mad(xs: readonly number[]): number {
  const m = median(xs);
  return median(xs.map((x) => Math.abs(x - m)));
}

export function spikeBaseline(samples: readonly number[]): { baseline: number; spread: number } {
  const m = median(samples);
  return { baseline: m, spread: Math.max(1.4826 * mad(samples), Math.sqrt(m), 1) };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function evaluateSpike(input: SpikeInput, params: SpikeParams = SPIKE_DEFAULTS): SpikeResult {
  const { baseline, spread } = spikeBaseline(input.samples);
  const t60 = Math.max(params.minCount, baseline + params.k * spread);
  const base = { baseline: round2(baseline), spread: round2(spread) };
  if (input.c60 >= t60) return { fired: true, window: '60m', count: input.c60, threshold: round2(t60), ...base };
  if (params.shortWindow) {
    const t15 = Math.max(params.minCount, baseline / 4 + params.k * (spread / 2));
    if (input.c15 >= t15) return { fired: true, window: '15m', count: input.c15, threshold: round2(t15), ...base };
  }
  return { fired: false, window: null, count: input.c60, threshold: round2(t60), ...base };
}

/**
 * Negative surge: in the last hour at least `minCount` mentions, a negative share ≥
 * `minShare`, and that share at least `minLift` above the target's negative share over the
 * previous 4 weeks. Defaults 10 mentions, 40 %, +15 points.
 */
export interface NegativeParams {
  minCount: number;
  minShare: number;
  minLift: number;
}

export const NEGATIVE_DEFAULTS: NegativeParams = { minCount: 10, minShare: 0.4, minLift: 0.15 };

export function evaluateNegativeSurge(
  input: { count: number; negative: number; baselineCount: number; baselineNegative: number },
  params: NegativeParams = NEGATIVE_DEFAULTS,
): { fired: boolean; share: number; baselineShare: number } {
  const share = input.count ? input.negative / input.count : 0;
  const baselineShare = input.baselineCount ? input.baselineNegative / input.baselineCount : 0;
  const fired = input.count >= params.minCount && share >= params.minShare && share - baselineShare >= params.minLift;
  return { fired, share: round2(share), baselineShare: round2(baselineShare) };
}

export const BIG_ACCOUNT_DEFAULTS = { minFollowers: 10_000 };
