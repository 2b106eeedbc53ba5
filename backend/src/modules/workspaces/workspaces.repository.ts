import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { Workspace, type WorkspaceSettings } from './workspace.entity';

/** The privacy-relevant columns of a workspace. */
export interface WorkspaceSettingsRow {
  settings: WorkspaceSettings;
  language: 'fr' | 'en';
}

/** The `workspaces` table. */
@Injectable()
export class WorkspacesRepository {
  constructor(@InjectRepository(Workspace) private readonly workspaces: Repository<Workspace>) {}

  findByIds(ids: string[]): Promise<Workspace[]> {
    return this.workspaces.find({ where: { id: In(ids) }, order: { createdAt: 'ASC' } });
  }

  /** Demo workspaces (the live demo wires them to the platform sandbox). */
  findDemo(): Promise<Workspace[]> {
    return this.workspaces.find({ where: { isDemo: true } });
  }

  findById(id: string): Promise<Workspace | null> {
    return this.workspaces.findOne({ where: { id } });
  }

  insert(values: Pick<Workspace, 'name' | 'timezone' | 'language' | 'settings' | 'isDemo'> & Partial<Pick<Workspace, 'repliesNeedApproval'>>): Promise<Workspace> {
    return this.workspaces.save(this.workspaces.create(values));
  }

  async update(id: string, values: Partial<Pick<Workspace, 'name' | 'timezone' | 'language' | 'repliesNeedApproval'>>): Promise<void> {
    await this.workspaces.update({ id }, values);
  }

  /** Settings jsonb and language (privacy settings, author rendering). */
  async settingsOf(id: string): Promise<WorkspaceSettingsRow | undefined> {
    const [w] = (await this.workspaces.query('SELECT settings, language FROM workspaces WHERE id = $1', [id])) as WorkspaceSettingsRow[];
    return w;
  }

  /** The workspace's IANA time zone (undefined: no such workspace). */
  async timezoneOf(id: string): Promise<string | undefined> {
    const [row] = (await this.workspaces.query('SELECT timezone FROM workspaces WHERE id = $1', [id])) as Array<{ timezone: string }>;
    return row?.timezone;
  }

    /** Merges keys into the settings jsonb (other keys kept). */
  async mergeSettings(id: string, set: Partial<WorkspaceSettings>): Promise<void> {
    await this.workspaces.query('UPDATE workspaces SET settings = settings || $2::jsonb WHERE id = $1', [id, JSON.stringify(set)]);
  }

  /** Every workspace's time zone, oldest workspace first (monthly report schedule). */
  async timezones(): Promise<Array<{ id: string; timezone: string }>> {
    return (await this.workspaces.query('SELECT id, timezone FROM workspaces ORDER BY created_at')) as Array<{ id: string; timezone: string }>;
  }

  /** Workspaces whose settings carry a numeric retention period, in days (the privacy retention job). */
  async withRetentionDays(): Promise<Array<{ id: string; days: number }>> {
    return (await this.workspaces.query(
      `SELECT id, (settings->>'retentionDays')::int AS days FROM workspaces
       WHERE jsonb_typeof(settings->'retentionDays') = 'number'`,
    )) as Array<{ id: string; days: number }>;
  }
}
