import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface WorkspaceSettings {
  /** Show authors as stable pseudonyms ("Utilisateur 7F3A") in UI, exports and reports. */
  pseudonymizeAuthors?: boolean;
  retentionDays?: number | null;
  [key: string]: unknown;
}

@Entity('workspaces')
export class Workspace {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() name: string;
  @Column() timezone: string;
  @Column() language: 'fr' | 'en';
  @Column({ type: 'jsonb' }) settings: WorkspaceSettings;
  @Column({ name: 'is_demo' }) isDemo: boolean;
  @Column({ name: 'replies_need_approval', default: false }) repliesNeedApproval: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
