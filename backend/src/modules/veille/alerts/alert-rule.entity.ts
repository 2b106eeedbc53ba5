import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AlertType } from '@vigie/contracts';
import type { WebhookFormat } from './webhook-payload';

export { ALERT_TYPES, type AlertType } from '@vigie/contracts';

@Entity('alert_rules')
export class AlertRule {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @Column({ name: 'brand_id', type: 'uuid' }) brandId: string;
  @Column({ name: 'query_id', type: 'uuid', nullable: true }) queryId: string | null;
  @Column() name: string;
  @Column({ type: 'text' }) type: AlertType;
  @Column({ type: 'jsonb' }) params: Record<string, number | boolean>;
  @Column({ name: 'cooldown_minutes', type: 'int' }) cooldownMinutes: number;
  @Column({ type: 'text', array: true }) recipients: string[];
  @Column({ name: 'webhook_url', type: 'text', nullable: true }) webhookUrl: string | null;
  @Column({ name: 'webhook_format', type: 'text' }) webhookFormat: WebhookFormat;
  /** AES-256-GCM sealed; never selected by default, never returned. */
  @Column({ name: 'webhook_secret_encrypted', type: 'bytea', nullable: true, select: false }) webhookSecretEncrypted: Buffer | null;
  @Column() active: boolean;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
