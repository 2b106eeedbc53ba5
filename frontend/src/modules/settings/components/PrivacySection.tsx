import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useApi } from '../../../lib/hooks/useApi';
import { getPrivacySettings, requestErasure, updatePrivacySettings } from '../api';
import { PLATFORM_LIST } from '../../channels/utils/platforms';
import { platformOptions, SelectField } from '../../../components/SelectField';
import { FormStatus, SaveButton } from '../../../components/FormStatus';
import { TextField } from '../../../components/TextField';

export function PrivacySection({ workspaceId, isAdmin }: { workspaceId: string; isAdmin: boolean }) {
  const { t } = useTranslation();
  const settings = useApi((signal) => getPrivacySettings(workspaceId, signal), [workspaceId]);
  const [pseudo, setPseudo] = useState(true);
  const [retention, setRetention] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [platform, setPlatform] = useState<string>('facebook');
  const [handle, setHandle] = useState('');

  useEffect(() => {
    if (!settings.data) return;
    setPseudo(settings.data.pseudonymizeAuthors);
    setRetention(settings.data.retentionDays === null ? '' : String(settings.data.retentionDays));
  }, [settings.data]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setMessage(null);
    try {
      await updatePrivacySettings(workspaceId, {
        pseudonymizeAuthors: pseudo,
        retentionDays: retention.trim() ? Number(retention) : null,
      });
      setMessage(t('settings.saved'));
    } catch (err) {
      setError(err as Error);
    }
  };

  const erase = async (e: FormEvent) => {
    e.preventDefault();
    if (!handle.trim() || !window.confirm(t('settings.privacy.confirmErase', { handle: handle.trim(), platform }))) return;
    setError(null);
    setMessage(null);
    try {
      await requestErasure(workspaceId, { platform, handle: handle.trim() });
      setMessage(t('settings.privacy.erased', { handle: handle.trim() }));
      setHandle('');
    } catch (err) {
      setError(err as Error);
    }
  };

  if (settings.error?.status === 404) return null; // privacy module not on this server
  return (
    <section className="card settings-section" aria-labelledby="privacy-title">
      <h2 className="card__title" id="privacy-title">
        {t('settings.privacy.title')}
      </h2>
      {settings.error ? <ErrorMessage error={settings.error} onRetry={settings.reload} /> : null}
      <form onSubmit={(e) => void save(e)}>
        <label className="checkbox">
          <input type="checkbox" checked={pseudo} onChange={(e) => setPseudo(e.target.checked)} disabled={!isAdmin} />{' '}
          {t('settings.privacy.pseudonymize')}
        </label>
        <TextField label={t('settings.privacy.retention')} hint={t('settings.privacy.retentionHint')} type="number" min={1} max={3650} value={retention} onChange={(e) => setRetention(e.target.value)} disabled={!isAdmin} />
        <SaveButton allowed={isAdmin} />
      </form>
      {isAdmin ? (
        <form className="toolbar erase-form" onSubmit={(e) => void erase(e)}>
          <p className="muted erase-form__intro">{t('settings.privacy.eraseIntro')}</p>
          <SelectField
            inline
            label={t('channels.form.platform')}
            value={platform}
            onChange={setPlatform}
            options={platformOptions(t, PLATFORM_LIST)}
          />
          <TextField label={t('settings.privacy.handle')} inline value={handle} onChange={(e) => setHandle(e.target.value)} maxLength={300} />
          <button type="submit" className="btn btn--danger" disabled={!handle.trim()}>
            {t('settings.privacy.erase')}
          </button>
        </form>
      ) : null}
      <FormStatus error={error} notice={message} />
    </section>
  );
}
