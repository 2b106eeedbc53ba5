import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormStatus } from '../../../components/FormStatus';
import { TextField } from '../../../components/TextField';
import { useAction } from '../../../lib/hooks/useAction';
import { useApi } from '../../../lib/hooks/useApi';
import { createSavedReply, deleteSavedReply, listSavedReplies } from '../../inbox/api';

/** Saved replies (cm and admin): templates with {{author}}, {{brand}}, {{agent}}, filled in as plain text. */
export function SavedRepliesSection({ workspaceId, canAct }: { workspaceId: string; canAct: boolean }) {
  const { t } = useTranslation();
  const list = useApi((signal) => (canAct ? listSavedReplies(workspaceId, signal) : Promise.resolve([])), [workspaceId, canAct]);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [language, setLanguage] = useState<'fr' | 'en'>('fr');
  const { run, busy, error } = useAction();

  if (!canAct) return null;

  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await createSavedReply(workspaceId, { title: title.trim(), body, language });
      setTitle('');
      setBody('');
      list.reload();
    });
  };

  const remove = (id: string) =>
    run(async () => {
      await deleteSavedReply(workspaceId, id);
      list.reload();
    });

  return (
    <section className="card settings-section" aria-labelledby="saved-replies-title" data-testid="saved-replies">
      <h2 className="card__title" id="saved-replies-title">
        {t('settings.savedReplies.title')}
      </h2>
      <p className="muted">{t('settings.savedReplies.hint', { author: '{{author}}', brand: '{{brand}}', agent: '{{agent}}' })}</p>
      <ul>
        {(list.data ?? []).map((s) => (
          <li key={s.id}>
            <strong>{s.title}</strong> ({s.language}) — <span>{s.body}</span>{' '}
            <button type="button" onClick={() => void remove(s.id)}>
              {t('settings.savedReplies.delete')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add}>
        <div className="form-grid">
          <TextField label={t('settings.savedReplies.name')} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={120} />
          <label className="field">
            <span className="field__label">{t('settings.savedReplies.language')}</span>
            <select value={language} onChange={(e) => setLanguage(e.target.value as 'fr' | 'en')}>
              <option value="fr">Français</option>
              <option value="en">English</option>
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('settings.savedReplies.body')}</span>
            <textarea value={body} onChange={(e) => setBody(e.target.value)} required maxLength={5000} rows={3} />
          </label>
        </div>
        <FormStatus error={error} notice={null} />
        <button type="submit" disabled={busy}>{t('settings.savedReplies.add')}</button>
      </form>
    </section>
  );
}
