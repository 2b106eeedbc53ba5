import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { WatchQueryKind } from '@vigie/contracts';

export { WATCH_QUERY_KINDS, type WatchQueryKind } from '@vigie/contracts';

@Entity('watch_queries')
export class WatchQuery {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @Column({ name: 'brand_id', type: 'uuid' }) brandId: string;
  @Column({ type: 'text' }) kind: WatchQueryKind;
  @Column() name: string;
  @Column({ type: 'text' }) query: string;
  @Column() active: boolean;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
