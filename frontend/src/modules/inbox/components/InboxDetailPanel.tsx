import { forwardRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDateTime, formatMinutes } from '../../../lib/format';
import { useApi } from '../../../lib/hooks/useApi';
import { useLocale } from '../../../lib/hooks/useLocale';
import { safeHref } from '../../posts/post-row';
import { REQUEST_TYPES, type InboxItemDto as InboxItem, type SupportServiceDto } from '@vigie/contracts';
import { MarkedText, WhyThisType } from './WhyThisType';
import { addInboxNote, assignInboxItem, forwardInboxItem, getInboxItem, listSavedReplies, setInboxStatus, setInboxType } from '../api';
import { useWorkspace } from '../../../app/workspace/workspace-context';
import { ReplyComposer } from './ReplyComposer';

interface Props {
  workspaceId: string;
  timezone: string;
  item: InboxItem;
  services: SupportServiceDto[];
  canAct: boolean;
  onChanged(item: InboxItem): void;
  onMarkAnswered(): void;
}

/** The selected message: full text, context, classification, and the triage actions. */
export const InboxDetailPanel = forwardRef<HTMLSelectElement, Props>(function InboxDetailPanel(
  { workspaceId, timezone, item, services, canAct, onChanged, onMarkAnswered },
  assignRef,
) {
  const { t } = useTranslation();
  const locale = useLocale();
  const detail = useApi((signal) => getInboxItem(workspaceId, item.id, signal), [workspaceId, item.id]);
  const { workspace } = useWorkspace();
  const saved = useApi((signal) => (canAct ? listSavedReplies(workspaceId, signal) : Promise.resolve([])), [workspaceId, canAct]);
  const [serviceId, setServiceId] = useState(item.service?.id ?? '');
  const [note, setNote] = useState('');
  const [type, setType] = useState(item.type);
  const [forwardNote, setForwardNote] = useState('');
  const [forwarded, setForwarded] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  // Follows the item when an action changes its service or type. Done during render, not in an effect:
  // an effect running after mount could overwrite a choice the CM made in the meantime.
  const [synced, setSynced] = useState({ serviceId: item.service?.id ?? '', type: item.type });
  if (synced.serviceId !== (item.service?.id ?? '') || synced.type !== item.type) {
    setSynced({ serviceId: item.service?.id ?? '', type: item.type });
    setServiceId(item.service?.id ?? '');
    setType(item.type);
  }

  const act = async (fn: () => Promise<InboxItem | void>) => {
    setBusy(true);
    setError(null);
    try {
      const updated = await fn();
      if (updated) onChanged(updated);
      detail.reload();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  const assign = (e: FormEvent) => {
    e.preventDefault();
    if (!serviceId) return;
    void act(() => assignInboxItem(workspaceId, item.id, serviceId));
  };

  /** Sends the message to the service's address (and assigns it); the server refuses when no address is set. */
  const forward = () => {
    if (!serviceId) return;
    void act(async () => {
      const r = await forwardInboxItem(workspaceId, item.id, {
        serviceId,
        message: forwardNote.trim() || undefined,
      });
      setForwardNote('');
      setForwarded(t('inbox.forwarded', { to: r.forwarded.to ?? '—' }));
      return r.item;
    });
  };

  const addNote = (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim()) return;
    void act(async () => {
      await addInboxNote(workspaceId, item.id, note.trim());
      setNote('');
    });
  };

  const permalink = safeHref(item.post.permalink);

  return (
    <section className="inbox-detail card" aria-label={t('inbox.detail')} data-testid="inbox-detail">
      <MarkedText text={item.text} detail={detail.data ?? null} />
      <p className="muted">
        {item.author?.name ?? t('inbox.unknownAuthor')}
        {item.author?.handle ? ` (@${item.author.handle})` : ''} · {formatDateTime(item.publishedAt, locale, timezone)}
        {item.language ? ` · ${item.language}` : ''}
      </p>
      <div className="inbox-detail__post">
        <span className="field__label">{t('inbox.onPost')}</span>
        <p>{item.post.excerpt}</p>
        {permalink ? (
          <a href={permalink} target="_blank" rel="noopener noreferrer">
            {t('posts.openOnPlatform')}
          </a>
        ) : null}
      </div>
      <dl className="inbox-detail__facts">
        <div>
          <dt>{t('inbox.classifiedAs')}</dt>
          <dd>
            {t(`inbox.type.${item.type}`, { defaultValue: item.type })}
            {item.typeCorrected ? ` (${t('inbox.corrected')})` : ''}
            {item.reason ? <span className="muted"> — {t('inbox.because', { reason: item.reason })}</span> : null}
            {detail.data ? <WhyThisType detail={detail.data} /> : null}
          </dd>
        </div>
        <div>
          <dt>{t('inbox.statusLabel')}</dt>
          <dd data-testid="inbox-detail-status">{t(`inbox.status.${item.status}`)}</dd>
        </div>
        {item.firstResponseMinutes !== null ? (
          <div>
            <dt>{t('inbox.firstResponse')}</dt>
            <dd>{formatMinutes(item.firstResponseMinutes, locale)}</dd>
          </div>
        ) : null}
      </dl>

      {error ? <ErrorMessage error={error} /> : null}

      {canAct ? (
        <div className="inbox-actions">
          <form className="toolbar" onSubmit={assign}>
            <label className="field field--inline">
              <span className="field__label">
                {t('inbox.assignTo')} <kbd>a</kbd>
              </span>
              <select
                ref={assignRef}
                value={serviceId}
                onChange={(e) => setServiceId(e.target.value)}
                aria-keyshortcuts="a"
                data-testid="inbox-service"
              >
                <option value="">{t('inbox.chooseService')}</option>
                {services.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="btn btn--secondary" disabled={busy || !serviceId} data-testid="inbox-assign">
              {t('inbox.assign')}
            </button>
            <button type="button" className="btn btn--secondary" disabled={busy || !serviceId} onClick={forward} data-testid="inbox-forward">
              {t('inbox.forward')}
            </button>
          </form>
          {serviceId ? (
            <label className="field">
              <span className="field__label">{t('inbox.forwardNote')}</span>
              <textarea value={forwardNote} onChange={(e) => setForwardNote(e.target.value)} maxLength={5000} rows={2} />
            </label>
          ) : null}
          {forwarded ? (
            <p className="notice" role="status">
              {forwarded}
            </p>
          ) : null}
          <div className="toolbar">
            <button
              type="button"
              className="btn btn--primary"
              disabled={busy || item.status === 'answered'}
              onClick={onMarkAnswered}
              aria-keyshortcuts="e"
              data-testid="inbox-answered"
            >
              {t('inbox.markAnswered')} <kbd>e</kbd>
            </button>
            <button
              type="button"
              className="btn btn--secondary"
              disabled={busy || item.status === 'ignored'}
              onClick={() => void act(() => setInboxStatus(workspaceId, item.id, 'ignored'))}
            >
              {t('inbox.ignore')}
            </button>
            {item.status === 'answered' || item.status === 'ignored' ? (
              <button
                type="button"
                className="btn btn--secondary"
                disabled={busy}
                onClick={() => void act(() => setInboxStatus(workspaceId, item.id, 'open'))}
              >
                {t('inbox.reopen')}
              </button>
            ) : null}
          </div>
          <form
            className="toolbar"
            onSubmit={(e) => {
              e.preventDefault();
              if (type !== item.type) void act(() => setInboxType(workspaceId, item.id, type));
            }}
          >
            <label className="field field--inline">
              <span className="field__label">{t('inbox.correctType')}</span>
              <select value={type} disabled={busy} onChange={(e) => setType(e.target.value)}>
                {REQUEST_TYPES.map((ty) => (
                  <option key={ty} value={ty}>
                    {t(`inbox.type.${ty}`)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="btn btn--secondary" disabled={busy || type === item.type}>
              {t('inbox.saveType')}
            </button>
          </form>
          <form onSubmit={addNote} className="inbox-note-form">
            <label className="field">
              <span className="field__label">{t('inbox.addNote')}</span>
              <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={5000} />
            </label>
            <button type="submit" className="btn btn--secondary" disabled={busy || !note.trim()}>
              {t('inbox.saveNote')}
            </button>
          </form>
        </div>
      ) : null}

      {detail.data ? (
        <ReplyComposer
          workspaceId={workspaceId}
          detail={detail.data}
          savedReplies={saved.data ?? []}
          canAct={canAct}
          canSubmit={!canAct && workspace.repliesNeedApproval}
          onChanged={(sent) => {
            detail.reload();
            if (sent) onChanged({ ...item, status: 'answered' });
          }}
        />
      ) : null}

      {detail.data && detail.data.notes.length > 0 ? (
        <div className="inbox-notes">
          <h3 className="card__title">{t('inbox.notes')}</h3>
          <ul>
            {detail.data.notes.map((n) => (
              <li key={n.id}>
                <p>{n.text}</p>
                <p className="muted">
                  {n.author?.name ?? '—'} · {formatDateTime(n.createdAt, locale, timezone)}
                </p>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
});
