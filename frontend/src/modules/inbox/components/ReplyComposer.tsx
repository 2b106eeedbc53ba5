import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxDetailDto, InboxReplyDto, SavedReplyDto } from '@vigie/contracts';
import { ApiError } from '../../../lib/api-error';
import { approveInboxReply, draftingHeartbeat, moderateInboxItem, rejectInboxReply, renderSavedReply, sendInboxReply } from '../api';

interface Props {
  workspaceId: string;
  detail: InboxDetailDto;
  savedReplies: SavedReplyDto[];
  /** cm / admin: send, approve, moderate. */
  canAct: boolean;
  /** Viewer in a workspace where replies wait for approval: may submit. */
  canSubmit: boolean;
  /** After any action; `sent`: a reply went out (the item is answered). */
  onChanged(sent: boolean): void;
}

const HEARTBEAT_MS = 15_000;
const NO_ANSWER = { reply: false, hide: false, delete: false, like: false };

/** A fresh idempotency key per draft: a double click or a retry of the same draft sends once. */
function newKey(): string {
  return crypto.randomUUID();
}

/**
 * Reply composer of an inbox item: text, saved-reply picker (the server fills the variables in as
 * plain text), Send, moderation per platform capability, the collision banner, replies waiting for
 * approval. Comment and reply texts are rendered as text, never HTML.
 */
export function ReplyComposer({ workspaceId, detail: raw, savedReplies, canAct, canSubmit, onChanged }: Props) {
  const { t } = useTranslation();
  // A detail from a server without the answer feature: nothing to show but an empty thread.
  const detail = { ...raw, replies: raw.replies ?? [], othersDrafting: raw.othersDrafting ?? [], answer: raw.answer ?? NO_ANSWER };
  const [text, setText] = useState('');
  const [key, setKey] = useState(newKey);
  const [savedReplyId, setSavedReplyId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [drafters, setDrafters] = useState(raw.othersDrafting ?? []);
  const typing = useRef(false);

  useEffect(() => setDrafters(raw.othersDrafting ?? []), [raw.othersDrafting]);
  useEffect(() => {
    const id = setInterval(() => {
      if (!typing.current) return;
      draftingHeartbeat(workspaceId, detail.id)
        .then((r) => setDrafters(r.othersDrafting))
        .catch(() => undefined);
    }, HEARTBEAT_MS);
    return () => clearInterval(id);
  }, [workspaceId, detail.id]);

  const errorText = (err: unknown): string => {
    if (err instanceof ApiError) {
      const code = (err.details as { code?: string } | undefined)?.code;
      const known = code ? t(`inbox.reply.errors.${code}`, { defaultValue: '' }) : '';
      return known ? `${known} (${err.message})` : err.message;
    }
    return err instanceof Error ? err.message : String(err);
  };

  const run = async (fn: () => Promise<unknown>, after?: () => void) => {
    setBusy(true);
    setError(null);
    try {
      const r = await fn();
      after?.();
      onChanged(typeof r === 'object' && r !== null && (r as { status?: string }).status === 'sent');
    } catch (err) {
      setError(errorText(err)); // the draft stays in the textarea
    } finally {
      setBusy(false);
    }
  };

  const send = (e: FormEvent) => {
    e.preventDefault();
    if (busy || !text.trim()) return;
    void run(
      () => sendInboxReply(workspaceId, detail.id, { text, idempotencyKey: key, ...(savedReplyId ? { savedReplyId } : {}) }),
      () => {
        typing.current = false;
        setText('');
        setSavedReplyId('');
        setKey(newKey());
      },
    );
  };

  const insertSaved = async (id: string) => {
    setSavedReplyId(id);
    if (!id) return;
    try {
      const r = await renderSavedReply(workspaceId, id, detail.id);
      setText((cur) => (cur.trim() ? `${cur}\n${r.text}` : r.text));
      typing.current = true;
    } catch (err) {
      setError(errorText(err));
    }
  };

  const pending = detail.replies.filter((r) => r.status === 'pending_approval');
  const mayWrite = detail.answer.reply && (canAct || canSubmit);

  return (
    <div className="inbox-replies" data-testid="reply-composer">
      {drafters.length > 0 ? (
        <p className="banner banner--warning" role="status" data-testid="collision-banner">
          {t('inbox.reply.othersAnswering', { names: drafters.map((d) => d.name ?? '—').join(', '), count: drafters.length })}
        </p>
      ) : null}

      {detail.replies.length > 0 ? (
        <ul className="inbox-replies__list">
          {detail.replies.map((r) => (
            <ReplyRow key={r.id} reply={r} />
          ))}
        </ul>
      ) : null}

      {canAct && pending.length > 0
        ? pending.map((r) => (
            <div key={r.id} className="inbox-replies__approval">
              <span>{t('inbox.reply.waiting')}</span>
              <button type="button" disabled={busy} onClick={() => void run(() => approveInboxReply(workspaceId, detail.id, r.id))}>
                {t('inbox.reply.approve')}
              </button>
              <button type="button" disabled={busy} onClick={() => void run(() => rejectInboxReply(workspaceId, detail.id, r.id))}>
                {t('inbox.reply.reject')}
              </button>
            </div>
          ))
        : null}

      {mayWrite ? (
        <form onSubmit={send} className="inbox-replies__form">
          <label htmlFor="reply-text">{t('inbox.reply.label')}</label>
          {savedReplies.length > 0 ? (
            <select aria-label={t('inbox.reply.saved')} value={savedReplyId} onChange={(e) => void insertSaved(e.target.value)}>
              <option value="">{t('inbox.reply.savedPick')}</option>
              {savedReplies.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title} ({s.language})
                </option>
              ))}
            </select>
          ) : null}
          <textarea
            id="reply-text"
            value={text}
            maxLength={5000}
            rows={4}
            onChange={(e) => {
              typing.current = true;
              setText(e.target.value);
            }}
          />
          {error ? (
            <p className="form-error" role="alert" data-testid="reply-error">
              {error}
            </p>
          ) : null}
          <button type="submit" disabled={busy || !text.trim()}>
            {canAct ? t('inbox.reply.send') : t('inbox.reply.submit')}
          </button>
        </form>
      ) : null}

      {canAct ? (
        <div className="inbox-replies__moderation">
          {detail.answer.like ? (
            <button type="button" disabled={busy} onClick={() => void run(() => moderateInboxItem(workspaceId, detail.id, 'like'))}>
              {t('inbox.reply.like')}
            </button>
          ) : null}
          {detail.answer.hide ? (
            <>
              <button type="button" disabled={busy} onClick={() => void run(() => moderateInboxItem(workspaceId, detail.id, 'hide'))}>
                {t('inbox.reply.hide')}
              </button>
              <button type="button" disabled={busy} onClick={() => void run(() => moderateInboxItem(workspaceId, detail.id, 'unhide'))}>
                {t('inbox.reply.unhide')}
              </button>
            </>
          ) : null}
          {detail.answer.delete ? (
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                if (window.confirm(t('inbox.reply.deleteConfirm'))) void run(() => moderateInboxItem(workspaceId, detail.id, 'delete'));
              }}
            >
              {t('inbox.reply.delete')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function ReplyRow({ reply }: { reply: InboxReplyDto }) {
  const { t } = useTranslation();
  return (
    <li data-testid="inbox-reply">
      <p>{reply.text}</p>
      <p className="muted">
        {reply.author?.name ?? '—'} · {t(`inbox.reply.status.${reply.status}`)}
        {reply.error ? ` — ${reply.error.message}` : ''}
      </p>
    </li>
  );
}
