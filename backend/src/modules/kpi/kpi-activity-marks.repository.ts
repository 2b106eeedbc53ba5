import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/**
 * kpi_activity_marks (appended by triggers on comments and inbox_items, see migration
 * 1764300000000): the brand's activity version is the sum of its weights, read with the KPI
 * scope (KpiReadsRepository.scope). This repository folds them.
 */
@Injectable()
export class KpiActivityMarksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Folds each brand's marks into one of the same weight (the version is unchanged); marks removed. */
  async compact(): Promise<number> {
    const [row] = (await this.db.query('SELECT compact_kpi_activity_marks() AS removed')) as Array<{ removed: number }>;
    return row.removed;
  }
}
