import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { monthPeriod } from '@vigie/kpi';
import { KpiService } from '../../kpi/api/kpi.service';
import type { KpiMonth } from '../figures/kpi-month';

/**
 * The KPI API's own service, called for whole calendar months: the report shows exactly what
 * `GET …/kpis?from=<1st>&to=<last day>` shows. KpiModule does not export KpiService, so it is
 * looked up in the container (one instance, same as the controller's).
 */
@Injectable()
export class ReportKpiSource implements OnModuleInit {
  private kpi!: KpiService;

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    this.kpi = this.moduleRef.get(KpiService, { strict: false });
  }

  async month(workspaceId: string, brandId: string, month: string, granularity: 'day' | 'month' = 'month'): Promise<KpiMonth> {
    const { from, to } = monthPeriod(month);
    const result = await this.kpi.getKpis(workspaceId, { brandId, from, to, granularity });
    return result as unknown as KpiMonth;
  }
}
