import type { ChartOptions } from 'chart.js';
import { Line } from 'react-chartjs-2';
import { registerCharts } from './register-chart';

registerCharts();

interface Props {
  data: Parameters<typeof Line>[0]['data'];
  label: string;
  formatY?: (value: number) => string;
  height?: number;
}

/** A line chart whose canvas is described for screen readers (the numbers are also in tiles/tables). */
export function LineChart({ data, label, formatY, height = 260 }: Props) {
  const options: ChartOptions<'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', intersect: false },
    plugins: {
      legend: { position: 'bottom', labels: { boxWidth: 12 } },
      tooltip: formatY
        ? { callbacks: { label: (ctx) => `${ctx.dataset.label ?? ''}: ${ctx.parsed.y === null ? '—' : formatY(ctx.parsed.y)}` } }
        : {},
    },
    scales: {
      x: { ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 8 } },
      y: { beginAtZero: true, ticks: formatY ? { callback: (v) => formatY(Number(v)) } : {} },
    },
  };
  return (
    <div className="chart" style={{ height }}>
      <Line data={data} options={options} aria-label={label} role="img" />
    </div>
  );
}
