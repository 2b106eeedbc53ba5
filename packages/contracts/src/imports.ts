import type { IsoDateTime } from './common';

export interface ImportRowErrorDto {
  /** Row number as a spreadsheet shows it: the header is row 1. */
  row: number;
  column: string | null;
  reason: string;
}

/** `GET /workspaces/:id/imports` items. */
export interface ImportDto {
  id: string;
  brandId: string;
  channelAccountId: string | null;
  format: string;
  filename: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  rowsTotal: number;
  rowsImported: number;
  rowsSkipped: number;
  errors: ImportRowErrorDto[];
  notes: string[];
  failure: string | null;
  createdAt: IsoDateTime;
  finishedAt: IsoDateTime | null;
}

/** `POST /workspaces/:id/imports`: the import is queued. */
export interface ImportCreatedDto {
  id: string;
}
