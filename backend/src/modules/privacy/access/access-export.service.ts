import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { resolveSubject, type SubjectRef, subjectParams, withSubject } from '../erasure/subject';
import { ACCESS_QUERIES } from './access-queries';

/** Everything held about one person in one workspace, as JSON (read in one snapshot). */
@Injectable()
export class AccessExportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  export(workspaceId: string, ref: SubjectRef) {
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const subject = await resolveSubject(m, workspaceId, ref);
      const data: Record<string, unknown[]> = {};
      for (const q of ACCESS_QUERIES) data[q.key] = (await m.query(withSubject(q.sql), subjectParams(subject))) as unknown[];
      return {
        subject: { platform: subject.platform, handles: subject.handles, externalIds: subject.externalIds },
        generatedAt: new Date().toISOString(),
        ...data,
      };
    });
  }
}
