import { Injectable } from '@nestjs/common';
import { monthPeriod } from '@vigie/kpi';
import { KpiService } from '../../kpi/api/kpi.service';
import type { KpiMonth } from '../figures/kpi-month';

/**
 * The KPI API's own service, called for whole calendar months: the report shows exactly what
 * `GET …/kpis?from=<1st>&to=<last day>` shows (KpiModule exports it: one instance, the
 * controller's, with its caches).
 */
@Injectable()
export class ReportKpiSource {
  constructor(private readonly kpi: KpiService) {}

  async month(workspaceId: string, brandId: string, month: string, granularity: 'day' | 'month' = 'month'): Promise<KpiMonth> {
    const { from, to } = monthPeriod(month);
    const result = await this.kpi.getKpis(workspaceId, { brandId, from, to, granularity });
    return result as unknown as KpiMonth;
  }
}
