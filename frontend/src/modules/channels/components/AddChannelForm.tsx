import type { BrandDto, ChannelDto, Platform } from '@vigie/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { createChannel } from '../api';
import { collectCredentials, missingCredentials, PLATFORM_CREDENTIALS, PLATFORM_LIST } from '../utils/platforms';
import { brandOptions, platformOptions, SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';

interface Props {
  workspaceId: string;
  brands: BrandDto[];
  defaultBrandId: string | undefined;
  onAdded(channel: ChannelDto): void;
  onCancel(): void;
}

export function AddChannelForm({ workspaceId, brands, defaultBrandId, onAdded, onCancel }: Props) {
  const { t } = useTranslation();
  const [platform, setPlatform] = useState<Platform>('facebook');
  const [brandId, setBrandId] = useState(defaultBrandId ?? brands[0]?.id ?? '');
  const [handle, setHandle] = useState('');
  const [externalId, setExternalId] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [creds, setCreds] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = missingCredentials(platform, creds);
    if (!handle.trim() || missing.length) {
      setError(new Error(t('channels.form.missing', { fields: [handle.trim() ? null : t('channels.form.handle'), ...missing.map((k) => t(`channels.cred.${k}`))].filter(Boolean).join(', ') })));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await createChannel(workspaceId, {
        brandId,
        platform,
        handle: handle.trim(),
        externalId: externalId.trim() || undefined,
        credentials: collectCredentials(platform, creds),
        baseUrl: baseUrl.trim() || undefined,
      });
      onAdded(created);
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card channel-form" onSubmit={(e) => void submit(e)} data-testid="add-channel-form">
      <h2 className="card__title">{t('channels.form.title')}</h2>
      <div className="form-grid">
        <SelectField
          label={t('channels.form.platform')}
          value={platform}
          onChange={(v) => setPlatform(v as Platform)}
          testId="channel-platform"
          options={platformOptions(t, PLATFORM_LIST)}
        />
        <SelectField label={t('channels.form.brand')} value={brandId} onChange={setBrandId} options={brandOptions(brands, t('channels.competitor'))} />
        <TextField label={t('channels.form.handle')} hint={t(`channels.handleHint.${platform}`)} value={handle} onChange={(e) => setHandle(e.target.value)} required data-testid="channel-handle" />
        <TextField label={t('channels.form.externalId')} value={externalId} onChange={(e) => setExternalId(e.target.value)} />
        {PLATFORM_CREDENTIALS[platform].map((f) => (
          <label key={f.key} className="field">
            <span className="field__label">
              {t(`channels.cred.${f.key}`)}
              {f.required ? '' : ` (${t('channels.form.optional')})`}
            </span>
            <input
              type={f.secret ? 'password' : 'text'}
              autoComplete="off"
              value={creds[f.key] ?? ''}
              onChange={(e) => setCreds((c) => ({ ...c, [f.key]: e.target.value }))}
              data-testid={`channel-cred-${f.key}`}
            />
          </label>
        ))}
        <label className="field">
          <span className="field__label">
            {t('channels.form.baseUrl')} ({t('channels.form.optional')})
          </span>
          <input type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} placeholder="https://" />
          <span className="field__hint">{t('channels.form.baseUrlHint')}</span>
        </label>
      </div>
      <p className="field__hint">{t('channels.form.secretNote')}</p>
      {error ? (
        <p className="error-message" role="alert">
          {error.message}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid="channel-submit">
          {busy ? t('channels.form.checking') : t('channels.form.submit')}
        </button>
        <button type="button" className="btn btn--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
