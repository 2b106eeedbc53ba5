import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectPlatformDto, Platform } from '@vigie/contracts';
import { AsyncList } from '../../../components/AsyncList';
import { DataTable } from '../../../components/DataTable';
import { FormStatus } from '../../../components/FormStatus';
import { RowButton } from '../../../components/RowButton';
import { TextField } from '../../../components/TextField';
import { useAction } from '../../../lib/hooks/useAction';
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
  const action = useAction();
  if (!isAdmin) return null;
  const name = (p: Platform) => t(`platform.${p}`, { defaultValue: p });

  return (
    <section className="card settings-section" aria-labelledby="connections-title" data-testid="connections">
      <h2 className="card__title" id="connections-title">
        {t('settings.connections.title')}
      </h2>
      <p className="muted">{t('settings.connections.hint')}</p>
      <AsyncList resource={list} skeletonRows={4} empty={t('settings.connections.notConfigured')}>
        {(platforms) => (
          <DataTable
            label={`${t('settings.connections.title')} — ${t('settings.connections.redirectUri')}`}
            testId="connections-table"
            columns={[
              { label: t('settings.connections.platform') },
              { label: t('settings.connections.method') },
              { label: t('settings.connections.state') },
              { label: t('settings.connections.redirectUri') },
              { label: t('settings.connections.actions'), hidden: true },
            ]}
          >
            {platforms.map((p: ConnectPlatformDto) => (
              <tr key={p.platform} data-testid={`connection-${p.platform}`}>
                <th scope="row">{name(p.platform)}</th>
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
                    <div className="row-actions">
                      <RowButton target={name(p.platform)} onClick={() => setEditing(p.platform)}>
                        {t('settings.connections.configure')}
                      </RowButton>
                      {p.appSource === 'workspace' ? (
                        <RowButton
                          variant="danger"
                          target={name(p.platform)}
                          disabled={action.busy}
                          onClick={() => void action.run(async () => {
                            await removePlatformApp(workspaceId, p.platform);
                            list.reload();
                          })}
                        >
                          {t('settings.connections.remove')}
                        </RowButton>
                      ) : null}
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </AsyncList>
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
      <FormStatus error={action.error} />
    </section>
  );
}

function AppForm({ workspaceId, platform, onDone }: { workspaceId: string; platform: Platform; onDone: () => void }) {
  const { t } = useTranslation();
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const save = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save
      .run(() => savePlatformApp(workspaceId, platform, { clientId: clientId.trim(), clientSecret, ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}) }))
      .then((ok) => ok && onDone());
  };
  return (
    <form onSubmit={submit} aria-label={t('settings.connections.formTitle', { platform: t(`platform.${platform}`, { defaultValue: platform }) })}>
      <div className="form-grid">
        <TextField label={t('settings.connections.clientId')} value={clientId} onChange={(e) => setClientId(e.target.value)} required maxLength={300} />
        <TextField label={t('settings.connections.clientSecret')} type="password" autoComplete="off" value={clientSecret} onChange={(e) => setClientSecret(e.target.value)} required maxLength={500} />
        <TextField label={t('settings.connections.baseUrlLabel')} hint={t('settings.connections.baseUrlHint')} value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} />
      </div>
      <button type="submit" className="btn btn--primary" disabled={save.busy}>
        {t('settings.connections.save')}
      </button>
      <FormStatus error={save.error} />
    </form>
  );
}
