import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReportFigures, ReportLanguage, StoredRecommendations } from './report-figures';

export type ReportStatus = 'draft' | 'sent';

@Entity('reports')
export class Report {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @Column({ name: 'brand_id', type: 'uuid' }) brandId: string;
  @Column({ type: 'text' }) month: string;
  @Column({ type: 'text' }) status: ReportStatus;
  @Column({ type: 'text' }) language: ReportLanguage;
  @Column({ type: 'jsonb' }) figures: ReportFigures;
  @Column({ type: 'jsonb' }) recommendations: StoredRecommendations;
  @Column({ name: 'generated_at', type: 'timestamptz' }) generatedAt: Date;
  @Column({ name: 'generated_by', type: 'uuid', nullable: true }) generatedBy: string | null;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt: Date | null;
  @Column({ name: 'sent_to', type: 'text', array: true }) sentTo: string[];
  @Column({ name: 'sent_by', type: 'uuid', nullable: true }) sentBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
