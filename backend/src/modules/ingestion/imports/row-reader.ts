import type { ContentType, PostMetrics } from '../../channels/connectors/channel-connector';
import type { Platform } from '../../channels/connectors/channel-connector';
import { zonedToIso } from './zoned-time';

export interface RowError {
  /** Row number as a spreadsheet shows it: the header is row 1, the first data row is row 2. */
  row: number;
  column: string | null;
  reason: string;
}

/** One CSV row mapped to what the writer needs, before its id and (for UCI files) its date are settled. */
export interface MappedRow {
  row: number;
  platform: Platform;
  /** Post id given by the export, if any. */
  externalId: string | null;
  /** ISO 8601; null when the date is reconstructed from month/weekday/hour. */
  publishedAt: string | null;
  dateParts: { month: number; weekday: number; hour: number } | null;
  contentType: ContentType;
  text: string;
  permalink: string | null;
  metrics: PostMetrics;
  impressionsDefinition: 'impressions' | 'views' | null;
  sourceMetrics: Record<string, number | null>;
  followers: number | null;
}

export function emptyMetrics(): PostMetrics {
  return { impressions: null, reach: null, reactions: null, comments: null, shares: null, saves: null, clicks: null, videoViews: null };
}

/**
 * Reads typed cells of one row by header name (case- and space-insensitive), collecting one
 * precise error per bad cell instead of stopping at the first.
 */
export class RowReader {
  readonly errors: RowError[] = [];

  constructor(
    readonly row: number,
    private readonly cells: Map<string, { header: string; value: string }>,
    private readonly timeZone: string,
  ) {}

  static key(header: string): string {
    return header.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase();
  }

  /** First present column among aliases (its header as written in the file), or null. */
  column(...names: string[]): string | null {
    for (const n of names) {
      const c = this.cells.get(RowReader.key(n));
      if (c) return c.header;
    }
    return null;
  }

  raw(...names: string[]): string | null {
    for (const n of names) {
      const c = this.cells.get(RowReader.key(n));
      if (c) return c.value.trim();
    }
    return null;
  }

  text(...names: string[]): string {
    return this.raw(...names) ?? '';
  }

  fail(column: string | null, reason: string): null {
    this.errors.push({ row: this.row, column, reason });
    return null;
  }

  /** A non-negative integer count; blank = not given (NULL, never 0). Accepts 1,234 / 1 234 / 1234.0. */
  count(...names: string[]): number | null {
    const v = this.raw(...names);
    const col = this.column(...names);
    if (v === null || v === '' || v === '-' || v === '--') return null;
    let s = v.replace(/[\s\u00a0\u202f]/g, '');
    if (/^\d{1,3}(,\d{3})+$/.test(s)) s = s.replace(/,/g, '');
    if (/^\d+\.0+$/.test(s)) s = s.replace(/\.0+$/, '');
    if (!/^\d+$/.test(s)) return this.fail(col, `not a whole non-negative number: "${v}"`);
    const n = Number(s);
    if (!Number.isSafeInteger(n)) return this.fail(col, `number too large: "${v}"`);
    return n;
  }

  /** An integer within [min, max] (month, weekday, hour). */
  intIn(name: string, min: number, max: number): number | null {
    const v = this.raw(name);
    if (v === null || v === '') return this.fail(this.column(name) ?? name, 'missing value');
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      return this.fail(this.column(name), `expected a whole number from ${min} to ${max}, got "${v}"`);
    }
    return Number(v);
  }

  /**
   * A date or date-time: ISO 8601 (with or without offset), MM/DD/YYYY[ HH:mm] (Meta, LinkedIn
   * exports) or "Mar 5, 2024" (YouTube Studio). Without an offset, read in the workspace time zone.
   */
  date(...names: string[]): string | null {
    const v = this.raw(...names);
    const col = this.column(...names) ?? names[0];
    if (v === null || v === '') return this.fail(col, 'missing date');
    const iso = parseDate(v, this.timeZone);
    return iso ?? this.fail(col, `unreadable date "${v}" (expected YYYY-MM-DD[THH:mm], MM/DD/YYYY[ HH:mm] or "Mar 5, 2024")`);
  }
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function parseDate(v: string, timeZone: string): string | null {
  const s = v.trim();
  let y: number, mo: number, d: number, h = 0, mi = 0, sec = 0;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (m) {
    if (m[7]) {
      const t = Date.parse(s.replace(' ', 'T'));
      return Number.isNaN(t) ? null : new Date(t).toISOString();
    }
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    [h, mi, sec] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  } else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i.exec(s))) {
    [mo, d, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    [h, mi, sec] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
    if (m[7]) h = (h % 12) + (m[7].toUpperCase() === 'PM' ? 12 : 0);
  } else if ((m = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),\s*(\d{4})$/.exec(s))) {
    const idx = MONTHS.indexOf(m[1].toLowerCase());
    if (idx < 0) return null;
    [y, mo, d] = [Number(m[3]), idx + 1, Number(m[2])];
  } else return null;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) return null;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCMonth() !== mo - 1) return null; // 31/02 and the like
  return zonedToIso(y, mo, d, h, mi, sec, timeZone);
}
