import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_KPIS, kpiResponseFixture } from '../../test/fixtures';
import { BRANDS, renderPage, stubApi } from '../../test/render';
import OverviewPage from './OverviewPage';
import type { KpiResponseDto as KpiResponse } from '@vigie/contracts';

vi.mock('../../lib/chart/LineChart', () => ({ LineChart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));
vi.mock('../../lib/chart/BarChart', () => ({ BarChart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

const empty = EMPTY_KPIS;

function kpiResponse(): KpiResponse {
  return kpiResponseFixture({
    period: { from: '2025-03-01', to: '2025-03-07' },
    previousPeriod: { from: '2025-02-22', to: '2025-02-28' },
    kpis: { ...empty, posts: 4, reach: 12345, interactions: 300, engagementRateByReach: 0.125 },
    previousKpis: { ...empty, posts: 2, reach: 10000, interactions: 200, engagementRateByReach: 0.1 },
    series: [
      { from: '2025-03-01', to: '2025-03-01', reach: 5000, interactions: 100 },
      { from: '2025-03-02', to: '2025-03-02', reach: 7345, interactions: 200 },
    ],
    byChannel: [
      { channelAccountId: 'c1', platform: 'facebook', handle: 'cafetest', kpis: { ...empty, posts: 4, reach: 12345 }, missing: [], partial: [] },
    ],
    byContentType: [{ contentType: 'photo', kpis: { ...empty, posts: 4 }, missing: [], partial: [] }],
    heatmap: { timezone: 'Europe/Paris', cells: [{ weekday: 2, hour: 18, posts: 2, interactions: 90, reach: 100 }] },
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('OverviewPage', () => {
  it('asks the KPI API for the brand and period in the URL and shows tiles with raw values', async () => {
    const calls = stubApi((url) => (url.pathname === '/api/workspaces/ws-1/kpis' ? { body: kpiResponse() } : undefined));
    renderPage(<OverviewPage />, { path: `/w/ws-1/overview?brandId=${BRANDS[0].id}&from=2025-03-01&to=2025-03-07` });

    const reach = await screen.findByTestId('kpi-reach');
    expect(reach).toHaveAttribute('data-value', '12345');
    expect(within(reach).getByText('12,345')).toBeInTheDocument();
    // +23.5 % = (12345 − 10000) / 10000
    expect(within(reach).getByText(/\+23\.5%/)).toBeInTheDocument();

    // Ratios compare in points: 12.5 % vs 10 % → +2.5 pt
    const er = screen.getByTestId('kpi-engagementRateByReach');
    expect(within(er).getByText('12.5%')).toBeInTheDocument();
    expect(within(er).getByText(/\+2\.5 pt/)).toBeInTheDocument();

    // The tooltip carries the definition from @vigie/kpi.
    expect(within(reach).getByRole('tooltip')).toHaveTextContent(/Unique accounts that saw each post/);

    // Missing inputs are said, not shown as 0.
    expect(within(screen.getByTestId('kpi-conversions')).getByText(/No data for this indicator/)).toBeInTheDocument();
    expect(screen.getByTestId('kpi-conversions')).toHaveAttribute('data-value', '');

    const kpiCall = calls.find((c) => c.url.pathname.endsWith('/kpis'))!;
    expect(kpiCall.url.searchParams.get('brandId')).toBe(BRANDS[0].id);
    expect(kpiCall.url.searchParams.get('from')).toBe('2025-03-01');
    expect(kpiCall.url.searchParams.get('to')).toBe('2025-03-07');
    expect(kpiCall.url.searchParams.get('granularity')).toBe('day');

    expect(screen.getByTestId('by-channel')).toHaveTextContent('facebook · cafetest');
    expect(screen.getByText(/Best slot: Tue at 18 h \(45 interactions per post\)/)).toBeInTheDocument();
  });

  it('formats the figures in French', async () => {
    stubApi((url) => (url.pathname.endsWith('/kpis') ? { body: kpiResponse() } : undefined));
    renderPage(<OverviewPage />, {
      path: `/w/ws-1/overview?brandId=${BRANDS[0].id}&from=2025-03-01&to=2025-03-07`,
      locale: 'fr',
    });
    const reach = await screen.findByTestId('kpi-reach');
    // Exact characters (the DOM queries would collapse the narrow no-break spaces).
    expect(reach.querySelector('.kpi-tile__value')?.textContent).toBe('12\u202f345');
    const er = screen.getByTestId('kpi-engagementRateByReach');
    expect(er.querySelector('.kpi-tile__value')?.textContent).toBe('12,5\u00a0%');
  });

  it('shows the open alerts and waiting messages first when those APIs answer', async () => {
    stubApi((url) => {
      if (url.pathname.endsWith('/kpis')) return { body: kpiResponse() };
      if (url.pathname.endsWith('/inbox')) return { body: { items: [{ id: '1' }, { id: '2' }], nextCursor: null } };
      if (url.pathname.endsWith('/alerts')) return { body: { items: [{ id: 'a' }], nextCursor: null } };
      return undefined;
    });
    renderPage(<OverviewPage />, { path: `/w/ws-1/overview?brandId=${BRANDS[0].id}&from=2025-03-01&to=2025-03-07` });
    expect(await screen.findByTestId('inbox-count')).toHaveAttribute('data-value', '2');
    expect(screen.getByTestId('open-alerts')).toHaveTextContent('1 open alert');
  });

  it('says what to do when the brand has no data', async () => {
    const r = kpiResponse();
    stubApi((url) =>
      url.pathname.endsWith('/kpis') ? { body: { ...r, byChannel: [], kpis: { ...empty, posts: 0 } } } : undefined,
    );
    renderPage(<OverviewPage />, { path: `/w/ws-1/overview?brandId=${BRANDS[0].id}&from=2025-03-01&to=2025-03-07` });
    expect(await screen.findByText('No data for this brand on this period')).toBeInTheDocument();
    expect(screen.queryByTestId('kpi-reach')).toBeNull();
  });

  it('shows the server message when the KPI call fails', async () => {
    stubApi((url) =>
      url.pathname.endsWith('/kpis')
        ? { status: 400, body: { statusCode: 400, message: 'Invalid request: to (the period may not exceed 731 days (got 900))' } }
        : undefined,
    );
    renderPage(<OverviewPage />, { path: `/w/ws-1/overview?brandId=${BRANDS[0].id}&from=2025-03-01&to=2025-03-07` });
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('the period may not exceed 731 days'));
  });
});
