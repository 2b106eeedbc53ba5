import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Skeleton } from '../../../components/Skeleton';
import { formatDateTime, formatInteger, formatPercent } from '../../../lib/format';
import { useApi } from '../../../lib/hooks/useApi';
import { listTopPosts } from '../../posts/api';
import { useLocale } from '../../../lib/hooks/useLocale';
import { safeHref } from '../../posts/post-row';

interface Props {
  workspaceId: string;
  brandId: string;
  from: string;
  to: string;
  timezone: string;
}

export function TopPosts({ workspaceId, brandId, from, to, timezone }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const res = useApi(
    (signal) => listTopPosts(workspaceId, { brandId, from, to, metric: 'interactions', limit: 5 }, signal),
    [workspaceId, brandId, from, to],
  );
  if (res.loading) return <Skeleton rows={5} />;
  if (res.error?.status === 404) return <p className="muted">{t('overview.topPostsUnavailable')}</p>;
  if (res.error) return <ErrorMessage error={res.error} onRetry={res.reload} />;
  const items = res.data ?? [];
  if (items.length === 0) return <p className="muted">{t('overview.topPostsEmpty')}</p>;
  return (
    <ol className="top-posts" data-testid="top-posts">
      {items.map((p) => {
        const href = safeHref(p.permalink);
        return (
          <li key={p.id} className="top-post">
            <p className="top-post__text">{p.text.length > 220 ? `${p.text.slice(0, 220)}…` : p.text || t('posts.noText')}</p>
            <p className="top-post__meta">
              <span className="badge badge--neutral">{p.platform}</span>{' '}
              {p.contentType ? <span className="muted">{p.contentType} · </span> : null}
              <span className="muted">{p.publishedAt ? formatDateTime(p.publishedAt, locale, timezone) : ''}</span>
              {href ? (
                <>
                  {' · '}
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    {t('posts.openOnPlatform')}
                  </a>
                </>
              ) : null}
            </p>
            <dl className="top-post__figures">
              <div>
                <dt>{t('posts.col.interactions')}</dt>
                <dd>{formatInteger(p.interactions, locale)}</dd>
              </div>
              <div>
                <dt>{t('posts.col.reach')}</dt>
                <dd>{formatInteger(p.reach, locale)}</dd>
              </div>
              <div>
                <dt>{t('posts.col.engagementRateByReach')}</dt>
                <dd>{formatPercent(p.engagementRateByReach, locale)}</dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ol>
  );
}
