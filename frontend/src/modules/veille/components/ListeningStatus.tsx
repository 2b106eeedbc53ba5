import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { useApi } from '../../../lib/hooks/useApi';
import { useLocale } from '../../../lib/hooks/useLocale';
import { getListeningStatus } from '../api';

/** Where a saved query is listened to, what is sent to each platform, and what a platform could not do. */
export function ListeningStatus({ workspaceId, queryId, timezone }: { workspaceId: string; queryId: string; timezone: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const res = useApi((signal) => getListeningStatus(workspaceId, queryId, signal), [workspaceId, queryId]);
  const rows = res.data ?? [];
  if (rows.length === 0) return null;
  return (
    <div className="listening-status" data-testid="listening-status">
      <h3>{t('veille.listening.title')}</h3>
      <ul className="plain-list">
        {rows.map((r, i) => (
          <li key={`${r.platform}-${i}`} className="plain-list__row" data-platform={r.platform} data-full-text={r.fullText}>
            <span className="badge badge--neutral">{t(`platform.${r.platform}`, { defaultValue: r.platform })}</span> <code>{r.search}</code>
            <span className="muted">
              {' '}
              · {r.lastPolledAt ? t('veille.listening.polled', { at: formatDateTime(r.lastPolledAt, locale, timezone) }) : t('veille.listening.notYet')}
            </span>
            {r.notice ? (
              <p className="notice" role="status">
                {r.notice}
              </p>
            ) : null}
            {r.lastError ? <p className="error-message">{r.lastError}</p> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
