import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFilters } from '../../app/workspace/useFilters';
import { useWorkspace } from '../../app/workspace/workspace-context';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeader } from '../../components/PageHeader';
import { Skeleton } from '../../components/Skeleton';
import { BarChart } from '../../lib/chart/BarChart';
import { LineChart } from '../../lib/chart/LineChart';
import { formatDay, formatDecimal, formatInteger, formatPercent } from '../../lib/format';
import { useApi } from '../../lib/hooks/useApi';
import { getCompetitors, getShareOfVoice } from './api';
import { useLocale } from '../../lib/hooks/useLocale';
import { accountBars, sovSeries, sovShares } from './utils/competitor-charts';
import '../../styles/overview.css';
import { NoBrandPage } from '../../components/NoBrandPage';
import { DataTable } from '../../components/DataTable';

export default function CompetitorsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { workspace, brands } = useWorkspace();
  const [filters] = useFilters();
  const q = { brandId: filters.brandId, from: filters.from, to: filters.to };
  const sov = useApi(filters.brandId ? (signal) => getShareOfVoice(workspace.id, q, signal) : null, [workspace.id, q]);
  const comp = useApi(filters.brandId ? (signal) => getCompetitors(workspace.id, q, signal) : null, [workspace.id, q]);
  const hasCompetitors = brands.some((b) => b.kind === 'competitor');

  if (!filters.brandId) {
    return <NoBrandPage title={t('nav.competitors')} />;
  }
  if (!hasCompetitors) {
    return (
      <>
        <PageHeader title={t('nav.competitors')} />
        <EmptyState
          title={t('competitors.noneTitle')}
          action={
            <Link className="btn btn--primary" to={`/w/${workspace.id}/settings`}>
              {t('competitors.addCompetitor')}
            </Link>
          }
        >
          <p>{t('competitors.noneBody')}</p>
        </EmptyState>
      </>
    );
  }

  const shares = sov.data ? sovShares(sov.data) : [];
  const items = comp.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('nav.competitors')} subtitle={t('competitors.subtitle')} />
      <div className="grid-2">
        <section className="card" aria-labelledby="sov-title">
          <h2 className="card__title" id="sov-title">
            {t('competitors.sov')}
          </h2>
          {sov.error ? <ErrorMessage error={sov.error} onRetry={sov.reload} /> : null}
          {sov.loading && !sov.data ? <Skeleton rows={3} variant="chart" /> : null}
          {sov.data ? (
            sov.data.brand.mentions === null || sov.data.competitors.length === 0 ? (
              <p className="muted">{t('competitors.sovNeedsQueries')}</p>
            ) : (
              <>
                <p className="big-figure" data-testid="kpi-shareOfVoice" data-value={sov.data.shareOfVoice ?? ''}>
                  {formatPercent(sov.data.shareOfVoice, locale)}
                </p>
                <table className="table" data-testid="sov-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('competitors.brand')}</th>
                      <th scope="col" className="num">
                        {t('competitors.mentions')}
                      </th>
                      <th scope="col" className="num">
                        {t('competitors.share')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {shares.map((s) => (
                      <tr key={s.name}>
                        <th scope="row">{s.own ? <strong>{s.name}</strong> : s.name}</th>
                        <td className="num">{formatInteger(s.mentions, locale)}</td>
                        <td className="num">{formatPercent(s.share, locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {sov.data.series.length > 1 ? (
                  <LineChart
                    data={sovSeries(sov.data, t('competitors.sov'), (b) => (b.length === 10 ? formatDay(b, locale) : b))}
                    label={t('competitors.sovTrend')}
                    formatY={(v) => formatPercent(v / 100, locale)}
                    height={200}
                  />
                ) : null}
              </>
            )
          ) : null}
        </section>

        <section className="card" aria-labelledby="freq-title">
          <h2 className="card__title" id="freq-title">
            {t('competitors.frequency')}
          </h2>
          {comp.error ? <ErrorMessage error={comp.error} onRetry={comp.reload} /> : null}
          {comp.loading && !comp.data ? <Skeleton rows={3} variant="chart" /> : null}
          {comp.data && items.length === 0 ? <p className="muted">{t('competitors.noAccounts')}</p> : null}
          {items.length > 0 ? (
            <BarChart
              data={accountBars(items, (r) => r.postsPerWeek, t('competitors.postsPerWeek'))}
              label={t('competitors.frequencyLabel')}
              formatValue={(v) => formatDecimal(v, locale, 1)}
              horizontal
              height={Math.max(140, items.length * 32 + 40)}
            />
          ) : null}
        </section>
      </div>

      {items.length > 0 ? (
        <section className="card" aria-labelledby="eng-title">
          <h2 className="card__title" id="eng-title">
            {t('competitors.engagement')}
          </h2>
          <BarChart
            data={accountBars(items, (r) => r.engagementRateByReach, t('competitors.erReach'), 100)}
            label={t('competitors.engagementLabel')}
            formatValue={(v) => formatPercent(v / 100, locale)}
            horizontal
            height={Math.max(140, items.length * 32 + 40)}
          />
          <DataTable
            label={t('competitors.engagementLabel')}
            testId="competitors-table"
            columns={[
              { label: t('competitors.account') },
              { label: t('competitors.posts'), numeric: true },
              { label: t('competitors.postsPerWeek'), numeric: true },
              { label: t('competitors.followers'), numeric: true },
              { label: t('competitors.interactions'), numeric: true },
              { label: t('competitors.erReach'), numeric: true },
              { label: t('competitors.erFollowers'), numeric: true },
            ]}
          >
            {items.map((r) => (
              <tr key={r.channelAccountId}>
                <th scope="row">
                  {r.isCompetitor ? r.brandName : <strong>{r.brandName}</strong>} · {t(`platform.${r.platform}`, { defaultValue: r.platform })} ·{' '}
                  {r.handle}
                </th>
                <td className="num">{formatInteger(r.posts, locale)}</td>
                <td className="num">{formatDecimal(r.postsPerWeek, locale, 1)}</td>
                <td className="num">{formatInteger(r.followersEnd, locale)}</td>
                <td className="num">{formatInteger(r.interactions, locale)}</td>
                <td className="num">{formatPercent(r.engagementRateByReach, locale)}</td>
                <td className="num">{formatPercent(r.engagementRateByFollowers, locale, 2)}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      ) : null}
    </>
  );
}
