import { useTranslation } from 'react-i18next';
import { ScrollRegion } from './ScrollRegion';

interface Props {
  labels: string[];
  datasets: Array<{ label: string; data: Array<number | null> }>;
  format(value: number): string;
}

/** The numbers behind a chart, folded under the canvas, for keyboard and screen-reader users. */
export function ChartDataTable({ labels, datasets, format }: Props) {
  const { t } = useTranslation();
  return (
    <details className="chart-data">
      <summary>{t('common.showData')}</summary>
      <ScrollRegion label={t('common.showData')}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('common.bucket')}</span>
              </th>
              {datasets.map((d) => (
                <th key={d.label} scope="col" className="num">
                  {d.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, i) => (
              <tr key={`${label}-${i}`}>
                <th scope="row">{label}</th>
                {datasets.map((d) => (
                  <td key={d.label} className="num">
                    {d.data[i] === null || d.data[i] === undefined ? '—' : format(d.data[i] as number)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}
