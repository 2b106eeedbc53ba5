import { KPI_DEFINITIONS, periodLength, type KpiKey } from '@vigie/kpi';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useFilters } from '../../app/workspace/useFilters';
import { useWorkspace } from '../../app/workspace/workspace-context';
import { ChartDataTable } from '../../components/ChartDataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeader } from '../../components/PageHeader';
import { Skeleton } from '../../components/Skeleton';
import { BarChart } from '../../lib/chart/BarChart';
import { LineChart } from '../../lib/chart/LineChart';
import { formatDay, formatInteger, formatPercent, formatValue } from '../../lib/format';
import { useApi } from '../../lib/hooks/useApi';
import { getKpis } from './api';
import { useLocale } from '../../lib/hooks/useLocale';
import { AttentionBar } from './components/AttentionBar';
import { Heatmap } from './components/Heatmap';
import { KpiBreakdownTable } from './components/KpiBreakdownTable';
import { KpiTile } from './components/KpiTile';
import { ThemesCard } from './components/ThemesCard';
import { TopPosts } from './components/TopPosts';
import { toBreakdownChartData, toSeriesChartData } from './utils/chart-data';
import { buildTile, OVERVIEW_TILE_KEYS } from './utils/kpi-tiles';
import '../../styles/overview.css';

const SERIES_CHOICES: KpiKey[] = ['interactions', 'reach', 'impressions', 'engagementRateByReach', 'clicks', 'posts'];
const GRANULARITIES = ['day', 'week', 'month'] as const;

export default function OverviewPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { workspace, brands } = useWorkspace();
  const [filters] = useFilters();
  const [params, setParams] = useSearchParams();
  const seriesKey = (SERIES_CHOICES as string[]).includes(params.get('metric') ?? '')
    ? (params.get('metric') as KpiKey)
    : 'interactions';
  const autoGranularity = periodLength(filters.from, filters.to) > 92 ? 'week' : 'day';
  const granularity = (GRANULARITIES as readonly string[]).includes(params.get('granularity') ?? '')
    ? (params.get('granularity') as (typeof GRANULARITIES)[number])
    : autoGranularity;

  const setParam = (key: string, value: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set(key, value);
      return next;
    });

  const kpiQuery = { brandId: filters.brandId, from: filters.from, to: filters.to, granularity };
  const res = useApi(filters.brandId ? (signal) => getKpis(workspace.id, kpiQuery, signal) : null, [workspace.id, kpiQuery]);

  const tiles = useMemo(() => (res.data ? OVERVIEW_TILE_KEYS.map((k) => buildTile(res.data!, k)) : []), [res.data]);
  const brand = brands.find((b) => b.id === filters.brandId);

  if (!filters.brandId) {
    return (
      <>
        <PageHeader title={t('nav.overview')} />
        <EmptyState
          title={t('overview.noBrandTitle')}
          action={
            <Link className="btn btn--primary" to={`/w/${workspace.id}/settings`}>
              {t('overview.noBrandAction')}
            </Link>
          }
        >
          <p>{t('overview.noBrandBody')}</p>
        </EmptyState>
      </>
    );
  }

  const data = res.data;
  const hasData = data ? data.byChannel.length > 0 || (data.kpis.posts ?? 0) > 0 : false;
  const pct = KPI_DEFINITIONS[seriesKey].format === 'percent';
  const seriesData = toSeriesChartData(data?.series ?? [], [seriesKey], locale);
  const formatY = (v: number) => (pct ? formatPercent(v / 100, locale) : formatInteger(v, locale));

  return (
    <>
      <AttentionBar workspaceId={workspace.id} brandId={filters.brandId} />
      <PageHeader
        title={brand ? `${t('nav.overview')} — ${brand.name}` : t('nav.overview')}
        subtitle={
          data
            ? t('overview.periodLine', {
                from: formatDay(data.period.from, locale, 'long'),
                to: formatDay(data.period.to, locale, 'long'),
                prevFrom: formatDay(data.previousPeriod.from, locale),
                prevTo: formatDay(data.previousPeriod.to, locale),
              })
            : undefined
        }
      />
      {res.error ? <ErrorMessage error={res.error} onRetry={res.reload} /> : null}
      {res.loading && !data ? <Skeleton rows={12} variant="tiles" /> : null}
      {data && !hasData ? (
        <EmptyState
          title={t('overview.emptyTitle')}
          action={
            <Link className="btn btn--primary" to={`/w/${workspace.id}/channels?brandId=${filters.brandId}`}>
              {t('overview.emptyAction')}
            </Link>
          }
        >
          <p>{t('overview.emptyBody')}</p>
        </EmptyState>
      ) : null}
      {data && hasData ? (
        <div className={res.loading ? 'overview overview--refreshing' : 'overview'} aria-busy={res.loading}>
          {data.seriesBreaks.length > 0 ? (
            <p className="notice">
              {t('overview.seriesBreak', {
                date: formatDay(data.seriesBreaks[0].date, locale, 'long'),
                platform: data.seriesBreaks[0].platform,
              })}
            </p>
          ) : null}
          {data.warnings.length > 0 ? (
            <p className="notice">{data.warnings.map((w) => t(`overview.warning.${w}`, { defaultValue: w })).join(' ')}</p>
          ) : null}

          <section className="kpi-grid" aria-labelledby="kpi-grid-title">
            <h2 id="kpi-grid-title" className="visually-hidden">
              {t('overview.kpis')}
            </h2>
            {tiles.map((tile) => (
              <KpiTile key={tile.key} tile={tile} />
            ))}
          </section>

          <section className="card overview__series">
            <div className="card__head">
              <h2 className="card__title">{t('overview.trend')}</h2>
              <div className="toolbar toolbar--tight">
                <label className="field field--inline">
                  <span className="field__label">{t('overview.metric')}</span>
                  <select value={seriesKey} onChange={(e) => setParam('metric', e.target.value)} data-testid="series-metric">
                    {SERIES_CHOICES.map((k) => (
                      <option key={k} value={k}>
                        {KPI_DEFINITIONS[k].label[locale]}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field field--inline">
                  <span className="field__label">{t('overview.granularity')}</span>
                  <select value={granularity} onChange={(e) => setParam('granularity', e.target.value)}>
                    {GRANULARITIES.map((g) => (
                      <option key={g} value={g}>
                        {t(`overview.by.${g}`)}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
            </div>
            <LineChart
              data={seriesData}
              label={t('overview.trendLabel', { metric: KPI_DEFINITIONS[seriesKey].label[locale] })}
              formatY={formatY}
            />
            <ChartDataTable labels={seriesData.labels} datasets={seriesData.datasets} format={formatY} />
          </section>

          <section className="card overview__channels">
            <h2 className="card__title">{t('overview.byChannel')}</h2>
            <div className="overview__channels-body">
              <BarChart
                data={toBreakdownChartData(data.byChannel, (c) => `${c.platform} · ${c.handle}`, 'interactions', locale)}
                label={t('overview.byChannelLabel')}
                formatValue={(v) => formatInteger(v, locale)}
                horizontal
                height={Math.max(140, data.byChannel.length * 36 + 40)}
              />
              <KpiBreakdownTable
                label={t('overview.byChannelLabel')}
                testId="by-channel"
                firstColumn={t('overview.channel')}
                kpis={['posts', 'reach', 'interactions', 'engagementRateByReach', 'followers']}
                rows={data.byChannel.map((c) => ({ key: c.channelAccountId, name: `${c.platform} · ${c.handle}`, kpis: c.kpis }))}
              />
            </div>
          </section>

          <div className="grid-2">

            <section className="card">
              <h2 className="card__title">{t('overview.byContentType')}</h2>
              {data.byContentType.length === 0 ? (
                <p className="muted">{t('overview.noPostsInPeriod')}</p>
              ) : (
                <>
                  <BarChart
                    data={toBreakdownChartData(data.byContentType, (c) => c.contentType, 'engagementRateByReach', locale)}
                    label={t('overview.byContentTypeLabel')}
                    formatValue={(v) => formatPercent(v / 100, locale)}
                    height={220}
                  />
                  <KpiBreakdownTable
                    label={t('overview.byContentTypeLabel')}
                    testId="by-content-type"
                    firstColumn={t('overview.contentType')}
                    kpis={['posts', 'interactions', 'engagementRateByReach']}
                    rows={data.byContentType.map((c) => ({ key: c.contentType, name: c.contentType, kpis: c.kpis }))}
                  />
                </>
              )}
            </section>
            <section className="card">
              <h2 className="card__title">{t('overview.heatmapTitle')}</h2>
              <Heatmap cells={data.heatmap.cells} timezone={data.heatmap.timezone} />
            </section>
          </div>
          <ThemesCard workspaceId={workspace.id} brandId={filters.brandId} from={filters.from} to={filters.to} />
          <div className="overview__top">
            <section className="card">
              <h2 className="card__title">{t('overview.topPosts')}</h2>
              <TopPosts
                workspaceId={workspace.id}
                brandId={filters.brandId}
                from={filters.from}
                to={filters.to}
                timezone={workspace.timezone}
              />
            </section>
          </div>
        </div>
      ) : null}
    </>
  );
}
