/** One bucket of the crisis timeline (mentions matching the crisis's queries, own content excluded). */
export interface TimelineBucket {
  /** Start of the bucket, ISO. */
  start: string;
  count: number;
  negative: number;
  reach: number;
}

export const MINUTE_MS = 60_000;

/**
 * Bucket size for a timeline of `durationMinutes`: per minute for the first 6 hours, 5 min up to
 * 24 h, 15 min up to 3 days, hourly beyond (so a timeline stays under ~300–700 points).
 */
export function bucketMinutesFor(durationMinutes: number): number {
  if (durationMinutes <= 6 * 60) return 1;
  if (durationMinutes <= 24 * 60) return 5;
  if (durationMinutes <= 72 * 60) return 15;
  return 60;
}

/** Floors a time to its bucket (buckets are aligned on UTC multiples of their size). */
export function bucketStart(t: number, bucketMinutes: number): number {
  const size = bucketMinutes * MINUTE_MS;
  return Math.floor(t / size) * size;
}

/** Every bucket from `from` to `to` (inclusive of the bucket holding `to`), gaps filled with zeros. */
export function fillBuckets(rows: readonly TimelineBucket[], from: number, to: number, bucketMinutes: number): TimelineBucket[] {
  const byStart = new Map(rows.map((r) => [new Date(r.start).getTime(), r]));
  const out: TimelineBucket[] = [];
  const size = bucketMinutes * MINUTE_MS;
  for (let s = bucketStart(from, bucketMinutes); s <= to; s += size) {
    const r = byStart.get(s);
    out.push({ start: new Date(s).toISOString(), count: r?.count ?? 0, negative: r?.negative ?? 0, reach: r?.reach ?? 0 });
  }
  return out;
}

export interface PeakMoment {
  at: string;
  count: number;
  /** count ÷ the baseline of one bucket (null when the baseline is 0). */
  ratio: number | null;
}

export interface DeclineMoment {
  /** Start of the first quiet stretch after the peak. */
  at: string;
  /** Longest the stretch had to be (minutes). */
  quietMinutes: number;
  threshold: number;
}

/** The factor over the baseline under which the volume counts as "back to normal". */
export const DECLINE_FACTOR = 1.5;
/** How long it must stay there. */
export const DECLINE_MINUTES = 30;

/**
 * Peak = the bucket with the most mentions (the first one on a tie). Decline = the first time
 * after the peak the volume stays under 1.5 × baseline (per bucket) for 30 minutes in a row
 * (whole buckets: ⌈30 / size⌉ buckets). Buckets after `now` are not looked at.
 */
export function peakAndDecline(
  buckets: readonly TimelineBucket[],
  bucketMinutes: number,
  baselinePerMinute: number,
): { peak: PeakMoment | null; decline: DeclineMoment | null } {
  let peakIdx = -1;
  buckets.forEach((b, i) => {
    if (b.count > 0 && (peakIdx < 0 || b.count > buckets[peakIdx]!.count)) peakIdx = i;
  });
  if (peakIdx < 0) return { peak: null, decline: null };
  const perBucket = baselinePerMinute * bucketMinutes;
  const p = buckets[peakIdx]!;
  const peak: PeakMoment = { at: p.start, count: p.count, ratio: perBucket > 0 ? round(p.count / perBucket, 2) : null };
  const threshold = DECLINE_FACTOR * perBucket;
  const need = Math.ceil(DECLINE_MINUTES / bucketMinutes);
  let run = 0;
  for (let i = peakIdx + 1; i < buckets.length; i++) {
    if (buckets[i]!.count < threshold || (threshold === 0 && buckets[i]!.count === 0)) {
      run++;
      if (run >= need) return { peak, decline: { at: buckets[i - need + 1]!.start, quietMinutes: need * bucketMinutes, threshold: round(threshold, 2) } };
    } else run = 0;
  }
  return { peak, decline: null };
}

/** Least-squares slope of a series (units per step); 0 for fewer than 2 points. */
export function slope(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const mx = (n - 1) / 2;
  const my = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
