import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A CM's correction of the classifier: kept to export as labelled examples (corrections.jsonl). */
@Entity('type_corrections')
export class TypeCorrection {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @Column({ name: 'item_id', type: 'bigint' }) itemId: string;
  @Column({ name: 'from_type', type: 'text' }) fromType: string;
  @Column({ name: 'to_type', type: 'text' }) toType: string;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
