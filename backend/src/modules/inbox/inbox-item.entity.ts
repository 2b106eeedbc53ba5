import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { InboxStatus } from '@vigie/contracts';

export { INBOX_STATUSES, type InboxStatus } from '@vigie/contracts';

/** Triage state of one community comment (created by enrichment; see inbox-sync.service.ts). */
@Entity('inbox_items')
export class InboxItem {
  // bigint ids come back from pg as strings
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @Column({ name: 'brand_id', type: 'uuid' }) brandId: string;
  @Column({ name: 'channel_account_id', type: 'uuid' }) channelAccountId: string;
  @Column({ name: 'comment_id', type: 'bigint' }) commentId: string;
  @Column({ name: 'published_at', type: 'timestamptz' }) publishedAt: Date;
  @Column({ type: 'text' }) type: string;
  @Column({ name: 'type_override', type: 'text', nullable: true }) typeOverride: string | null;
  @Column({ name: 'needs_attention', type: 'boolean' }) needsAttention: boolean;
  @Column({ type: 'text' }) status: InboxStatus;
  @Column({ name: 'service_id', type: 'uuid', nullable: true }) serviceId: string | null;
  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true }) assignedAt: Date | null;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt: Date | null;
  @Column({ name: 'first_response_minutes', type: 'double precision', nullable: true })
  firstResponseMinutes: number | null;
  @Column({ name: 'answered_by', type: 'text', nullable: true }) answeredBy: string | null;
  @Column({ name: 'ignored_at', type: 'timestamptz', nullable: true }) ignoredAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
