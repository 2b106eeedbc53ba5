import type { ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { registerCharts } from './register-chart';

registerCharts();

interface Props {
  data: Parameters<typeof Bar>[0]['data'];
  label: string;
  formatValue?: (value: number) => string;
  horizontal?: boolean;
  height?: number;
  stacked?: boolean;
}

export function BarChart({ data, label, formatValue, horizontal = false, height = 240, stacked = false }: Props) {
  const valueAxis = horizontal ? 'x' : 'y';
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    indexAxis: horizontal ? 'y' : 'x',
    plugins: {
      legend: { display: (data.datasets?.length ?? 0) > 1, position: 'bottom', labels: { boxWidth: 12 } },
      tooltip: formatValue
        ? {
            callbacks: {
              label: (ctx) => {
                const v = horizontal ? ctx.parsed.x : ctx.parsed.y;
                return `${ctx.dataset.label ?? ''}: ${v === null ? '—' : formatValue(v)}`;
              },
            },
          }
        : {},
    },
    scales: {
      x: { stacked, ...(valueAxis === 'x' ? { beginAtZero: true, ticks: formatValue ? { callback: (v) => formatValue(Number(v)) } : {} } : {}) },
      y: { stacked, ...(valueAxis === 'y' ? { beginAtZero: true, ticks: formatValue ? { callback: (v) => formatValue(Number(v)) } : {} } : {}) },
    },
  };
  return (
    <div className="chart" style={{ height }}>
      <Bar data={data} options={options} aria-label={label} role="img" />
    </div>
  );
}
