import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Skeleton } from '../../../components/Skeleton';
import { formatDateTime } from '../../../lib/format';
import { useApi } from '../../../lib/hooks/useApi';
import { useLocale } from '../../../lib/hooks/useLocale';
import { getOutboxMessage, listOutbox } from '../outbox.api';
import { AsyncList } from '../../../components/AsyncList';
import { DataTable } from '../../../components/DataTable';

/** The workspace's report e-mails; an opened message's HTML is shown only inside a sandboxed iframe. */
export function OutboxPanel({ workspaceId, timezone }: { workspaceId: string; timezone: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useApi((signal) => listOutbox(workspaceId, signal), [workspaceId]);
  const [openId, setOpenId] = useState<string | null>(null);
  const message = useApi(openId ? (signal) => getOutboxMessage(workspaceId, openId, signal) : null, [workspaceId, openId]);
  const shown = message.data && message.data.id === openId ? message.data : null;

  return (
    <section className="card" aria-labelledby="outbox-title" data-testid="outbox">
      <h2 className="card__title" id="outbox-title">
        {t('reports.outbox.title')}
      </h2>
      <p className="muted">{t('reports.outbox.intro')}</p>
      <AsyncList resource={list} skeletonRows={2} empty={t('reports.outbox.none')}>
        {(items) => (
          <DataTable
            label={`${t('reports.outbox.title')} — ${t('reports.outbox.subject')}`}
            testId="outbox-table"
            columns={[
              { label: t('reports.outbox.subject') },
              { label: t('reports.outbox.to') },
              { label: t('reports.outbox.date') },
              { label: t('reports.outbox.kind') },
            ]}
          >
            {items.map((m) => (
              <tr key={m.id} className={m.id === openId ? 'row--selected' : undefined}>
                <th scope="row">
                  <button type="button" className="linkish" onClick={() => setOpenId(m.id === openId ? null : m.id)}>
                    {m.subject}
                  </button>
                </th>
                <td>{m.recipients.join(', ')}</td>
                <td>{formatDateTime(m.createdAt, locale, timezone)}</td>
                <td>
                  {t('reports.outbox.kindReport')} · {t(`reports.outbox.via_${m.via}`)}
                  {m.pdfAttached ? ` · ${t('reports.outbox.pdf')}` : ''}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </AsyncList>
      {openId && message.error ? <ErrorMessage error={message.error} onRetry={message.reload} /> : null}
      {openId && message.loading && !shown ? <Skeleton rows={3} /> : null}
      {shown ? (
        <article className="outbox-message" aria-label={shown.subject} data-testid="outbox-message">
          <h3>{shown.subject}</h3>
          <p className="muted">
            {t('reports.outbox.to')}: {shown.recipients.join(', ')} · {formatDateTime(shown.createdAt, locale, timezone)}
          </p>
          {shown.html !== null ? (
            <iframe
              title={t('reports.outbox.bodyTitle', { subject: shown.subject })}
              sandbox=""
              srcDoc={shown.html}
              referrerPolicy="no-referrer"
              style={{ width: '100%', minHeight: '28rem', border: '1px solid var(--border, #ccc)', background: '#fff' }}
              data-testid="outbox-html"
            />
          ) : shown.text !== null ? (
            <pre className="outbox-message__text" style={{ whiteSpace: 'pre-wrap' }} data-testid="outbox-text">
              {shown.text}
            </pre>
          ) : (
            <p className="muted">{shown.via === 'smtp' ? t('reports.outbox.noCopySmtp') : t('reports.outbox.noCopy')}</p>
          )}
          <button type="button" className="btn btn--small" onClick={() => setOpenId(null)}>
            {t('reports.outbox.close')}
          </button>
        </article>
      ) : null}
    </section>
  );
}
