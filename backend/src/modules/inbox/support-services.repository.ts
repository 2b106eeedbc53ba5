import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type DataSource, IsNull, type Repository } from 'typeorm';
import type { ServiceKind } from './support-service.entity';
import { SupportService } from './support-service.entity';

/** A default service in one language, in the order it is shown. */
export interface DefaultServiceRow {
  name: string;
  kind: ServiceKind;
  lang: 'fr' | 'en';
  pos: number;
}

/** The `services` table (the teams inbox items are routed to); deleted services are archived. */
@Injectable()
export class SupportServicesRepository {
  constructor(
    @InjectRepository(SupportService) private readonly services: Repository<SupportService>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  listActive(workspaceId: string): Promise<SupportService[]> {
    return this.services.find({ where: { workspaceId, archivedAt: IsNull() } });
  }

  findActive(workspaceId: string, id: string): Promise<SupportService | null> {
    return this.services.findOne({ where: { workspaceId, id, archivedAt: IsNull() } });
  }

  insert(values: Pick<SupportService, 'workspaceId' | 'name' | 'email' | 'kind'>): Promise<SupportService> {
    return this.services.save(this.services.create(values));
  }

  save(service: SupportService): Promise<SupportService> {
    return this.services.save(service);
  }

  async archive(workspaceId: string, id: string): Promise<void> {
    await this.services.update({ workspaceId, id }, { archivedAt: new Date() });
  }

  /**
   * Inserts the defaults of the workspace's language, only when the workspace never had a
   * service; concurrent calls are safe.
   */
  async seedDefaultsOnce(workspaceId: string, defaults: DefaultServiceRow[]): Promise<void> {
    await this.db.query(
      `INSERT INTO services (workspace_id, name, kind)
       SELECT w.id, d.name, d.kind
       FROM workspaces w
       CROSS JOIN LATERAL (SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(name text, kind text, lang text, pos int)) d
       WHERE w.id = $1 AND d.lang = w.language
         AND NOT EXISTS (SELECT 1 FROM services s WHERE s.workspace_id = w.id)
       ORDER BY d.pos
       ON CONFLICT DO NOTHING`,
      [workspaceId, JSON.stringify(defaults)],
    );
  }
}
