import type { KpiKey } from '@vigie/kpi';

/** The part of the KPI API's answer (KpiService.getKpis) the report reads, for one month. */
export interface KpiMonth {
  kpis: Record<KpiKey, number | null>;
  missing: KpiKey[];
  partial: KpiKey[];
  series: Array<Record<string, string | number | null>>;
  byChannel: Array<{
    channelAccountId: string;
    platform: string;
    handle: string;
    kpis: Record<KpiKey, number | null>;
    missing: KpiKey[];
    partial: KpiKey[];
  }>;
  byContentType: Array<{ contentType: string; kpis: Record<KpiKey, number | null> }>;
  heatmap: { cells: Array<{ weekday: number; hour: number; posts: number; interactions: number }> };
}
