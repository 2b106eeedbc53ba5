import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type BrandKind = 'own' | 'competitor';

@Entity('brands')
export class Brand {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @Column() name: string;
  @Column({ type: 'text' }) kind: BrandKind;
  @Column({ name: 'logo_url', type: 'text', nullable: true }) logoUrl: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
