import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFilters } from '../../app/workspace/useFilters';
import { useWorkspace } from '../../app/workspace/workspace-context';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeader } from '../../components/PageHeader';
import { Skeleton } from '../../components/Skeleton';
import { formatDateTime, formatDecimal, formatInteger, formatSignedPercent } from '../../lib/format';
import { useApi } from '../../lib/hooks/useApi';
import { listInfluencers } from './api';
import { useLocale } from '../../lib/hooks/useLocale';

export default function InfluencersPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { workspace } = useWorkspace();
  const [filters] = useFilters();
  const q = { brandId: filters.brandId, from: filters.from, to: filters.to };
  const res = useApi(filters.brandId ? (signal) => listInfluencers(workspace.id, q, signal) : null, [workspace.id, q]);

  return (
    <>
      <PageHeader title={t('nav.influencers')} subtitle={t('influencers.subtitle')} />
      {res.error ? <ErrorMessage error={res.error} onRetry={res.reload} /> : null}
      {res.loading && !res.data ? <Skeleton rows={8} /> : null}
      {res.data && res.data.items.length === 0 ? (
        <EmptyState
          title={t('influencers.emptyTitle')}
          action={
            <Link className="btn btn--secondary" to={`/w/${workspace.id}/veille?brandId=${filters.brandId ?? ''}`}>
              {t('mentions.toVeille')}
            </Link>
          }
        >
          <p>{t('influencers.emptyBody')}</p>
        </EmptyState>
      ) : null}
      {res.data && res.data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="influencers-table">
            <caption className="visually-hidden">{t('influencers.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">#</th>
                <th scope="col">{t('influencers.author')}</th>
                <th scope="col" className="num">{t('influencers.reach')}</th>
                <th scope="col" className="num">{t('influencers.mentions')}</th>
                <th scope="col" className="num">{t('influencers.engagement')}</th>
                <th scope="col" className="num">{t('influencers.netSentiment')}</th>
                <th scope="col">{t('influencers.last')}</th>
                <th scope="col" className="num">{t('influencers.score')}</th>
              </tr>
            </thead>
            <tbody>
              {res.data.items.map((i, n) => (
                <tr key={`${i.platform}:${i.author.externalId}`}>
                  <td className="num">{n + 1}</td>
                  <th scope="row">
                    {i.author.name ?? i.author.handle ?? i.author.externalId}
                    <span className="muted">
                      {' '}
                      {i.author.handle ? `@${i.author.handle} · ` : ''}
                      {t(`platform.${i.platform}`, { defaultValue: i.platform })}
                    </span>
                  </th>
                  <td className="num">{formatInteger(i.reach, locale)}</td>
                  <td className="num">{formatInteger(i.mentions, locale)}</td>
                  <td className="num">{formatInteger(i.engagement, locale)}</td>
                  <td className="num">{formatSignedPercent(i.sentiment.net, locale, 0)}</td>
                  <td>{formatDateTime(i.lastMentionAt, locale, workspace.timezone)}</td>
                  <td className="num">{formatDecimal(i.score, locale, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted table-note">{t('influencers.scoreNote')}</p>
        </div>
      ) : null}
    </>
  );
}
