import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useAction } from '../../../lib/hooks/useAction';
import { useApi } from '../../../lib/hooks/useApi';
import { getReportSettings, putReportSettings } from '../api';
import { parseRecipients } from '../../veille/utils/alert-rules';
import { FormStatus, SaveButton } from '../../../components/FormStatus';
import { TextField } from '../../../components/TextField';

export function ReportSettingsForm({ workspaceId, brandId, canAct }: { workspaceId: string; brandId: string; canAct: boolean }) {
  const { t } = useTranslation();
  const settings = useApi((signal) => getReportSettings(workspaceId, brandId, signal), [workspaceId, brandId]);
  const [recipients, setRecipients] = useState('');
  const [hour, setHour] = useState('');
  const [language, setLanguage] = useState('');
  const { run, error } = useAction();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!settings.data) return;
    setRecipients(settings.data.recipients.join(', '));
    setHour(settings.data.autoSendHour === null ? '' : String(settings.data.autoSendHour));
    setLanguage(settings.data.language ?? '');
  }, [settings.data]);

  const save = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void run(async () => {
      await putReportSettings(workspaceId, brandId, {
        recipients: parseRecipients(recipients),
        autoSendHour: hour === '' ? null : Number(hour),
        language: language || null,
      });
      setSaved(true);
    });
  };

  return (
    <Card titleId="report-settings-title" title={t('reports.settings')}>
      {settings.error ? <ErrorMessage error={settings.error} onRetry={settings.reload} /> : null}
      <form onSubmit={save}>
        <div className="form-grid">
          <TextField label={t('reports.recipients')} value={recipients} onChange={(e) => setRecipients(e.target.value)} disabled={!canAct} placeholder="direction@exemple.fr" />
          <label className="field">
            <span className="field__label">{t('reports.autoSend')}</span>
            <select value={hour} onChange={(e) => setHour(e.target.value)} disabled={!canAct}>
              <option value="">{t('reports.manual')}</option>
              {Array.from({ length: 24 }, (_, h) => (
                <option key={h} value={h}>
                  {t('reports.atHour', { hour: h })}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('reports.language')}</span>
            <select value={language} onChange={(e) => setLanguage(e.target.value)} disabled={!canAct}>
              <option value="">{t('reports.workspaceLanguage')}</option>
              <option value="fr">Français</option>
              <option value="en">English</option>
            </select>
          </label>
        </div>
        <FormStatus error={error} notice={saved ? t('settings.saved') : null} />
        <SaveButton allowed={canAct} />
      </form>
    </Card>
  );
}
