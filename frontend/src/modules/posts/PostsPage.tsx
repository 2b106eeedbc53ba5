import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useFilters } from '../../app/workspace/useFilters';
import { useWorkspace } from '../../app/workspace/workspace-context';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeader } from '../../components/PageHeader';
import { Skeleton } from '../../components/Skeleton';
import { ApiError } from '../../lib/api-client';
import { formatDateTime, formatInteger, formatPercent } from '../../lib/format';
import { toApiError, useApi } from '../../lib/hooks/useApi';
import { usePagedList } from '../../lib/hooks/usePagedList';
import { listChannels } from '../channels/api';
import { listPosts, type PostsQuery } from './api';
import { useLocale } from '../../lib/hooks/useLocale';
import { safeHref, type PostRow } from './post-row';
import { downloadBlob, postsExportTable, toCsv, toXlsxBlob, type ExportLabels } from './utils/export-table';
import '../../styles/posts.css';
import { NoBrandPage } from '../../components/NoBrandPage';
import { TextField } from '../../components/TextField';

const SORTABLE = ['publishedAt', 'impressions', 'reach', 'interactions', 'comments', 'shares', 'clicks', 'engagementRateByReach'] as const;
type SortKey = (typeof SORTABLE)[number];
const PAGE_SIZE = 100;
const EXPORT_MAX = 10_000;

export default function PostsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { workspace, brands } = useWorkspace();
  const [filters] = useFilters();
  const [params, setParams] = useSearchParams();
  const sort: SortKey = (SORTABLE as readonly string[]).includes(params.get('sort') ?? '') ? (params.get('sort') as SortKey) : 'publishedAt';
  const order = params.get('order') === 'asc' ? 'asc' : 'desc';
  const channelAccountId = params.get('channel') ?? '';
  const selectedPost = params.get('post');
  const [text, setText] = useState('');

  const channels = useApi(
    filters.brandId ? (signal) => listChannels(workspace.id, { brandId: filters.brandId }, signal) : null,
    [workspace.id, filters.brandId],
  );
  /** An export's failure, shown while the filters it ran with are still the page's. */
  const [exportError, setExportError] = useState<{ key: string; error: ApiError } | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);

  const query: PostsQuery = {
    brandId: filters.brandId,
    from: filters.from,
    to: filters.to,
    channelAccountId: channelAccountId || undefined,
    sort,
    order,
    limit: PAGE_SIZE,
  };
  const list = usePagedList(
    filters.brandId ? (cursor, signal) => listPosts(workspace.id, { ...query, cursor }, signal) : null,
    [workspace.id, query],
  );
  const { items: rows, nextCursor, loading } = list;
  const queryKey = JSON.stringify([workspace.id, query]);
  const error = (exportError?.key === queryKey ? exportError.error : null) ?? list.error;

  const setParam = (patch: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });

  const toggleSort = (k: SortKey) =>
    setParam({ sort: k, order: sort === k && order === 'desc' ? 'asc' : 'desc' });

  const shown = useMemo(() => {
    const q = text.trim().toLocaleLowerCase();
    return q ? rows.filter((r) => r.text.toLocaleLowerCase().includes(q)) : rows;
  }, [rows, text]);

  const labels: ExportLabels = {
    publishedAt: t('posts.col.publishedAt'),
    platform: t('posts.col.platform'),
    account: t('posts.col.account'),
    contentType: t('posts.col.contentType'),
    text: t('posts.col.text'),
    permalink: t('posts.col.permalink'),
    impressions: t('posts.col.impressions'),
    reach: t('posts.col.reach'),
    interactions: t('posts.col.interactions'),
    reactions: t('posts.col.reactions'),
    comments: t('posts.col.comments'),
    shares: t('posts.col.shares'),
    saves: t('posts.col.saves'),
    clicks: t('posts.col.clicks'),
    videoViews: t('posts.col.videoViews'),
    engagementRateByReach: t('posts.col.engagementRateByReach'),
    engagementRateByImpressions: t('posts.col.engagementRateByImpressions'),
  };

  /** Exports every post of the current filters (all pages), not only the loaded ones. */
  const exportAll = async (format: 'csv' | 'xlsx') => {
    setExportError(null);
    setExporting(t('posts.exporting', { count: 0 }));
    try {
      const all: PostRow[] = [];
      let cursor: string | null = null;
      do {
        const page = await listPosts(workspace.id, { ...query, limit: 200, cursor: cursor ?? undefined });
        all.push(...page.items);
        cursor = page.nextCursor;
        setExporting(t('posts.exporting', { count: all.length }));
      } while (cursor && all.length < EXPORT_MAX);
      const table = postsExportTable(all, labels);
      const brand = brands.find((b) => b.id === filters.brandId)?.name ?? 'brand';
      const base = `vigie-posts-${brand.replace(/[^\p{L}\p{N}]+/gu, '-')}-${filters.from}-${filters.to}`;
      if (format === 'csv') downloadBlob(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }), `${base}.csv`);
      else downloadBlob(await toXlsxBlob(table), `${base}.xlsx`);
    } catch (err) {
      setExportError({ key: queryKey, error: toApiError(err) });
    } finally {
      setExporting(null);
    }
  };

  if (!filters.brandId) {
    return <NoBrandPage title={t('nav.posts')} />;
  }

  const detail = rows.find((r) => r.id === selectedPost);
  const sortHeader = (k: SortKey, label: string, numeric = true) => (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={sort === k ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-btn" onClick={() => toggleSort(k)} data-testid={`sort-${k}`}>
        {label}
        <span aria-hidden="true">{sort === k ? (order === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );

  return (
    <>
      <PageHeader
        title={t('nav.posts')}
        subtitle={t('posts.subtitle')}
        actions={
          <>
            <button type="button" className="btn btn--secondary" onClick={() => void exportAll('csv')} disabled={!!exporting || rows.length === 0} data-testid="export-csv">
              {t('posts.exportCsv')}
            </button>
            <button type="button" className="btn btn--secondary" onClick={() => void exportAll('xlsx')} disabled={!!exporting || rows.length === 0} data-testid="export-xlsx">
              {t('posts.exportXlsx')}
            </button>
          </>
        }
      />
      <div className="toolbar">
        <label className="field field--inline">
          <span className="field__label">{t('posts.channel')}</span>
          <select value={channelAccountId} onChange={(e) => setParam({ channel: e.target.value })}>
            <option value="">{t('posts.allChannels')}</option>
            {(channels.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {t(`platform.${c.platform}`, { defaultValue: c.platform })} · {c.handle}
              </option>
            ))}
          </select>
        </label>
        <TextField label={t('posts.search')} inline type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('posts.searchPlaceholder')} />
      </div>
      {exporting ? (
        <p className="notice" role="status">
          {exporting}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}

      {detail ? (
        <section className="card post-detail" data-testid="post-detail" aria-label={t('posts.detail')}>
          <div className="card__head">
            <h2 className="card__title">
              {t(`platform.${detail.platform}`, { defaultValue: detail.platform })} · {detail.handle} · {formatDateTime(detail.publishedAt, locale, workspace.timezone)}
            </h2>
            <button type="button" className="btn btn--secondary btn--small" onClick={() => setParam({ post: null })}>
              {t('common.close')}
            </button>
          </div>
          <p className="post-detail__text">{detail.text || t('posts.noText')}</p>
          <dl className="post-detail__figures">
            {(['impressions', 'reach', 'interactions', 'reactions', 'comments', 'shares', 'saves', 'clicks', 'videoViews'] as const).map((k) => (
              <div key={k}>
                <dt>{t(`posts.col.${k}`)}</dt>
                <dd>{formatInteger(detail[k], locale)}</dd>
              </div>
            ))}
            <div>
              <dt>{t('posts.col.engagementRateByReach')}</dt>
              <dd>{formatPercent(detail.engagementRateByReach, locale)}</dd>
            </div>
            <div>
              <dt>{t('posts.col.engagementRateByImpressions')}</dt>
              <dd>{formatPercent(detail.engagementRateByImpressions, locale)}</dd>
            </div>
          </dl>
          {safeHref(detail.permalink) ? (
            <a href={safeHref(detail.permalink)!} target="_blank" rel="noopener noreferrer">
              {t('posts.openOnPlatform')}
            </a>
          ) : null}
        </section>
      ) : null}

      {loading ? <Skeleton rows={8} /> : null}
      {!loading && !error && rows.length === 0 ? (
        <EmptyState
          title={t('posts.emptyTitle')}
          action={
            <Link className="btn btn--secondary" to={`/w/${workspace.id}/channels?brandId=${filters.brandId}`}>
              {t('overview.emptyAction')}
            </Link>
          }
        >
          <p>{t('posts.emptyBody')}</p>
        </EmptyState>
      ) : null}
      {!loading && rows.length > 0 ? (
        <>
          <div className="table-wrap">
            <table className="table posts-table" data-testid="posts-table">
              <caption className="visually-hidden">{t('posts.caption')}</caption>
              <thead>
                <tr>
                  {sortHeader('publishedAt', t('posts.col.publishedAt'), false)}
                  <th scope="col">{t('posts.col.post')}</th>
                  {sortHeader('impressions', t('posts.col.impressions'))}
                  {sortHeader('reach', t('posts.col.reach'))}
                  {sortHeader('interactions', t('posts.col.interactions'))}
                  {sortHeader('comments', t('posts.col.comments'))}
                  {sortHeader('shares', t('posts.col.shares'))}
                  {sortHeader('clicks', t('posts.col.clicks'))}
                  {sortHeader('engagementRateByReach', t('posts.col.engagementRateByReach'))}
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.id} data-testid="post-row" className={r.id === selectedPost ? 'row--selected' : undefined}>
                    <td className="nowrap">{formatDateTime(r.publishedAt, locale, workspace.timezone)}</td>
                    <td className="posts-table__post">
                      <button type="button" className="linkish posts-table__open" onClick={() => setParam({ post: r.id })} data-testid="open-post">
                        {r.text ? (r.text.length > 90 ? `${r.text.slice(0, 90)}…` : r.text) : t('posts.noText')}
                      </button>
                      <span className="muted posts-table__meta">
                        {t(`platform.${r.platform}`, { defaultValue: r.platform })} · {r.handle}
                        {r.contentType ? ` · ${r.contentType}` : ''}
                      </span>
                    </td>
                    <td className="num">{formatInteger(r.impressions, locale)}</td>
                    <td className="num">{formatInteger(r.reach, locale)}</td>
                    <td className="num">{formatInteger(r.interactions, locale)}</td>
                    <td className="num">{formatInteger(r.comments, locale)}</td>
                    <td className="num">{formatInteger(r.shares, locale)}</td>
                    <td className="num">{formatInteger(r.clicks, locale)}</td>
                    <td className="num">{formatPercent(r.engagementRateByReach, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {text && shown.length < rows.length ? <p className="muted">{t('posts.searchNote', { shown: shown.length, loaded: rows.length })}</p> : null}
          {nextCursor ? (
            <button type="button" className="btn btn--secondary btn--block posts-more" onClick={() => void list.loadMore()}>
              {t('posts.loadMore')}
            </button>
          ) : null}
        </>
      ) : null}
    </>
  );
}
