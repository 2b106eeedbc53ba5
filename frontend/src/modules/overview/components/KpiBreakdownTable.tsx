import { KPI_DEFINITIONS, type KpiKey } from '@vigie/kpi';
import type { KpiValues } from '@vigie/contracts';
import { DataTable } from '../../../components/DataTable';
import { formatValue } from '../../../lib/format';
import { useLocale } from '../../../lib/hooks/useLocale';

export interface BreakdownRow {
  key: string;
  name: string;
  kpis: KpiValues;
}

/** The table under a breakdown chart: one row per channel or content type, the chosen KPIs as columns. */
export function KpiBreakdownTable(props: { label: string; testId: string; firstColumn: string; kpis: KpiKey[]; rows: BreakdownRow[] }) {
  const locale = useLocale();
  return (
    <DataTable
      label={props.label}
      testId={props.testId}
      columns={[{ label: props.firstColumn }, ...props.kpis.map((k) => ({ label: KPI_DEFINITIONS[k].label[locale], numeric: true }))]}
    >
      {props.rows.map((r) => (
        <tr key={r.key}>
          <th scope="row">{r.name}</th>
          {props.kpis.map((k) => (
            <td key={k} className="num">
              {formatValue(r.kpis[k], KPI_DEFINITIONS[k].format, locale)}
            </td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}
