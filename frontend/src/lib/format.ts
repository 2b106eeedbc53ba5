/**
 * Locale-aware formatting through Intl only, so French gets '12,5 %' and '1 234' with the
 * narrow no-break spaces Intl produces, and English '12.5%' and '1,234'.
 */
export type AppLocale = 'fr' | 'en';

const INTL_LOCALE: Record<AppLocale, string> = { fr: 'fr-FR', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: AppLocale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    cache.set(key, f);
  }
  return f;
}

export const EMPTY_VALUE = '—';

export function formatInteger(value: number | null | undefined, locale: AppLocale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY_VALUE;
  return nf(locale, { maximumFractionDigits: 0 }).format(value);
}

export function formatDecimal(
  value: number | null | undefined,
  locale: AppLocale,
  digits = 1,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY_VALUE;
  return nf(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

/** `fraction` is 0.125 for 12.5 %, as the API returns ratios. */
export function formatPercent(
  fraction: number | null | undefined,
  locale: AppLocale,
  digits = 1,
): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return EMPTY_VALUE;
  return nf(locale, { style: 'percent', maximumFractionDigits: digits }).format(fraction);
}

/** Short form for tiles and axes: 12 345 678 → '12,3 M' (fr) / '12.3M' (en). */
export function formatCompact(value: number | null | undefined, locale: AppLocale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY_VALUE;
  return nf(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** Signed change, e.g. '+12,5 %' or '−3' — the sign is shown so colour is never the only cue. */
export function formatSignedPercent(
  fraction: number | null | undefined,
  locale: AppLocale,
  digits = 1,
): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return EMPTY_VALUE;
  return nf(locale, { style: 'percent', maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(
    fraction,
  );
}

export function formatSignedNumber(
  value: number | null | undefined,
  locale: AppLocale,
  digits = 0,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY_VALUE;
  return nf(locale, { maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(value);
}

export function formatMinutes(value: number | null | undefined, locale: AppLocale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY_VALUE;
  if (value < 60) return nf(locale, { style: 'unit', unit: 'minute', maximumFractionDigits: 0 }).format(value);
  return nf(locale, { style: 'unit', unit: 'hour', maximumFractionDigits: 1 }).format(value / 60);
}

/** A calendar day 'YYYY-MM-DD' shown without any time-zone shift. */
export function formatDay(day: string, locale: AppLocale, style: 'short' | 'long' = 'short'): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  const date = new Date(Date.UTC(y, m - 1, d));
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: 'UTC',
    day: 'numeric',
    month: style === 'short' ? 'short' : 'long',
    year: style === 'long' ? 'numeric' : undefined,
  }).format(date);
}

/** An instant (ISO timestamp) in the given time zone, date and time. */
export function formatDateTime(iso: string, locale: AppLocale, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

export type ValueFormat = 'integer' | 'percent' | 'minutes' | 'decimal';

export function formatValue(value: number | null | undefined, format: ValueFormat, locale: AppLocale): string {
  switch (format) {
    case 'integer':
      return formatInteger(value, locale);
    case 'percent':
      return formatPercent(value, locale);
    case 'minutes':
      return formatMinutes(value, locale);
    case 'decimal':
      return formatDecimal(value, locale, 2);
  }
}
