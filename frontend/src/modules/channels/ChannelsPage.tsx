import type { ChannelDto, Platform } from '@vigie/contracts';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useFilters } from '../../app/workspace/useFilters';
import { useWorkspace } from '../../app/workspace/workspace-context';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeader } from '../../components/PageHeader';
import { Skeleton } from '../../components/Skeleton';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/hooks/useApi';
import { deleteChannel, listChannels, syncChannel } from './api';
import { useLocale } from '../../lib/hooks/useLocale';
import { AddChannelForm } from './components/AddChannelForm';
import { DataTable } from '../../components/DataTable';
import { ConnectPanel } from './components/ConnectPanel';
import { ConnectPicker } from './components/ConnectPicker';
import { ImportPanel } from './components/ImportPanel';
import '../../styles/forms.css';
import { RowButton } from '../../components/RowButton';

export default function ChannelsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { workspace, brands, canAct, isAdmin } = useWorkspace();
  const [filters] = useFilters();
  const channels = useApi((signal) => listChannels(workspace.id, undefined, signal), [workspace.id]);
  // 'connect': consent flows; 'paste': the advanced pasted-token form.
  const [adding, setAdding] = useState<'connect' | 'paste' | null>(null);
  const [reconnect, setReconnect] = useState<{ platform: Platform; brandId: string } | null>(null);
  const [params, setParams] = useSearchParams();
  const attemptId = params.get('connect');
  const connectError = params.get('connectError');
  const clearParams = () => setParams((p) => {
    p.delete('connect');
    p.delete('connectError');
    return p;
  }, { replace: true });
  const [message, setMessage] = useState<string | null>(null);
  const [actionError, setActionError] = useState<Error | null>(null);
  const [pending, setPending] = useState<Set<string>>(new Set());
  const [allBrands, setAllBrands] = useState(false);

  // After "sync now", refresh the statuses a few times while the job runs.
  const [refreshes, setRefreshes] = useState(0);
  useEffect(() => {
    if (refreshes <= 0) return;
    const id = setTimeout(() => {
      channels.reload();
      setRefreshes((n) => n - 1);
    }, 3000);
    return () => clearTimeout(id);
  }, [refreshes, channels]);

  const brandName = (id: string) => brands.find((b) => b.id === id)?.name ?? '—';

  const sync = async (c: ChannelDto) => {
    setActionError(null);
    setPending((s) => new Set(s).add(c.id));
    try {
      await syncChannel(workspace.id, c.id);
      setMessage(t('channels.syncQueued', { handle: c.handle }));
      setRefreshes(5);
    } catch (err) {
      setActionError(err as Error);
    } finally {
      setPending((s) => {
        const n = new Set(s);
        n.delete(c.id);
        return n;
      });
    }
  };

  const remove = async (c: ChannelDto) => {
    if (!window.confirm(t('channels.confirmRemove', { handle: c.handle }))) return;
    setActionError(null);
    try {
      await deleteChannel(workspace.id, c.id);
      channels.setData((list) => list?.filter((x) => x.id !== c.id));
    } catch (err) {
      setActionError(err as Error);
    }
  };

  // One brand at a time by default (an agency workspace can hold dozens of accounts).
  const list = (channels.data ?? []).filter((c) => allBrands || !filters.brandId || c.brandId === filters.brandId);
  const showBrand = allBrands || !filters.brandId;

  return (
    <>
      <PageHeader
        title={t('nav.channels')}
        subtitle={t('channels.subtitle')}
        actions={
          isAdmin && !adding && brands.length > 0 ? (
            <button type="button" className="btn btn--primary" onClick={() => setAdding('connect')} data-testid="add-channel">
              {t('channels.add')}
            </button>
          ) : null
        }
      />
      {message ? (
        <p className="notice" role="status">
          {message}
        </p>
      ) : null}
      {actionError ? <ErrorMessage error={actionError} /> : null}
      {connectError ? (
        <p className="error-message" role="alert" data-testid="connect-error">
          {t(`connect.error.${connectError}`, { defaultValue: t('connect.error.invalid_state') })}
        </p>
      ) : null}
      {attemptId ? (
        <ConnectPicker
          workspaceId={workspace.id}
          attemptId={attemptId}
          brands={brands}
          onClose={clearParams}
          onAdded={(added) => {
            clearParams();
            setMessage(t('connect.added', { count: added.length, handles: added.map((c) => c.displayName ?? c.handle).join(', ') }));
            channels.reload();
            setRefreshes(5);
          }}
        />
      ) : null}
      {adding === 'connect' || reconnect ? (
        <ConnectPanel
          key={reconnect ? `${reconnect.platform}-${reconnect.brandId}` : 'new'}
          workspaceId={workspace.id}
          brands={brands}
          defaultBrandId={reconnect?.brandId ?? filters.brandId}
          platform={reconnect?.platform}
          onPasteToken={() => {
            setReconnect(null);
            setAdding('paste');
          }}
          onCancel={() => {
            setReconnect(null);
            setAdding(null);
          }}
          onAdded={(c) => {
            setReconnect(null);
            setAdding(null);
            setMessage(t('channels.added', { handle: c.handle }));
            channels.reload();
          }}
        />
      ) : null}
      {adding === 'paste' ? (
        <AddChannelForm
          workspaceId={workspace.id}
          brands={brands}
          defaultBrandId={filters.brandId}
          onCancel={() => setAdding(null)}
          onAdded={(c) => {
            setAdding(null);
            setMessage(t('channels.added', { handle: c.handle }));
            channels.reload();
          }}
        />
      ) : null}

      {channels.data && channels.data.length > 0 && filters.brandId ? (
        <label className="checkbox">
          <input type="checkbox" checked={allBrands} onChange={(e) => setAllBrands(e.target.checked)} />{' '}
          {t('channels.allBrands', { count: channels.data.length })}
        </label>
      ) : null}
      {channels.error ? <ErrorMessage error={channels.error} onRetry={channels.reload} /> : null}
      {channels.loading && !channels.data ? <Skeleton rows={4} /> : null}
      {channels.data && list.length === 0 ? (
        <EmptyState title={t('channels.emptyTitle')}>
          <p>{t('channels.emptyBody')}</p>
          {!isAdmin ? <p>{t('channels.emptyAskAdmin')}</p> : null}
        </EmptyState>
      ) : null}
      {list.length > 0 ? (
        <DataTable
          label={t('nav.channels')}
          testId="channels-table"
          flat={false}
          className="channels-table"
          columns={[
            { label: t('channels.col.account') },
            showBrand && { label: t('channels.col.brand') },
            { label: t('channels.col.status') },
            { label: t('channels.col.lastSuccess') },
            { label: t('channels.col.lastError') },
            canAct && { label: t('channels.col.actions'), hidden: true },
          ]}
        >
          {list.map((c) => (
            <tr key={c.id} data-testid={`channel-${c.id}`}>
              <th scope="row">
                <span className="badge badge--neutral">{t(`platform.${c.platform}`, { defaultValue: c.platform })}</span>{' '}
                {c.displayName ?? c.handle}
                {c.displayName && c.displayName !== c.handle ? <span className="muted"> ({c.handle})</span> : null}
              </th>
              {showBrand ? <td>{brandName(c.brandId)}</td> : null}
              <td>
                <span className={`badge badge--${c.status}`} data-testid="channel-status" data-status={c.status}>
                  {t(`channels.status.${c.status}`)}
                </span>
              </td>
              <td>{c.lastSuccessAt ? formatDateTime(c.lastSuccessAt, locale, workspace.timezone) : t('channels.never')}</td>
              <td className="channel-error">
                {c.lastError ? (
                  <>
                    <span>{c.lastError}</span>
                    {c.lastErrorAt ? (
                      <span className="muted"> — {formatDateTime(c.lastErrorAt, locale, workspace.timezone)}</span>
                    ) : null}
                  </>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              {canAct ? (
                <td>
                  <div className="row-actions">
                  <RowButton target={c.handle} onClick={() => void sync(c)} disabled={pending.has(c.id)} testId="sync-now">
                    {t('channels.syncNow')}
                  </RowButton>
                  {isAdmin && c.status === 'reconnect_needed' ? (
                    <RowButton target={c.handle} onClick={() => setReconnect({ platform: c.platform, brandId: c.brandId })} testId="reconnect">
                      {t('channels.reconnect')}
                    </RowButton>
                  ) : null}
                  {isAdmin ? (
                    <RowButton variant="danger" target={c.handle} onClick={() => void remove(c)}>
                      {t('channels.remove')}
                    </RowButton>
                  ) : null}
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      ) : null}

      <ImportPanel workspaceId={workspace.id} brands={brands} defaultBrandId={filters.brandId} canAct={canAct} />
    </>
  );
}
