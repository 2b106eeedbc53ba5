import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReportLanguage } from './report-figures';

/** Who receives a brand's monthly report, and when it goes out by itself. */
@Entity('report_settings')
export class ReportSettings {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid' }) brandId: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @Column({ type: 'text', array: true }) recipients: string[];
  @Column({ name: 'auto_send_hour', type: 'smallint', nullable: true }) autoSendHour: number | null;
  @Column({ type: 'text', nullable: true }) language: ReportLanguage | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
