import type { MappedRow, RowReader } from '../row-reader';

export const IMPORT_FORMATS = ['facebook-insights', 'linkedin-page', 'youtube-studio', 'generic'] as const;
export type ImportFormatName = (typeof IMPORT_FORMATS)[number];

/** How one file's header is read: chosen once from the header line. */
export interface FormatLayout {
  /** Header names this layout reads (any case/spacing); the others are listed in `notes` as ignored. */
  known: string[];
  /** Columns without which no row can be read: a missing one fails the import at row 1. */
  required: string[];
  /** Dates come from month/weekday/hour and are settled once the whole file is read (UCI). */
  reconstructDates: boolean;
  notes: string[];
  /** Rows that are not posts (a "Total" line, a line of metric descriptions): why, or null. */
  skip?(r: RowReader): string | null;
  /** The mapped row, or null when the reader collected errors. */
  map(r: RowReader): MappedRow | null;
}

export interface ImportFormat {
  name: ImportFormatName;
  layout(headerKeys: ReadonlySet<string>): FormatLayout;
}

/** The reader's errors decide: a row with any bad cell is skipped whole. */
export function unlessErrors(r: RowReader, row: MappedRow): MappedRow | null {
  return r.errors.length ? null : row;
}
