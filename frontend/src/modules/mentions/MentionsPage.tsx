import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useFilters } from '../../app/workspace/useFilters';
import { useWorkspace } from '../../app/workspace/workspace-context';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { HighlightedText } from '../../components/HighlightedText';
import { PageHeader } from '../../components/PageHeader';
import { Skeleton } from '../../components/Skeleton';
import { formatDateTime, formatInteger } from '../../lib/format';
import { useApi } from '../../lib/hooks/useApi';
import { usePagedList } from '../../lib/hooks/usePagedList';
import { listWatchQueries } from '../veille/api';
import { listMentions, type MentionsQuery } from './api';
import { useLocale } from '../../lib/hooks/useLocale';
import { safeHref } from '../posts/post-row';
import { PLATFORMS } from '@vigie/contracts';
import { compileAll, mentionSpans } from './utils/mention-spans';
import '../../styles/mentions.css';
import { platformOptions, SelectField, sentimentOptions } from '../../components/SelectField';
import { TextField } from '../../components/TextField';

const PAGE_SIZE = 50;

export default function MentionsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { workspace } = useWorkspace();
  const [filters] = useFilters();
  const [params, setParams] = useSearchParams();
  const f = {
    queryId: params.get('queryId') ?? '',
    platform: params.get('platform') ?? '',
    source: params.get('source') ?? '',
    sentiment: params.get('sentiment') ?? '',
    lang: params.get('lang') ?? '',
    minReach: params.get('minReach') ?? '',
  };
  const queries = useApi((signal) => listWatchQueries(workspace.id, { brandId: filters.brandId }, signal), [workspace.id, filters.brandId]);
  const compiled = useMemo(() => compileAll(queries.data ?? []), [queries.data]);

  const sentinel = useRef<HTMLDivElement>(null);

  const query: MentionsQuery = {
    brandId: filters.brandId,
    from: filters.from,
    to: filters.to,
    queryId: f.queryId || undefined,
    platform: f.platform || undefined,
    source: f.source || undefined,
    sentiment: f.sentiment || undefined,
    lang: f.lang || undefined,
    minReach: f.minReach || undefined,
    limit: PAGE_SIZE,
  };
  const { items, nextCursor, loading, loadingMore, error, loadMore } = usePagedList(
    (cursor, signal) => listMentions(workspace.id, { ...query, cursor }, signal),
    [workspace.id, query],
  );

  // Infinite scroll: load the next page when the end of the list comes into view.
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !nextCursor || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void loadMore();
    });
    io.observe(el);
    return () => io.disconnect();
  }, [nextCursor, loadMore]);

  const setFilter = (name: string, value: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(name, value);
      else next.delete(name);
      return next;
    });

  const queryName = (id: string) => queries.data?.find((q) => q.id === id)?.name;

  return (
    <>
      <PageHeader title={t('nav.mentions')} subtitle={t('mentions.subtitle')} />
      <div className="toolbar" role="group" aria-label={t('mentions.filters')}>
        <SelectField
          inline
          label={t('mentions.query')}
          value={f.queryId}
          onChange={(v) => setFilter('queryId', v)}
          testId="mentions-query"
          anyLabel={t('mentions.allQueries')}
          options={(queries.data ?? []).map((q) => ({ value: q.id, label: q.name }))}
        />
        <SelectField
          inline
          label={t('mentions.platform')}
          value={f.platform}
          onChange={(v) => setFilter('platform', v)}
          anyLabel={t('mentions.any')}
          options={platformOptions(t, PLATFORMS)}
        />
        <SelectField
          inline
          label={t('mentions.sentiment')}
          value={f.sentiment}
          onChange={(v) => setFilter('sentiment', v)}
          anyLabel={t('mentions.any')}
          options={sentimentOptions(t)}
        />
        <SelectField
          inline
          label={t('mentions.language')}
          value={f.lang}
          onChange={(v) => setFilter('lang', v)}
          anyLabel={t('mentions.any')}
          options={['fr', 'en', 'de', 'es', 'it', 'nl', 'pt'].map((l) => ({ value: l, label: l }))}
        />
        <TextField
          label={t('mentions.minReach')}
          inline
          type="number"
          min={0}
          step={100}
          defaultValue={f.minReach}
          onBlur={(e) => setFilter('minReach', e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && setFilter('minReach', e.currentTarget.value)}
        />
        {f.source ? (
          <button type="button" className="btn btn--secondary btn--small" onClick={() => setFilter('source', '')}>
            {t('mentions.clearSource', { source: f.source })}
          </button>
        ) : null}
      </div>

      {error ? <ErrorMessage error={error} /> : null}
      {loading ? <Skeleton rows={6} /> : null}
      {!loading && !error && items.length === 0 ? (
        <EmptyState
          title={t('mentions.emptyTitle')}
          action={
            <Link className="btn btn--secondary" to={`/w/${workspace.id}/veille${filters.brandId ? `?brandId=${filters.brandId}` : ''}`}>
              {t('mentions.toVeille')}
            </Link>
          }
        >
          <p>{(queries.data?.length ?? 0) === 0 ? t('mentions.emptyNoQuery') : t('mentions.emptyFiltered')}</p>
        </EmptyState>
      ) : null}
      {!loading && items.length > 0 ? (
        <ol className="mention-feed" data-testid="mention-feed">
          {items.map((m) => {
            const href = safeHref(m.url);
            return (
              <li key={m.id} className="mention card" data-testid="mention">
                <p className="mention__text">
                  <HighlightedText text={m.text} spans={mentionSpans(m, compiled)} />
                </p>
                <p className="mention__meta muted">
                  <span className="badge badge--neutral">{t(`platform.${m.platform}`, { defaultValue: m.platform })}</span>{' '}
                  {m.source ? (
                    <button type="button" className="linkish" onClick={() => setFilter('source', m.source ?? '')}>
                      {m.source}
                    </button>
                  ) : null}
                  {m.author ? ` · ${m.author.name ?? m.author.handle ?? ''}` : ''}
                  {m.author?.followers != null ? ` (${t('mentions.followers', { value: formatInteger(m.author.followers, locale) })})` : ''}
                  {' · '}
                  {formatDateTime(m.publishedAt, locale, workspace.timezone)}
                  {m.sentiment ? (
                    <>
                      {' · '}
                      <span className={`sentiment sentiment--${m.sentiment.label}`}>{t(`sentiment.${m.sentiment.label}`, { defaultValue: m.sentiment.label })}</span>
                    </>
                  ) : null}
                  {m.language ? ` · ${m.language}` : ''}
                  {m.reach !== null ? ` · ${t('mentions.reach', { value: formatInteger(m.reach, locale) })}` : ''}
                  {href ? (
                    <>
                      {' · '}
                      <a href={href} target="_blank" rel="noopener noreferrer">
                        {t('mentions.open')}
                      </a>
                    </>
                  ) : null}
                </p>
                {m.queryIds.length ? (
                  <p className="mention__queries">
                    {m.queryIds.map((id) =>
                      queryName(id) ? (
                        <span key={id} className="badge badge--neutral">
                          {queryName(id)}
                        </span>
                      ) : null,
                    )}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : null}
      <div ref={sentinel} aria-hidden="true" />
      {nextCursor && !loading ? (
        <button type="button" className="btn btn--secondary btn--block" onClick={() => void loadMore()} disabled={loadingMore}>
          {loadingMore ? t('common.loading') : t('mentions.loadMore')}
        </button>
      ) : null}
    </>
  );
}
