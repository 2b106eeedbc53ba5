import type { BrandDto, ChannelDto, ConnectPlatformDto, Platform } from '@vigie/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { brandOptions, SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { useApi } from '../../../lib/hooks/useApi';
import { connectWithAppPassword, listConnectPlatforms, startConnect } from '../api';

interface Props {
  workspaceId: string;
  brands: BrandDto[];
  defaultBrandId: string | undefined;
  /** Reconnecting an account: its platform is chosen already. */
  platform?: Platform;
  onAdded(channel: ChannelDto): void;
  onPasteToken(): void;
  onCancel(): void;
}

/**
 * "Connect an account": the CM picks the brand and the platform, then consents on the platform's
 * own page (OAuth), names their Mastodon instance, or gives a Bluesky app password. Pasting a token
 * stays available for the advanced cases (and RSS feeds).
 */
export function ConnectPanel({ workspaceId, brands, defaultBrandId, platform: fixed, onAdded, onPasteToken, onCancel }: Props) {
  const { t } = useTranslation();
  const platforms = useApi((signal) => listConnectPlatforms(workspaceId, signal), [workspaceId]);
  const [brandId, setBrandId] = useState(defaultBrandId ?? brands.find((b) => b.kind === 'own')?.id ?? brands[0]?.id ?? '');
  const [chosen, setChosen] = useState<Platform | null>(fixed ?? null);
  const [instanceUrl, setInstanceUrl] = useState('');
  const [identifier, setIdentifier] = useState('');
  const [appPassword, setAppPassword] = useState('');
  const [serviceUrl, setServiceUrl] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const info: ConnectPlatformDto | undefined = platforms.data?.find((p) => p.platform === chosen);
  const name = (p: Platform) => t(`platform.${p}`, { defaultValue: p });

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
      setBusy(false);
    }
  };
  const consent = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    void run(async () => {
      const started = await startConnect(workspaceId, chosen, { brandId, ...(info?.method === 'instance-oauth' ? { instanceUrl: instanceUrl.trim() } : {}) });
      // The platform's consent page; it sends the browser back to Vigie's callback.
      window.location.assign(started.authorizeUrl);
    });
  };
  const signIn = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    void run(async () => {
      onAdded(await connectWithAppPassword(workspaceId, chosen, { brandId, identifier: identifier.trim(), appPassword: appPassword.trim(), ...(serviceUrl.trim() ? { serviceUrl: serviceUrl.trim() } : {}) }));
      setBusy(false);
    });
  };

  return (
    <section className="card channel-form" data-testid="connect-panel" aria-labelledby="connect-title">
      <h2 className="card__title" id="connect-title">
        {fixed ? t('connect.reconnectTitle', { platform: name(fixed) }) : t('connect.title')}
      </h2>
      <SelectField
        label={t('channels.form.brand')}
        value={brandId}
        onChange={setBrandId}
        testId="connect-brand"
        options={brandOptions(brands, t('channels.competitor'))}
      />
      {platforms.error ? <ErrorMessage error={platforms.error} onRetry={platforms.reload} /> : null}
      {!fixed ? (
        <div className="connect-platforms" role="group" aria-label={t('channels.form.platform')}>
          {(platforms.data ?? [])
            .filter((p) => p.method !== 'none')
            .map((p) => (
              <button
                key={p.platform}
                type="button"
                className={`btn ${chosen === p.platform ? 'btn--primary' : 'btn--secondary'}`}
                aria-pressed={chosen === p.platform}
                onClick={() => setChosen(p.platform)}
                data-testid={`connect-platform-${p.platform}`}
              >
                {name(p.platform)}
              </button>
            ))}
        </div>
      ) : null}
      {info && (info.method === 'oauth' || info.method === 'instance-oauth') ? (
        <form onSubmit={consent} data-testid="connect-oauth-form">
          {info.method === 'instance-oauth' ? (
            <TextField label={t('connect.instance')} hint={t('connect.instanceHint')} value={instanceUrl} onChange={(e) => setInstanceUrl(e.target.value)} placeholder="mastodon.social" required data-testid="connect-instance" />
          ) : null}
          {info.ready ? (
            <p className="field__hint">{t('connect.consentHint', { platform: name(info.platform) })}</p>
          ) : (
            <p className="notice" role="status" data-testid="connect-not-configured">
              {t('connect.notConfigured', { platform: name(info.platform) })}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="btn btn--primary" disabled={busy || !info.ready || !brandId} data-testid="connect-start">
              {t('connect.continueWith', { platform: name(info.platform) })}
            </button>
          </div>
        </form>
      ) : null}
      {info?.method === 'app-password' ? (
        <form onSubmit={signIn} data-testid="connect-app-password-form">
          <p className="field__hint">{t('connect.appPasswordHint')}</p>
          <TextField label={t('connect.identifier')} value={identifier} onChange={(e) => setIdentifier(e.target.value)} placeholder="marque.bsky.social" required data-testid="connect-identifier" />
          <TextField label={t('connect.appPassword')} type="password" autoComplete="off" value={appPassword} onChange={(e) => setAppPassword(e.target.value)} placeholder="xxxx-xxxx-xxxx-xxxx" required data-testid="connect-app-password" />
          <TextField label={`${t('connect.serviceUrl')} (${t('channels.form.optional')})`} type="url" value={serviceUrl} onChange={(e) => setServiceUrl(e.target.value)} placeholder="https://bsky.social" />
          <div className="form-actions">
            <button type="submit" className="btn btn--primary" disabled={busy || !brandId} data-testid="connect-sign-in">
              {t('connect.signIn')}
            </button>
          </div>
        </form>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      <div className="form-actions">
        <button type="button" className="btn btn--link" onClick={onPasteToken} data-testid="connect-paste-token">
          {t('connect.pasteToken')}
        </button>
        <button type="button" className="btn btn--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}
