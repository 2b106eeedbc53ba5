import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectPlatformDto, Platform } from '@vigie/contracts';
import { FormStatus } from '../../../components/FormStatus';
import { TextField } from '../../../components/TextField';
import { useApi } from '../../../lib/hooks/useApi';
import { listConnectPlatforms, removePlatformApp, savePlatformApp } from '../../channels/api';

/**
 * Connections (admin): per platform, how Connect works, whether it is ready, and the exact redirect URI
 * to register in the platform's developer console; the workspace's own app credentials (secret sealed server-side).
 */
export function ConnectionsSection({ workspaceId, isAdmin }: { workspaceId: string; isAdmin: boolean }) {
  const { t } = useTranslation();
  const list = useApi((signal) => (isAdmin ? listConnectPlatforms(workspaceId, signal) : Promise.resolve([])), [workspaceId, isAdmin]);
  const [editing, setEditing] = useState<Platform | null>(null);
  const [error, setError] = useState<Error | null>(null);
  if (!isAdmin) return null;

  const remove = async (platform: Platform) => {
    setError(null);
    try {
      await removePlatformApp(workspaceId, platform);
      list.reload();
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <section className="card settings-section" aria-labelledby="connections-title" data-testid="connections">
      <h2 className="card__title" id="connections-title">
        {t('settings.connections.title')}
      </h2>
      <p className="muted">{t('settings.connections.hint')}</p>
      <table className="table">
        <thead>
          <tr>
            <th>{t('settings.connections.platform')}</th>
            <th>{t('settings.connections.method')}</th>
            <th>{t('settings.connections.state')}</th>
            <th>{t('settings.connections.redirectUri')}</th>
            <th>{t('settings.connections.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {(list.data ?? []).map((p: ConnectPlatformDto) => (
            <tr key={p.platform} data-testid={`connection-${p.platform}`}>
              <td>{t(`platform.${p.platform}`, { defaultValue: p.platform })}</td>
              <td>{t(`settings.connections.methods.${p.method}`)}</td>
              <td>
                {p.ready ? (
                  <span className="badge badge--ok">
                    {p.appSource ? t(`settings.connections.source.${p.appSource}`, { clientId: p.clientId ?? '' }) : t('settings.connections.ready')}
                  </span>
                ) : (
                  <span className="badge badge--degraded">{t('settings.connections.notConfigured')}</span>
                )}
                {p.baseUrl ? <div className="muted">{t('settings.connections.baseUrl', { url: p.baseUrl })}</div> : null}
              </td>
              <td>
                {p.redirectUri ? <code data-testid={`redirect-${p.platform}`}>{p.redirectUri}</code> : '—'}
                {p.consoleUrl ? (
                  <div>
                    <a href={p.consoleUrl} target="_blank" rel="noreferrer noopener">
                      {t('settings.connections.console')}
                    </a>
                  </div>
                ) : null}
              </td>
              <td>
                {p.method === 'oauth' ? (
                  <>
                    <button type="button" onClick={() => setEditing(p.platform)}>
                      {t('settings.connections.configure')}
                    </button>
                    {p.appSource === 'workspace' ? (
                      <button type="button" onClick={() => void remove(p.platform)}>
                        {t('settings.connections.remove')}
                      </button>
                    ) : null}
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing ? (
        <AppForm
          workspaceId={workspaceId}
          platform={editing}
          onDone={() => {
            setEditing(null);
            list.reload();
          }}
        />
      ) : null}
      <FormStatus error={error ?? list.error ?? null} />
    </section>
  );
}

function AppForm({ workspaceId, platform, onDone }: { workspaceId: string; platform: Platform; onDone: () => void }) {
  const { t } = useTranslation();
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await savePlatformApp(workspaceId, platform, { clientId: clientId.trim(), clientSecret, ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}) });
      onDone();
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('settings.connections.formTitle', { platform: t(`platform.${platform}`, { defaultValue: platform }) })}>
      <div className="form-grid">
        <TextField label={t('settings.connections.clientId')} value={clientId} onChange={(e) => setClientId(e.target.value)} required maxLength={300} />
        <TextField label={t('settings.connections.clientSecret')} type="password" autoComplete="off" value={clientSecret} onChange={(e) => setClientSecret(e.target.value)} required maxLength={500} />
        <TextField label={t('settings.connections.baseUrlLabel')} hint={t('settings.connections.baseUrlHint')} value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} />
      </div>
      <button type="submit">{t('settings.connections.save')}</button>
      <FormStatus error={error} />
    </form>
  );
}
