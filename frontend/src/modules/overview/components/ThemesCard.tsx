import type { ConversationThemeDto } from '@vigie/contracts';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Skeleton } from '../../../components/Skeleton';
import { type AppLocale, formatInteger, formatPercent } from '../../../lib/format';
import { useApi } from '../../../lib/hooks/useApi';
import { useLocale } from '../../../lib/hooks/useLocale';
import { getThemes } from '../api';

interface Props {
  workspaceId: string;
  brandId: string;
  from: string;
  to: string;
}

/**
 * "What the community talks about": each theme's share of the analysed comments, its tone
 * (negative / neutral / positive, as a bar and as figures) and its change on the previous period,
 * so the quality of interactions is more than one number.
 */
export function ThemesCard({ workspaceId, brandId, from, to }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const res = useApi((signal) => getThemes(workspaceId, { brandId, from, to }, signal), [workspaceId, brandId, from, to]);
  const data = res.data;
  return (
    <section className="card themes-card" aria-labelledby="themes-title" data-testid="themes">
      <h2 className="card__title" id="themes-title">
        {t('themes.title')}
      </h2>
      {res.error ? <ErrorMessage error={res.error} onRetry={res.reload} /> : null}
      {res.loading && !data ? <Skeleton rows={4} /> : null}
      {data && data.themes.length === 0 ? <p className="muted">{t('themes.none', { count: data.analysedComments })}</p> : null}
      {data && data.themes.length > 0 ? (
        <>
          <p className="muted">
            {t('themes.summary', {
              count: data.analysedComments,
              share: formatPercent(data.withTheme / Math.max(1, data.analysedComments), locale),
            })}
          </p>
          <DataTable
            label={`${t('themes.title')} — ${t('themes.col.tone')}`}
            testId="themes-table"
            columns={[
              { label: t('themes.col.theme') },
              { label: t('themes.col.comments'), numeric: true },
              { label: t('themes.col.tone') },
              { label: t('themes.col.net'), numeric: true },
              { label: t('themes.col.previous'), numeric: true },
            ]}
          >
            {data.themes.map((th) => (
              <tr key={th.aspect} data-testid={`theme-${th.aspect}`} data-comments={th.comments} data-net={th.net}>
                <th scope="row">{t(`themes.aspect.${th.aspect}`, { defaultValue: th.aspect })}</th>
                <td className="num">{formatInteger(th.comments, locale)}</td>
                <td>
                  <ToneBar theme={th} />
                </td>
                <td className="num">{formatSigned(th.net, locale)}</td>
                <td className="num">{th.previousComments === null ? '—' : formatInteger(th.previousComments, locale)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}
    </section>
  );
}

function ToneBar({ theme }: { theme: ConversationThemeDto }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const parts = (['negative', 'neutral', 'positive'] as const).map((k) => ({ k, n: theme[k], share: theme[k] / Math.max(1, theme.comments) }));
  const label = parts.map((p) => `${t(`sentiment.${p.k}`)} ${formatPercent(p.share, locale)}`).join(', ');
  return (
    <span className="tone-bar" role="img" aria-label={label} title={label}>
      {parts.map((p) =>
        p.n > 0 ? <span key={p.k} className={`tone-bar__part tone-bar__part--${p.k}`} style={{ width: `${(p.share * 100).toFixed(1)}%` }} /> : null,
      )}
    </span>
  );
}

function formatSigned(v: number, locale: AppLocale): string {
  const s = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, minimumFractionDigits: 2, signDisplay: 'exceptZero' }).format(v);
  return s;
}
