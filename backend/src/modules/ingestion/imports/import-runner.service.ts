import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { parse } from 'csv-parse';
import type { NormalizedAccountStats, NormalizedPost, Platform } from '../../channels/connectors/channel-connector';
import { ChannelAccountsRepository } from '../../channels/channel-accounts.repository';
import { IngestionWriter } from '../writer/ingestion-writer.service';
import { type FormatLayout, importFormat } from './formats';
import { ImportChunksRepository } from './import-chunks.repository';
import { type ImportOutcome, type ImportRunRow, ImportsRepository } from './imports.repository';
import { type MappedRow, type RowError, RowReader } from './row-reader';
import { reconstructDates, uciDatesNote } from './uci-dates';

/** Rows per write transaction (all of a row's records go in the same one). */
const BATCH_ROWS = 500;
/** The report lists at most this many row errors (the count says how many there were). */
const MAX_ERRORS = 1000;
/** The UCI file's posts are from this year (Moro et al. 2016). */
const UCI_YEAR = 2014;
export const IMPORT_ACCOUNT_HANDLE = 'csv-import';

/** Guesses the delimiter from the header line: the most frequent of , ; tab. */
export function detectDelimiter(firstLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ',';
}

/**
 * Runs one CSV import (queue job): streams the uploaded chunks through csv-parse, maps each
 * row with the format's layout, keeps good rows and reports bad ones (row, column, reason),
 * and writes in batches through the idempotent writer. Post ids are the export's own when it
 * has them, else deterministic (see externalIdOf), so importing the same file twice adds nothing.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger('imports');

  constructor(
    private readonly imports: ImportsRepository,
    private readonly chunkRows: ImportChunksRepository,
    private readonly accounts: ChannelAccountsRepository,
    private readonly writer: IngestionWriter,
  ) {}

  async run(importId: string): Promise<void> {
    const imp = await this.imports.forRun(importId);
    if (!imp) return;
    // A retried job starts over: counters reset, the writes are idempotent.
    await this.imports.markRunning(importId);
    const state = new RunState(imp);
    try {
      await this.parse(imp, state);
      if (state.layout?.reconstructDates && state.pending.length) {
        const { dates, adjusted } = reconstructDates(state.pending.map((r) => r.dateParts!), UCI_YEAR, imp.timezone);
        state.pending.forEach((r, i) => (r.publishedAt = dates[i]));
        state.notes.push(uciDatesNote(UCI_YEAR, imp.timezone, adjusted));
      }
      await this.flush(imp, state);
      const failed = state.fatal !== null;
      state.finalNotes();
      state.notes.push(`${state.changed} post(s) created or updated, ${state.imported - state.changed} already up to date.`);
      await this.imports.finish(importId, failed ? 'failed' : 'done', state.outcome(), state.fatal);
      if (!failed) await this.chunkRows.deleteAll(importId);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.logger.warn(`import ${importId} failed: ${message}`);
      state.finalNotes();
      await this.imports.markCrashed(importId, message.slice(0, 1000), state.outcome());
    }
  }

  /** The uploaded file, chunk by chunk from Postgres (any worker can run the import). */
  private chunks(importId: string, state: RunState): Readable {
    const chunkRows = this.chunkRows;
    return Readable.from(
      (async function* () {
        for (let seq = 0; ; seq++) {
          const data = await chunkRows.chunk(importId, seq);
          if (!data) return;
          state.bytesRead += data.length;
          yield data;
        }
      })(),
    );
  }

  private async parse(imp: ImportRunRow, state: RunState): Promise<void> {
    const head = await this.chunkRows.head(imp.id);
    if (!head) {
      state.fatal = 'The file is empty.';
      return;
    }
    const delimiter = detectDelimiter(head.toString('utf8').split(/\r?\n|\r/)[0]);
    const parser = this.chunks(imp.id, state).pipe(
      parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
    );
    let header: string[] | null = null;
    const format = importFormat(imp.format);
    try {
      for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        const { record, info } = item;
        if (!header) {
          header = record.map((h) => h.replace(/^\uFEFF/, '').trim());
          const keys = new Set(header.map(RowReader.key));
          state.layout = format.layout(keys);
          const missing = state.layout.required.filter((c) => !keys.has(RowReader.key(c)));
          if (missing.length) {
            for (const c of missing) state.error({ row: info.lines, column: c, reason: `missing column (the ${imp.format} format needs it)` });
            state.fatal = `Missing column(s): ${missing.join(', ')}. Is this a ${imp.format} export?`;
            return;
          }
          const known = new Set(state.layout.known.map(RowReader.key));
          const ignored = header.filter((h) => h && !known.has(RowReader.key(h)));
          if (ignored.length) state.notes.push(`Ignored columns (not part of the ${imp.format} format): ${ignored.join(', ')}.`);
          state.notes.push(...state.layout.notes);
          continue;
        }
        this.row(record, info.lines, header, state, imp.timezone);
        if (!state.layout!.reconstructDates && state.pending.length >= BATCH_ROWS) await this.flush(imp, state);
        if (state.total % BATCH_ROWS === 0) await this.progress(imp, state);
      }
    } catch (e) {
      // csv-parse stops at a broken structure (e.g. an unclosed quote): what was read is kept.
      const err = e as Error & { lines?: number };
      state.error({ row: err.lines ?? state.total + 1, column: null, reason: `unreadable CSV: ${err.message}` });
      state.fatal = `The CSV structure is broken near row ${err.lines ?? '?'}: ${err.message}`;
    }
    if (!header) state.fatal = 'The file is empty.';
  }

  private row(record: string[], line: number, header: string[], state: RunState, timeZone: string): void {
    const cells = new Map<string, { header: string; value: string }>();
    header.forEach((h, i) => cells.set(RowReader.key(h), { header: h, value: record[i] ?? '' }));
    const r = new RowReader(line, cells, timeZone);
    const skip = state.layout!.skip?.(r);
    if (skip) {
      state.skippedLines.set(skip, (state.skippedLines.get(skip) ?? 0) + 1);
      return;
    }
    state.total++;
    if (record.length !== header.length) {
      state.skipped++;
      state.error({
        row: line,
        column: record.length < header.length ? header[record.length] : null,
        reason: `expected ${header.length} fields, found ${record.length}`,
      });
      return;
    }
    const mapped = state.layout!.map(r);
    if (!mapped) {
      state.skipped++;
      for (const e of r.errors) state.error(e);
      return;
    }
    state.pending.push(mapped);
  }

  private async progress(imp: ImportRunRow, state: RunState): Promise<void> {
    const size = Number(imp.size_bytes) || 1;
    await this.imports.saveProgress(imp.id, Math.min(0.99, state.bytesRead / size), state.total, state.imported, state.skipped);
  }

  private async flush(imp: ImportRunRow, state: RunState): Promise<void> {
    const rows = state.pending;
    state.pending = [];
    const byPlatform = new Map<Platform, MappedRow[]>();
    for (const r of rows) byPlatform.set(r.platform, [...(byPlatform.get(r.platform) ?? []), r]);
    for (const [platform, list] of byPlatform) {
      const accountId = await this.accounts.ensureImportAccount(imp.workspace_id, imp.brand_id, platform, IMPORT_ACCOUNT_HANDLE);
      state.channelAccountId ??= accountId;
      const posts: NormalizedPost[] = list.map((r) => ({
        externalId: r.externalId ?? state.externalIdOf(r),
        publishedAt: r.publishedAt!,
        contentType: r.contentType,
        text: r.text,
        permalink: r.permalink,
        author: null,
        metrics: r.metrics,
        impressionsDefinition: r.impressionsDefinition,
        sourceMetrics: r.sourceMetrics,
      }));
      const stats: NormalizedAccountStats[] = list
        .filter((r) => r.followers !== null)
        .map((r) => ({ day: localDay(r.publishedAt!, imp.timezone), followers: r.followers, following: null, postsCount: null }));
      const target = { workspaceId: imp.workspace_id, brandId: imp.brand_id, channelAccountId: accountId, platform };
      const w = await this.writer.writePostsWithStats(target, posts, stats, new Date());
      state.imported += list.length;
      state.changed += w.changedIds.length;
    }
    if (state.channelAccountId) {
      await this.imports.setChannelAccount(imp.id, state.channelAccountId);
    }
  }
}

class RunState {
  layout: FormatLayout | null = null;
  pending: MappedRow[] = [];
  errors: RowError[] = [];
  errorCount = 0;
  notes: string[] = [];
  skippedLines = new Map<string, number>();
  total = 0;
  imported = 0;
  skipped = 0;
  changed = 0;
  bytesRead = 0;
  fatal: string | null = null;
  channelAccountId: string | null = null;
  private readonly seen = new Map<string, number>();

  constructor(readonly imp: ImportRunRow) {}

  error(e: RowError): void {
    this.errorCount++;
    if (this.errors.length < MAX_ERRORS) this.errors.push(e);
  }

  reportErrors(): RowError[] {
    return this.errors;
  }

  outcome(): ImportOutcome {
    return { total: this.total, imported: this.imported, skipped: this.skipped, errors: this.reportErrors(), notes: this.notes };
  }

  /**
   * Deterministic id for a row without a post id: `csv:` + sha1 of (platform, publication
   * instant, content type, text, permalink), plus `#n` for the n-th identical row of the file
   * (two posts at the same hour with no text, as in the UCI file, stay two posts).
   */
  externalIdOf(r: MappedRow): string {
    const h = createHash('sha1')
      .update([r.platform, r.publishedAt, r.contentType, r.text, r.permalink ?? ''].join('\u001f'))
      .digest('hex')
      .slice(0, 24);
    const n = (this.seen.get(h) ?? 0) + 1;
    this.seen.set(h, n);
    return n === 1 ? `csv:${h}` : `csv:${h}#${n}`;
  }

  finalNotes(): void {
    for (const [why, n] of this.skippedLines) this.notes.push(`${n} line(s) skipped as ${why} (not posts).`);
    if (this.errorCount > this.errors.length) this.notes.push(`${this.errorCount} row errors in all; the first ${this.errors.length} are listed.`);
  }
}

/** Calendar day of an instant in the workspace time zone (followers are per day). */
function localDay(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}
