import { BadRequestException, HttpException, HttpStatus, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { ImportDto } from '@vigie/contracts';
import busboy from 'busboy';
import type { Request } from 'express';
import type { Wire } from '../../../common/http/api-reply';
import { JobQueue } from '../../../common/queue/job-queue';
import { BrandsService } from '../../brands/brands.service';
import { IMPORT_FORMATS, type ImportFormatName } from './formats';
import { ImportChunksRepository } from './import-chunks.repository';
import { type ImportApiRow, ImportsRepository } from './imports.repository';

export const IMPORTS_QUEUE = 'imports';
export const RUN_IMPORT_JOB = 'run-import';
export interface RunImportJobData {
  importId: string;
}

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Uploads are stored in chunks of this size, so a worker streams them back without the whole file in memory. */
const CHUNK_BYTES = 1024 * 1024;
const CSV_TYPES = new Set(['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel', 'application/octet-stream', 'text/x-csv']);

/** The API shape is the contracts' ImportDto (a Date stands for its ISO string on the wire). */
export type ImportView = Wire<ImportDto>;

const toDto = (r: ImportApiRow): ImportView => ({
  id: r.id,
  brandId: r.brand_id,
  channelAccountId: r.channel_account_id,
  format: r.format,
  filename: r.filename,
  status: r.status,
  progress: r.progress,
  rowsTotal: r.rows_total,
  rowsImported: r.rows_imported,
  rowsSkipped: r.rows_skipped,
  errors: r.errors,
  notes: r.notes,
  failure: r.failure,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
});

const unsupported = (message: string) => new HttpException({ statusCode: 415, message }, HttpStatus.UNSUPPORTED_MEDIA_TYPE);

@Injectable()
export class ImportsService {
  constructor(
    private readonly imports: ImportsRepository,
    private readonly chunks: ImportChunksRepository,
    private readonly brands: BrandsService,
    @Inject(JobQueue) private readonly queue: JobQueue,
  ) {}

  async get(workspaceId: string, importId: string): Promise<ImportView> {
    const row = await this.imports.findInWorkspace(workspaceId, importId);
    if (!row) throw new NotFoundException('Import not found');
    return toDto(row);
  }

  async list(workspaceId: string): Promise<ImportView[]> {
    const rows = await this.imports.listRecent(workspaceId);
    return rows.map(toDto);
  }

  /**
   * Streams a multipart upload (fields `format` and `brandId` first, then `file`) into
   * import_chunks, then queues the import. Nothing of the file is held in memory beyond a chunk.
   */
  async upload(workspaceId: string, userId: string | null, req: Request): Promise<{ id: string }> {
    if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
      throw unsupported('Send the file as multipart/form-data (fields: format, brandId, file)');
    }
    const fields: Record<string, string> = {};
    let importId: string | null = null;
    let fileSeen = false;
    const bb = busboy({ headers: req.headers, limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, fieldSize: 1024 } });
    const done = new Promise<void>((resolve, reject) => {
      let pending: Promise<void> = Promise.resolve();
      bb.on('field', (name, value) => (fields[name] = value));
      bb.on('file', (_name, stream, info) => {
        fileSeen = true;
        pending = this.receive(workspaceId, userId, fields, stream, info).then((id) => {
          importId = id;
        });
        pending.catch((e: unknown) => {
          stream.resume();
          reject(e);
        });
      });
      bb.on('error', reject);
      bb.on('close', () => void pending.then(resolve, reject));
    });
    req.pipe(bb);
    try {
      await done;
    } catch (e) {
      req.unpipe(bb);
      req.resume();
      if (importId) await this.imports.delete(importId);
      throw e;
    }
    if (!fileSeen || !importId) throw new BadRequestException({ statusCode: 400, message: 'Missing file', details: [{ field: 'file', errors: ['a CSV file is required'] }] });
    await this.imports.markQueued(importId);
    await this.queue.add<RunImportJobData>(IMPORTS_QUEUE, RUN_IMPORT_JOB, { importId }, { jobId: `import-${importId}` });
    return { id: importId };
  }

  private async receive(
    workspaceId: string,
    userId: string | null,
    fields: Record<string, string>,
    stream: NodeJS.ReadableStream & { truncated?: boolean },
    info: { filename?: string; mimeType: string },
  ): Promise<string> {
    const format = fields.format as ImportFormatName;
    const details: Array<{ field: string; errors: string[] }> = [];
    if (!IMPORT_FORMATS.includes(format)) details.push({ field: 'format', errors: [`format must be one of ${IMPORT_FORMATS.join(', ')} (sent before the file)`] });
    if (!fields.brandId || !/^[0-9a-f-]{36}$/i.test(fields.brandId)) details.push({ field: 'brandId', errors: ['brandId must be a UUID (sent before the file)'] });
    if (details.length) throw new BadRequestException({ statusCode: 400, message: 'Invalid import request', details });
    const filename = (info.filename ?? '').slice(0, 255);
    if (!CSV_TYPES.has(info.mimeType.toLowerCase()) || (filename && !/\.(csv|txt|tsv)$/i.test(filename))) {
      throw unsupported(`Only CSV files are accepted (got ${info.mimeType}${filename ? `, ${filename}` : ''})`);
    }
    await this.brands.get(workspaceId, fields.brandId);
    const id = await this.imports.create(workspaceId, fields.brandId, format, filename, userId);
    let seq = 0;
    let size = 0;
    let buf: Buffer[] = [];
    let bufLen = 0;
    const flush = async () => {
      if (!bufLen) return;
      await this.chunks.insert(id, seq++, Buffer.concat(buf));
      buf = [];
      bufLen = 0;
    };
    try {
      for await (const part of stream as AsyncIterable<Buffer>) {
        buf.push(part);
        bufLen += part.length;
        size += part.length;
        if (bufLen >= CHUNK_BYTES) await flush();
      }
      await flush();
      if (stream.truncated) {
        throw new HttpException({ statusCode: 413, message: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` }, HttpStatus.PAYLOAD_TOO_LARGE);
      }
      if (size === 0) throw new BadRequestException({ statusCode: 400, message: 'The file is empty', details: [{ field: 'file', errors: ['empty file'] }] });
      await this.imports.setSize(id, size);
      return id;
    } catch (e) {
      await this.imports.delete(id);
      throw e;
    }
  }
}
