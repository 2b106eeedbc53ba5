import { Injectable } from '@nestjs/common';
import { resolveSubject, type SubjectRef } from '../erasure/subject';
import { PrivacySubjectRepository } from '../privacy-subject.repository';

/** Everything held about one person in one workspace, as JSON (read in one snapshot). */
@Injectable()
export class AccessExportService {
  constructor(private readonly rows: PrivacySubjectRepository) {}

  export(workspaceId: string, ref: SubjectRef) {
    return this.rows.transaction(async (tx) => {
      const subject = await resolveSubject(this.rows, workspaceId, ref, tx);
      const data = await this.rows.accessData(subject, tx);
      return {
        subject: { platform: subject.platform, handles: subject.handles, externalIds: subject.externalIds },
        generatedAt: new Date().toISOString(),
        ...data,
      };
    });
  }
}
