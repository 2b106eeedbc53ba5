/** `GET /api/workspaces/:id/imports/:importId` (ARCHITECTURE.md, CSV import). */
export interface ImportStatusDto {
  id?: string;
  status: string;
  progress: number | null;
  rowsTotal: number | null;
  rowsImported: number | null;
  rowsSkipped: number | null;
  errors: Array<{ row: number; column: string | null; reason: string }>;
  notes: string[] | string | null;
  failure?: string | null;
}

export const IMPORT_FORMATS = ['facebook-insights', 'linkedin-page', 'youtube-studio', 'generic'] as const;

const FINISHED = new Set(['done', 'completed', 'succeeded', 'success', 'failed', 'error', 'cancelled']);
const FAILED = new Set(['failed', 'error', 'cancelled']);

export function isFinished(s: Pick<ImportStatusDto, 'status'>): boolean {
  return FINISHED.has(s.status);
}

export function isFailed(s: Pick<ImportStatusDto, 'status'>): boolean {
  return FAILED.has(s.status);
}

/**
 * Progress as 0…1. `progress` may come as a fraction or a percentage; without it, processed rows
 * over the total; a finished import is 1.
 */
export function progressFraction(s: ImportStatusDto): number | null {
  if (isFinished(s)) return 1;
  if (typeof s.progress === 'number' && Number.isFinite(s.progress)) {
    const p = s.progress > 1 ? s.progress / 100 : s.progress;
    return Math.max(0, Math.min(1, p));
  }
  if (s.rowsTotal && s.rowsTotal > 0) {
    return Math.min(1, ((s.rowsImported ?? 0) + (s.rowsSkipped ?? 0)) / s.rowsTotal);
  }
  return null;
}

export function notesList(notes: ImportStatusDto['notes']): string[] {
  if (!notes) return [];
  return Array.isArray(notes) ? notes.map(String) : [String(notes)];
}
