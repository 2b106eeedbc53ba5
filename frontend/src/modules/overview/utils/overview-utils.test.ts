import { KPI_KEYS, type KpiKey } from '@vigie/kpi';
import { describe, expect, it } from 'vitest';
import type { KpiResponseDto as KpiResponse, KpiValues } from '@vigie/contracts';
import { toBreakdownChartData, toSeriesChartData } from './chart-data';
import { heatColor, intensity, toHeatmapGrid } from './heatmap';
import { buildTile, sparklineOf, sparklinePaths } from './kpi-tiles';

function values(partial: Partial<KpiValues>): KpiValues {
  const v = Object.fromEntries(KPI_KEYS.map((k) => [k, null])) as KpiValues;
  return { ...v, ...partial };
}

function response(current: Partial<KpiValues>, previous: Partial<KpiValues>, extra: Partial<KpiResponse> = {}): KpiResponse {
  return {
    brandId: 'b',
    channelAccountId: null,
    timezone: 'Europe/Paris',
    granularity: 'day',
    period: { from: '2025-03-01', to: '2025-03-03' },
    previousPeriod: { from: '2025-02-26', to: '2025-02-28' },
    kpis: values(current),
    previousKpis: values(previous),
    missing: [],
    partial: [],
    previousMissing: [],
    previousPartial: [],
    warnings: [],
    series: [],
    byChannel: [],
    byContentType: [],
    heatmap: { timezone: 'Europe/Paris', cells: [] },
    seriesBreaks: [],
    ...extra,
  };
}

describe('buildTile', () => {
  it('gives counts a relative change, good when up', () => {
    const t = buildTile(response({ interactions: 150 }, { interactions: 100 }), 'interactions');
    expect(t.value).toBe(150);
    expect(t.changeKind).toBe('relative');
    expect(t.change).toBe(0.5);
    expect(t.trend).toBe('good');
  });

  it('gives ratios a change in points', () => {
    const t = buildTile(response({ engagementRateByReach: 0.05 }, { engagementRateByReach: 0.04 }), 'engagementRateByReach');
    expect(t.changeKind).toBe('points');
    expect(t.change).toBeCloseTo(0.01, 10);
    expect(t.trend).toBe('good');
  });

  it('reads a shorter response time as good', () => {
    const t = buildTile(
      response({ medianFirstResponseMinutes: 30 }, { medianFirstResponseMinutes: 60 }),
      'medianFirstResponseMinutes',
    );
    expect(t.change).toBe(-0.5);
    expect(t.trend).toBe('good');
  });

  it('has no change when the previous period has no value, and flags missing inputs', () => {
    const t = buildTile(response({ clicks: 12 }, {}, { missing: ['conversions'] as KpiKey[] }), 'clicks');
    expect(t.change).toBeNull();
    expect(t.trend).toBe('none');
    expect(buildTile(response({}, {}, { missing: ['conversions'] as KpiKey[] }), 'conversions').missing).toBe(true);
  });
});

describe('sparklines', () => {
  it('extracts the per-bucket values of a key, nulls kept as gaps', () => {
    const series = [
      { from: '2025-03-01', to: '2025-03-01', reach: 10 },
      { from: '2025-03-02', to: '2025-03-02', reach: null },
    ];
    expect(sparklineOf(series, 'reach')).toEqual([10, null]);
    expect(sparklineOf(series, 'followers')).toBeNull();
  });

  it('scales values into the box and breaks the line at gaps', () => {
    // stepX = (32 − 4) / 3; y(0) = 10, y(10) = 2, y(5) = 6 in a 12 px box with 2 px padding
    expect(sparklinePaths([0, 10, null, 5], 32, 12)).toEqual(['2,10 11.3,2', '30,6']);
  });

  it('draws a flat series in the middle', () => {
    expect(sparklinePaths([3, 3], 10, 10)).toEqual(['2,5 8,5']);
  });
});

describe('heatmap', () => {
  const grid = toHeatmapGrid([
    { weekday: 1, hour: 9, posts: 2, interactions: 30, reach: 0 },
    { weekday: 3, hour: 18, posts: 1, interactions: 40, reach: 0 },
    { weekday: 7, hour: 0, posts: 0, interactions: 5, reach: 0 },
  ]);
  it('computes interactions per post by weekday × hour', () => {
    expect(grid.rows[0][9]).toBe(15);
    expect(grid.rows[2][18]).toBe(40);
    expect(grid.rows[6][0]).toBeNull(); // no post: no value, not zero
    expect(grid.best).toEqual({ weekday: 3, hour: 18, value: 40 });
    expect(grid.max).toBe(40);
  });
  it('maps intensity to a sequential scale and empty slots to grey', () => {
    expect(intensity(15, 40)).toBe(0.375);
    expect(intensity(null, 40)).toBeNull();
    expect(heatColor(null)).toBe('#f3f4f6');
    expect(heatColor(1)).toBe('#08519c');
    expect(heatColor(0)).toBe('#deebf7');
  });
});

describe('chart data', () => {
  it('turns ratio series into percentages and labels days by locale', () => {
    const d = toSeriesChartData(
      [
        { from: '2025-03-01', to: '2025-03-01', engagementRateByReach: 0.125 },
        { from: '2025-03-02', to: '2025-03-02', engagementRateByReach: null },
      ],
      ['engagementRateByReach'],
      'fr',
    );
    expect(d.labels).toEqual(['1 mars', '2 mars']);
    expect(d.datasets[0].label).toBe("Taux d'engagement (portée)");
    expect(d.datasets[0].data).toEqual([12.5, null]);
  });

  it('builds a breakdown bar per group', () => {
    const blocks = [
      { channelAccountId: 'a', platform: 'facebook', handle: 'fb', kpis: values({ reach: 100 }), missing: [], partial: [] },
      { channelAccountId: 'b', platform: 'x', handle: 'x', kpis: values({}), missing: [], partial: [] },
    ];
    const d = toBreakdownChartData(blocks, (g) => g.handle, 'reach', 'en');
    expect(d.labels).toEqual(['fb', 'x']);
    expect(d.datasets[0].data).toEqual([100, null]);
  });
});
