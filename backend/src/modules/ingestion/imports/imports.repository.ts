import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ImportFormatName } from './formats';
import type { RowError } from './row-reader';

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';

/** An import as the API shows it. */
export interface ImportApiRow {
  id: string;
  brand_id: string;
  channel_account_id: string | null;
  format: string;
  filename: string;
  status: ImportStatus;
  progress: number;
  rows_total: number;
  rows_imported: number;
  rows_skipped: number;
  errors: RowError[];
  notes: string[];
  failure: string | null;
  created_at: Date;
  finished_at: Date | null;
}

/** What a run reads of its import (with the workspace's time zone). */
export interface ImportRunRow {
  id: string;
  workspace_id: string;
  brand_id: string;
  format: ImportFormatName;
  size_bytes: string;
  timezone: string;
}

/** Counters and report of a run. */
export interface ImportOutcome {
  total: number;
  imported: number;
  skipped: number;
  errors: RowError[];
  notes: string[];
}

/** The `imports` table (one uploaded CSV file and its run's report). */
@Injectable()
export class ImportsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findInWorkspace(workspaceId: string, importId: string): Promise<ImportApiRow | null> {
    const [row] = (await this.db.query(
      `SELECT id, brand_id, channel_account_id, format, filename, status, progress, rows_total, rows_imported, rows_skipped,
              errors, notes, failure, created_at, finished_at
       FROM imports WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, importId],
    )) as ImportApiRow[];
    return row ?? null;
  }

  /** The workspace's last 100 imports, newest first, without their row errors. */
  listRecent(workspaceId: string): Promise<ImportApiRow[]> {
    return this.db.query(
      `SELECT id, brand_id, channel_account_id, format, filename, status, progress, rows_total, rows_imported, rows_skipped,
              '[]'::jsonb AS errors, notes, failure, created_at, finished_at
       FROM imports WHERE workspace_id = $1 ORDER BY created_at DESC LIMIT 100`,
      [workspaceId],
    ) as Promise<ImportApiRow[]>;
  }

  async create(workspaceId: string, brandId: string, format: ImportFormatName, filename: string, userId: string | null): Promise<string> {
    const [row] = (await this.db.query(
      `INSERT INTO imports (workspace_id, brand_id, format, filename, created_by, status) VALUES ($1, $2, $3, $4, $5, 'queued') RETURNING id`,
      [workspaceId, brandId, format, filename, userId],
    )) as Array<{ id: string }>;
    return row.id;
  }

  async setSize(importId: string, sizeBytes: number): Promise<void> {
    await this.db.query('UPDATE imports SET size_bytes = $2 WHERE id = $1', [importId, sizeBytes]);
  }

  async markQueued(importId: string): Promise<void> {
    await this.db.query(`UPDATE imports SET status = 'queued' WHERE id = $1`, [importId]);
  }

  /** Deletes an import (its chunks go with it). */
  async delete(importId: string): Promise<void> {
    await this.db.query('DELETE FROM imports WHERE id = $1', [importId]);
  }

  async forRun(importId: string): Promise<ImportRunRow | null> {
    const [imp] = (await this.db.query(
      `SELECT i.id, i.workspace_id, i.brand_id, i.format, i.size_bytes, w.timezone
       FROM imports i JOIN workspaces w ON w.id = i.workspace_id WHERE i.id = $1`,
      [importId],
    )) as ImportRunRow[];
    return imp ?? null;
  }

  /** A run starts (over): status running, counters and report reset. */
  async markRunning(importId: string): Promise<void> {
    await this.db.query(
      `UPDATE imports SET status = 'running', started_at = now(), progress = 0, rows_total = 0, rows_imported = 0,
         rows_skipped = 0, errors = '[]', notes = '[]', failure = NULL WHERE id = $1`,
      [importId],
    );
  }

  async saveProgress(importId: string, progress: number, total: number, imported: number, skipped: number): Promise<void> {
    await this.db.query(
      `UPDATE imports SET progress = $2, rows_total = $3, rows_imported = $4, rows_skipped = $5 WHERE id = $1`,
      [importId, progress, total, imported, skipped],
    );
  }

  /** The run went through the file: done, or failed with `failure` (a fatal problem of the file). */
  async finish(importId: string, status: 'done' | 'failed', o: ImportOutcome, failure: string | null): Promise<void> {
    await this.db.query(
      `UPDATE imports SET status = $2, progress = 1, rows_total = $3, rows_imported = $4, rows_skipped = $5,
           errors = $6::jsonb, notes = $7::jsonb, failure = $8, finished_at = now() WHERE id = $1`,
      [importId, status, o.total, o.imported, o.skipped, JSON.stringify(o.errors), JSON.stringify(o.notes), failure],
    );
  }

  /** The run crashed (`message`: why); what it had counted is kept. */
  async markCrashed(importId: string, message: string, o: ImportOutcome): Promise<void> {
    await this.db.query(
      `UPDATE imports SET status = 'failed', failure = $2, rows_total = $3, rows_imported = $4, rows_skipped = $5,
           errors = $6::jsonb, notes = $7::jsonb, finished_at = now() WHERE id = $1`,
      [importId, message, o.total, o.imported, o.skipped, JSON.stringify(o.errors), JSON.stringify(o.notes)],
    );
  }

  /** The first channel account the import wrote to (kept once set). */
  async setChannelAccount(importId: string, channelAccountId: string): Promise<void> {
    await this.db.query('UPDATE imports SET channel_account_id = $2 WHERE id = $1 AND channel_account_id IS NULL', [importId, channelAccountId]);
  }
}
