import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { preparedQuery } from '../../common/database/prepared-query';

/**
 * kpi_activity_marks (appended by triggers on comments, inbox_items, inbox_notes, posts, authors
 * and services, see migrations 1764300000000-1): the brand's activity version is the sum of its
 * weights, read with the KPI scope (KpiReadsRepository.scope) or here; this repository folds them,
 * and the kpi_source_marks of the sources version (followers, links, share of voice) with them.
 */
@Injectable()
export class KpiActivityMarksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The activity version of one brand of the workspace, or of all its brands: `brand:sum` per
   * brand, in order ('' for an unknown brand). A brand's sum only grows while it exists, and a
   * deleted or new brand changes the list, so a version never comes back.
   */
  async version(workspaceId: string, brandId: string | null): Promise<string> {
    const [row] = await preparedQuery<{ v: string | null }>(
      this.db,
      `SELECT string_agg(b.id || ':' || coalesce((SELECT sum(m.weight) FROM kpi_activity_marks m WHERE m.brand_id = b.id), 0), ',' ORDER BY b.id) AS v
       FROM brands b WHERE b.workspace_id = $1 AND ($2::uuid IS NULL OR b.id = $2)`,
      [workspaceId, brandId],
    );
    return row?.v ?? '';
  }

  /**
   * Folds each brand's marks into one of the same weight (the version is unchanged), in
   * kpi_activity_marks and kpi_source_marks (1764400000000); marks removed.
   */
  async compact(): Promise<number> {
    const [row] = (await this.db.query('SELECT compact_kpi_activity_marks() + compact_kpi_source_marks() AS removed')) as Array<{
      removed: number;
    }>;
    return row.removed;
  }
}
