import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An RSS/Atom feed listened to (news, blogs); polled with conditional GETs. */
@Entity('listening_sources')
export class ListeningSource {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @Column({ type: 'text' }) url: string;
  @Column() name: string;
  @Column() active: boolean;
  @Column({ type: 'text', nullable: true }) etag: string | null;
  @Column({ name: 'last_modified', type: 'text', nullable: true }) lastModified: string | null;
  @Column({ name: 'last_polled_at', type: 'timestamptz', nullable: true }) lastPolledAt: Date | null;
  @Column({ name: 'last_status', type: 'text', nullable: true }) lastStatus: string | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
