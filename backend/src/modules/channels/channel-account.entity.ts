import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ChannelStatus } from '@vigie/contracts';
import type { Platform, SyncCursor } from './connectors/channel-connector';

export type { ChannelStatus };
export type ConnectedVia = 'token' | 'oauth' | 'app-password';

@Entity('channel_accounts')
export class ChannelAccount {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @Column({ name: 'brand_id', type: 'uuid' }) brandId: string;
  @Column({ type: 'text' }) platform: Platform;
  @Column() handle: string;
  @Column({ name: 'external_id', type: 'text', nullable: true }) externalId: string | null;
  @Column({ name: 'display_name', type: 'text', nullable: true }) displayName: string | null;
  @Column({ name: 'base_url', type: 'text', nullable: true }) baseUrl: string | null;
  /** AES-256-GCM sealed JSON; never selected by default, never returned by the API. */
  @Column({ name: 'credentials_encrypted', type: 'bytea', nullable: true, select: false })
  credentialsEncrypted: Buffer | null;
  @Column({ name: 'sync_cursor', type: 'jsonb', nullable: true }) syncCursor: SyncCursor | null;
  @Column({ type: 'text' }) status: ChannelStatus;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'last_error_at', type: 'timestamptz', nullable: true }) lastErrorAt: Date | null;
  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true }) lastSuccessAt: Date | null;
  @Column({ name: 'last_sync_at', type: 'timestamptz', nullable: true }) lastSyncAt: Date | null;
  @Column({ name: 'consecutive_failures', type: 'int' }) consecutiveFailures: number;
  /** When the stored access token stops working unless refreshed (the token keeper refreshes before). */
  @Column({ name: 'token_expires_at', type: 'timestamptz', nullable: true }) tokenExpiresAt: Date | null;
  /** How the credentials were obtained: pasted token, OAuth consent, app password (null: none / import). */
  @Column({ name: 'connected_via', type: 'text', nullable: true }) connectedVia: ConnectedVia | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
