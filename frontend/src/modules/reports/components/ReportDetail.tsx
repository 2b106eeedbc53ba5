import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Skeleton } from '../../../components/Skeleton';
import { formatDateTime } from '../../../lib/format';
import { useApi } from '../../../lib/hooks/useApi';
import { getReport, reportFileUrl, saveRecommendations, sendReport } from '../api';
import { useLocale } from '../../../lib/hooks/useLocale';
import { REPORT_SECTIONS as SECTIONS } from '@vigie/contracts';
import { formatMonth } from '../utils/months';
import { FormStatus } from '../../../components/FormStatus';

interface Draft {
  id?: string;
  text: string;
}

export function ReportDetail({ workspaceId, reportId, canAct, timezone, brandName, onChanged }: { workspaceId: string; reportId: string; canAct: boolean; timezone: string; brandName: string; onChanged(): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useApi((signal) => getReport(workspaceId, reportId, signal), [workspaceId, reportId]);
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (report.data) {
      setDrafts(report.data.recommendations.map((r) => ({ id: r.id, text: r.text })));
      setDirty(false);
    }
  }, [report.data]);

  if (report.error) return <ErrorMessage error={report.error} onRetry={report.reload} />;
  if (!report.data) return <Skeleton rows={6} />;
  const r = report.data;
  const sent = r.status === 'sent';

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await saveRecommendations(
        workspaceId,
        r.id,
        drafts.filter((d) => d.text.trim()).map((d) => ({ ...(d.id ? { id: d.id } : {}), text: d.text.trim() })),
      );
      setMessage(t('reports.savedRecs'));
      report.reload();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  const send = async () => {
    if (!window.confirm(t('reports.confirmSend'))) return;
    setBusy(true);
    setError(null);
    try {
      const res = await sendReport(workspaceId, r.id);
      setMessage(t('reports.sent', { to: (res?.sentTo ?? res?.recipients ?? []).join(', ') || '—' }));
      report.reload();
      onChanged();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card report-detail" data-testid="report-detail" aria-labelledby="report-title">
      <div className="card__head">
        <h2 className="card__title" id="report-title">
          {brandName} — {formatMonth(r.month, locale)}
        </h2>
        <div className="row-actions">
          <a className="btn btn--secondary btn--small" href={reportFileUrl(workspaceId, r.id, 'html')} target="_blank" rel="noopener">
            {t('reports.openPage')}
          </a>
          <a className="btn btn--secondary btn--small" href={reportFileUrl(workspaceId, r.id, 'pdf')}>
            PDF
          </a>
          <a className="btn btn--secondary btn--small" href={reportFileUrl(workspaceId, r.id, 'xlsx')}>
            {t('reports.spreadsheet')}
          </a>
        </div>
      </div>
      <p className="muted">
        {t(`reports.status.${r.status}`, { defaultValue: r.status })}
        {r.sentAt ? ` · ${t('reports.sentOn', { at: formatDateTime(r.sentAt, locale, timezone), to: (r.sentTo ?? []).join(', ') })}` : ''}
      </p>
      <ol className="report-sections">
        {SECTIONS.filter((s) => s !== 'recommendations').map((s) => (
          <li key={s}>
            <h3 className="report-sections__title">{t(`reports.section.${s}`)}</h3>
            <p>{r.summaries[s]}</p>
          </li>
        ))}
      </ol>
      <h3 className="report-sections__title">{t('reports.section.recommendations')}</h3>
      {sent ? <p className="muted">{t('reports.frozen')}</p> : null}
      <ol className="recs">
        {drafts.map((d, i) => (
          <li key={d.id ?? `new-${i}`}>
            {canAct && !sent ? (
              <div className="recs__edit">
                <label className="visually-hidden" htmlFor={`rec-${i}`}>
                  {t('reports.recommendation', { n: i + 1 })}
                </label>
                <textarea
                  id={`rec-${i}`}
                  value={d.text}
                  maxLength={1000}
                  onChange={(e) => {
                    const text = e.target.value;
                    setDrafts((list) => list.map((x, j) => (j === i ? { ...x, text } : x)));
                    setDirty(true);
                  }}
                />
                <button
                  type="button"
                  className="btn btn--danger btn--small"
                  onClick={() => {
                    setDrafts((list) => list.filter((_, j) => j !== i));
                    setDirty(true);
                  }}
                >
                  {t('veille.delete')}
                  <span className="visually-hidden"> {t('reports.recommendation', { n: i + 1 })}</span>
                </button>
              </div>
            ) : (
              <p>{d.text}</p>
            )}
          </li>
        ))}
      </ol>
      <FormStatus error={error} notice={message} />
      {canAct && !sent ? (
        <div className="form-actions">
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() => {
              setDrafts((list) => [...list, { text: '' }]);
              setDirty(true);
            }}
            disabled={drafts.length >= 30}
          >
            {t('reports.addRec')}
          </button>
          <button type="button" className="btn btn--primary" onClick={() => void save()} disabled={busy || !dirty}>
            {t('reports.saveRecs')}
          </button>
          <button type="button" className="btn btn--primary" onClick={() => void send()} disabled={busy || dirty} data-testid="report-send">
            {t('reports.send')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
