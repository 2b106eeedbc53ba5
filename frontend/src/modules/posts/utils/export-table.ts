import type { PostRow } from '../post-row';

export type CellValue = string | number | null;

export interface ExportTable {
  headers: string[];
  rows: CellValue[][];
}

export interface ExportLabels {
  publishedAt: string;
  platform: string;
  account: string;
  contentType: string;
  text: string;
  permalink: string;
  impressions: string;
  reach: string;
  interactions: string;
  reactions: string;
  comments: string;
  shares: string;
  saves: string;
  clicks: string;
  videoViews: string;
  engagementRateByReach: string;
  engagementRateByImpressions: string;
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 100);

/** Rows as exported: raw counts, rates in percent (2 decimals), ISO timestamps. */
export function postsExportTable(rows: PostRow[], l: ExportLabels): ExportTable {
  return {
    headers: [
      l.publishedAt,
      l.platform,
      l.account,
      l.contentType,
      l.text,
      l.permalink,
      l.impressions,
      l.reach,
      l.interactions,
      l.reactions,
      l.comments,
      l.shares,
      l.saves,
      l.clicks,
      l.videoViews,
      `${l.engagementRateByReach} (%)`,
      `${l.engagementRateByImpressions} (%)`,
    ],
    rows: rows.map((r) => [
      r.publishedAt,
      r.platform,
      r.handle,
      r.contentType,
      r.text,
      r.permalink,
      r.impressions,
      r.reach,
      r.interactions,
      r.reactions,
      r.comments,
      r.shares,
      r.saves,
      r.clicks,
      r.videoViews,
      pct(r.engagementRateByReach),
      pct(r.engagementRateByImpressions),
    ]),
  };
}

/**
 * Spreadsheet apps run cells starting with = + - @ (or tab/CR) as formulas: a comment such as
 * "=HYPERLINK(...)" must stay text, so such strings get a leading apostrophe.
 */
export function neutralizeFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function csvCell(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const s = neutralizeFormula(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a UTF-8 BOM (so Excel reads the accents), CRLF line ends. */
export function toCsv(table: ExportTable): string {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** XLSX through write-excel-file, loaded only when asked for (keeps it out of the page chunk). */
export async function toXlsxBlob(table: ExportTable): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const data = [
    table.headers.map((h) => ({ value: h, fontWeight: 'bold' as const })),
    ...table.rows.map((row) => row.map((v) => (v === null ? null : typeof v === 'string' ? neutralizeFormula(v) : v))),
  ];
  return writeXlsxFile(data, { stickyRowsCount: 1 }).toBlob();
}
