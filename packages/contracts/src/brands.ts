import type { IsoDateTime } from './common';

export type BrandKind = 'own' | 'competitor';

/** `GET /workspaces/:id/brands` items. */
export interface BrandDto {
  id: string;
  workspaceId: string;
  name: string;
  kind: BrandKind;
  logoUrl: string | null;
  createdAt: IsoDateTime;
}
