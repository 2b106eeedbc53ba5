import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One e-mail of a report: through SMTP, or written to <dataDir>/outbox/ without SMTP. */
@Entity('report_deliveries')
export class ReportDelivery {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @Column({ name: 'report_id', type: 'uuid' }) reportId: string;
  @Column({ type: 'text', array: true }) recipients: string[];
  @Column({ type: 'text' }) subject: string;
  @Column({ type: 'text' }) via: 'smtp' | 'outbox';
  @Column({ name: 'message_id', type: 'text', nullable: true }) messageId: string | null;
  @Column({ name: 'outbox_file', type: 'text', nullable: true }) outboxFile: string | null;
  @Column({ name: 'pdf_attached', type: 'boolean' }) pdfAttached: boolean;
  @Column({ name: 'sent_by', type: 'uuid', nullable: true }) sentBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
