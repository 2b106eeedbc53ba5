import type { QueryPreviewStoredDto as PreviewDto } from '@vigie/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { HighlightedText } from '../../../components/HighlightedText';
import { ApiError } from '../../../lib/api-client';
import { previewWatchQuery } from '../api';
import { formatDateTime, formatInteger } from '../../../lib/format';
import { useLocale } from '../../../lib/hooks/useLocale';

const DEBOUNCE_MS = 500;

/** What the draft query would have matched over the last 30 days (the server runs the same matcher). */
export function QueryPreview({ workspaceId, brandId, query, valid, timezone }: { workspaceId: string; brandId?: string; query: string; valid: boolean; timezone: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [data, setData] = useState<PreviewDto | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!valid || !query.trim()) {
      setData(null);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      setLoading(true);
      previewWatchQuery(workspaceId, { query, brandId })
        .then((d) => {
          if (!cancelled) {
            setData(d);
            setError(null);
          }
        })
        .catch((err: unknown) => {
          if (!cancelled) setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
        })
        .finally(() => !cancelled && setLoading(false));
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [workspaceId, brandId, query, valid]);

  if (!valid || !query.trim()) return null;
  return (
    <section className="query-preview" aria-live="polite" aria-busy={loading} data-testid="query-preview">
      <h3 className="card__title">{t('veille.preview')}</h3>
      {error ? <ErrorMessage error={error} /> : null}
      {data ? (
        <>
          <p data-testid="preview-count" data-value={data.count}>
            {t('veille.previewCount', {
              count: data.count,
              value: formatInteger(data.count, locale),
              scanned: formatInteger(data.scanned ?? 0, locale),
            })}
            {data.truncated ? ` ${t('veille.previewTruncated')}` : ''}
          </p>
          <ul className="preview-list">
            {data.matches.slice(0, 20).map((m, i) => (
              <li key={m.id ?? i}>
                <p className="preview-list__text">
                  <HighlightedText text={m.text} spans={m.spans} />
                </p>
                <p className="muted">
                  {m.platform ?? ''}
                  {m.source ? ` · ${m.source}` : ''}
                  {m.publishedAt ? ` · ${formatDateTime(m.publishedAt, locale, timezone)}` : ''}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : loading ? (
        <p className="muted">{t('common.loading')}</p>
      ) : null}
    </section>
  );
}
