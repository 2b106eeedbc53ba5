/** Calendar-day periods ('YYYY-MM-DD', inclusive), computed in the workspace's time zone. */
export type PeriodPreset = 'yesterday' | '7d' | '28d' | 'thisMonth' | 'custom';

export interface Period {
  from: string;
  to: string;
}

export const PERIOD_PRESETS: PeriodPreset[] = ['yesterday', '7d', '28d', 'thisMonth', 'custom'];
export const DEFAULT_PRESET: PeriodPreset = '28d';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: string | null | undefined): value is string {
  if (!value || !DAY_RE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Today's date in `timeZone` (the CM's "yesterday" is the workspace's, not the browser's). */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      now,
    );
  } catch {
    return now.toISOString().slice(0, 10); // unknown zone: fall back to UTC
  }
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Whole days only: yesterday, the last 7 / 28 complete days, or the month so far (today included). */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: string): Period {
  switch (preset) {
    case 'yesterday': {
      const y = addDays(today, -1);
      return { from: y, to: y };
    }
    case '7d':
      return { from: addDays(today, -7), to: addDays(today, -1) };
    case '28d':
      return { from: addDays(today, -28), to: addDays(today, -1) };
    case 'thisMonth':
      return { from: `${today.slice(0, 8)}01`, to: today };
  }
}

/** Which preset a period corresponds to (for the picker), or 'custom'. */
export function matchPreset(period: Period, today: string): PeriodPreset {
  for (const p of ['yesterday', '7d', '28d', 'thisMonth'] as const) {
    const q = presetPeriod(p, today);
    if (q.from === period.from && q.to === period.to) return p;
  }
  return 'custom';
}

export function dayCount(period: Period): number {
  const ms = Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`);
  return Math.round(ms / 86_400_000) + 1;
}

/** The period just before, of the same length (what the API compares against). */
export function previousPeriodOf(period: Period): Period {
  const n = dayCount(period);
  return { from: addDays(period.from, -n), to: addDays(period.from, -1) };
}
