import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { pseudonymSalt } from '../../common/crypto/pseudonym';
import { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { type AuthorDisplay, type AuthorFields, type DisplayLanguage, displayAuthor, pseudonymFor } from './pseudonym';

export interface PrivacySettings {
  /** Authors shown as stable pseudonyms in UI, exports and reports (default true). */
  pseudonymizeAuthors: boolean;
  /** Days after which texts and identities are purged; null = kept. */
  retentionDays: number | null;
}

/** Renders authors for one workspace, per its setting and language. */
export interface AuthorRenderer {
  pseudonymize: boolean;
  language: DisplayLanguage;
  render(author: AuthorFields | null): AuthorDisplay | null;
}

@Injectable()
export class PrivacySettingsService {
  constructor(
    private readonly workspaces: WorkspacesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(workspaceId: string): Promise<PrivacySettings & { language: DisplayLanguage }> {
    const w = await this.workspaces.settingsOf(workspaceId);
    if (!w) throw new NotFoundException('Workspace not found');
    const days = w.settings.retentionDays;
    return {
      // Absent = on: privacy by default.
      pseudonymizeAuthors: w.settings.pseudonymizeAuthors !== false,
      retentionDays: typeof days === 'number' && days > 0 ? days : null,
      language: w.language,
    };
  }

  async update(workspaceId: string, patch: Partial<PrivacySettings>): Promise<PrivacySettings> {
    const set: Record<string, unknown> = {};
    if (patch.pseudonymizeAuthors !== undefined) set.pseudonymizeAuthors = patch.pseudonymizeAuthors;
    if (patch.retentionDays !== undefined) set.retentionDays = patch.retentionDays;
    await this.workspaces.mergeSettings(workspaceId, set);
    const { pseudonymizeAuthors, retentionDays } = await this.get(workspaceId);
    return { pseudonymizeAuthors, retentionDays };
  }

  /**
   * For other modules (inbox, veille, reports, exports): one call per request or job, then
   * `render(author)` per row. Authors rows give { pseudonym, handle, displayName, erased }.
   */
  async authorRenderer(workspaceId: string, language?: DisplayLanguage): Promise<AuthorRenderer> {
    const s = await this.get(workspaceId);
    const lang = language ?? s.language;
    return {
      pseudonymize: s.pseudonymizeAuthors,
      language: lang,
      render: (a) => displayAuthor(a, { pseudonymize: s.pseudonymizeAuthors, language: lang }),
    };
  }

  /** Pseudonym of a platform account with no authors row yet (mentions): same value ingestion would store. */
  pseudonymFor(workspaceId: string, platform: string, externalId: string, language: DisplayLanguage = 'fr'): string {
    return pseudonymFor(pseudonymSalt(this.config.secretKey, workspaceId), platform, externalId, language);
  }
}
