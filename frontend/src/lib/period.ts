import { addDays, isCalendarDay, monthPeriod, type DayPeriod } from '@vigie/kpi';

/**
 * Calendar-day periods ('YYYY-MM-DD', inclusive), computed in the workspace's time zone. The day
 * arithmetic is @vigie/kpi's (the API computes its periods with the same functions); this file only
 * adds the picker's presets and "today" in the workspace's zone.
 */
export type PeriodPreset = 'yesterday' | '7d' | '28d' | 'thisMonth' | 'custom';

export type Period = DayPeriod;

export const PERIOD_PRESETS: PeriodPreset[] = ['yesterday', '7d', '28d', 'thisMonth', 'custom'];
export const DEFAULT_PRESET: PeriodPreset = '28d';

export function isDay(value: string | null | undefined): value is string {
  return isCalendarDay(value);
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
      return { from: monthPeriod(today.slice(0, 7)).from, to: today };
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
