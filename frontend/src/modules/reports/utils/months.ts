import { previousMonth } from '@vigie/kpi';

/** 'YYYY-MM' months, newest first, ending with the month before `today` (a report covers a whole month). */
export function recentMonths(today: string, count: number): string[] {
  const out: string[] = [];
  let month = today.slice(0, 7);
  for (let i = 0; i < count; i++) {
    month = previousMonth(month);
    out.push(month);
  }
  return out;
}

export function formatMonth(month: string, locale: 'fr' | 'en'): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}
