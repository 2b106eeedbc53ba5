import type { WorkspaceDto } from '@vigie/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { updateWorkspace } from '../api';
import { Card } from '../../../components/Card';
import { FormStatus, SaveButton } from '../../../components/FormStatus';
import { TextField } from '../../../components/TextField';
import { useAction } from '../../../lib/hooks/useAction';

/** Time zones the browser knows (Intl), falling back to a short list on older engines. */
function timeZones(current: string): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  const list = intl.supportedValuesOf?.('timeZone') ?? ['Europe/Paris', 'Europe/Brussels', 'Europe/Zurich', 'America/Montreal', 'UTC'];
  return list.includes(current) ? list : [current, ...list];
}

export function WorkspaceSection({ workspace, isAdmin, onSaved }: { workspace: WorkspaceDto; isAdmin: boolean; onSaved(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(workspace.name);
  const [timezone, setTimezone] = useState(workspace.timezone);
  const [language, setLanguage] = useState(workspace.language);
  const [approval, setApproval] = useState(workspace.repliesNeedApproval ?? false);
  const { run, error } = useAction();
  const [saved, setSaved] = useState(false);

  const save = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void run(async () => {
      await updateWorkspace(workspace.id, { name: name.trim(), timezone, language, repliesNeedApproval: approval });
      setSaved(true);
      onSaved();
    });
  };

  return (
    <Card titleId="ws-title" title={t('settings.workspace.title')} className="settings-section">
      <form onSubmit={save}>
        <div className="form-grid">
          <TextField label={t('settings.workspace.name')} value={name} onChange={(e) => setName(e.target.value)} disabled={!isAdmin} required maxLength={120} />
          <label className="field">
            <span className="field__label">{t('settings.workspace.timezone')}</span>
            <select value={timezone} onChange={(e) => setTimezone(e.target.value)} disabled={!isAdmin}>
              {timeZones(workspace.timezone).map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
            <span className="field__hint">{t('settings.workspace.timezoneHint')}</span>
          </label>
          <label className="field">
            <span className="field__label">{t('settings.workspace.language')}</span>
            <select value={language} onChange={(e) => setLanguage(e.target.value as 'fr' | 'en')} disabled={!isAdmin}>
              <option value="fr">Français</option>
              <option value="en">English</option>
            </select>
            <span className="field__hint">{t('settings.workspace.languageHint')}</span>
          </label>
          <label className="field">
            <span className="field__label">
              <input type="checkbox" checked={approval} onChange={(e) => setApproval(e.target.checked)} disabled={!isAdmin} />{' '}
              {t('settings.workspace.repliesNeedApproval')}
            </span>
            <span className="field__hint">{t('settings.workspace.repliesNeedApprovalHint')}</span>
          </label>
        </div>
        <FormStatus error={error} notice={saved ? t('settings.saved') : null} />
        <SaveButton allowed={isAdmin} />
      </form>
    </Card>
  );
}
