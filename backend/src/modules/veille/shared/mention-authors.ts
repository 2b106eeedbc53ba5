import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { opaqueAuthorKey, pseudonymFor } from '../../../common/crypto/author-display';
import { pseudonymSalt } from '../../../common/crypto/pseudonym';
import { WorkspacesRepository } from '../../workspaces/workspaces.repository';

export interface MentionAuthorView {
  /** The platform id, or an opaque stable key when pseudonymised. */
  externalId: string;
  handle: string | null;
  name: string | null;
  followers: number | null;
  pseudonymized: boolean;
}

export type MentionAuthorRender = (platform: string, a: { externalId: string; handle: string | null; name: string | null; followers: number | null }) => MentionAuthorView;

/**
 * Authors of mentions as every other author is shown: the workspace's pseudonym (the value ingestion
 * stores in authors.pseudonym, in the workspace's language) unless pseudonymisation is turned off.
 */
@Injectable()
export class MentionAuthors {
  constructor(
    private readonly workspaces: WorkspacesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async renderer(workspaceId: string): Promise<MentionAuthorRender> {
    const w = await this.workspaces.settingsOf(workspaceId);
    // Absent = on: privacy by default (as PrivacySettingsService).
    const pseudonymize = w?.settings.pseudonymizeAuthors !== false;
    const language = w?.language ?? 'fr';
    const salt = pseudonymSalt(this.config.secretKey, workspaceId);
    return (platform, a) =>
      pseudonymize
        ? { externalId: opaqueAuthorKey(salt, platform, a.externalId), handle: null, name: pseudonymFor(salt, platform, a.externalId, language), followers: a.followers, pseudonymized: true }
        : { ...a, pseudonymized: false };
  }
}
