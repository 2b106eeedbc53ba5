import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useAction } from '../../../lib/hooks/useAction';
import { useApi } from '../../../lib/hooks/useApi';
import { createService, deleteService, listServices } from '../../inbox/api';
import { SERVICE_KINDS, type SupportServiceDto } from '@vigie/contracts';
import { TextField } from '../../../components/TextField';
import { RemovableRow } from './RemovableRow';

export function ServicesSection({ workspaceId, isAdmin }: { workspaceId: string; isAdmin: boolean }) {
  const { t } = useTranslation();
  const services = useApi((signal) => listServices(workspaceId, signal), [workspaceId]);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [kind, setKind] = useState<string>('sav');
  const { run, error } = useAction();

  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await createService(workspaceId, { name: name.trim(), email: email.trim() || null, kind });
      setName('');
      setEmail('');
      services.reload();
    });
  };

  const remove = (s: SupportServiceDto) => {
    if (!window.confirm(t('settings.services.confirmRemove', { name: s.name }))) return;
    void run(async () => {
      await deleteService(workspaceId, s.id);
      services.reload();
    });
  };

  return (
    <Card titleId="services-title" title={t('settings.services.title')} className="settings-section">
      <p className="muted">{t('settings.services.intro')}</p>
      {services.error ? <ErrorMessage error={services.error} onRetry={services.reload} /> : null}
      <ul className="plain-list">
        {(services.data ?? []).map((s) => (
          <RemovableRow key={s.id} label={s.name} canRemove={isAdmin} onRemove={() => remove(s)}>
            <strong>{s.name}</strong> <span className="badge badge--neutral">{t(`settings.services.kind.${s.kind}`, { defaultValue: s.kind })}</span>{' '}
            <span className="muted">{s.email ?? t('settings.services.noEmail')}</span>
          </RemovableRow>
        ))}
      </ul>
      {error ? <ErrorMessage error={error} /> : null}
      {isAdmin ? (
        <form className="toolbar" onSubmit={add}>
          <TextField label={t('settings.services.name')} inline value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
          <TextField label={t('settings.services.email')} inline type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          <label className="field field--inline">
            <span className="field__label">{t('settings.services.kindLabel')}</span>
            <select value={kind} onChange={(e) => setKind(e.target.value)}>
              {SERVICE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`settings.services.kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn btn--primary" disabled={!name.trim()}>
            {t('settings.services.add')}
          </button>
        </form>
      ) : null}
    </Card>
  );
}
