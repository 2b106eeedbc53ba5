import type { BrandDto, ChannelDto } from '@vigie/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Skeleton } from '../../../components/Skeleton';
import { useApi } from '../../../lib/hooks/useApi';
import { addConnectedAccounts, getConnectAttempt } from '../api';

interface Props {
  workspaceId: string;
  attemptId: string;
  brands: BrandDto[];
  onAdded(channels: ChannelDto[]): void;
  onClose(): void;
}

/** After the consent: which pages/accounts to add, each to which brand. */
export function ConnectPicker({ workspaceId, attemptId, brands, onAdded, onClose }: Props) {
  const { t } = useTranslation();
  const attempt = useApi((signal) => getConnectAttempt(workspaceId, attemptId, signal), [workspaceId, attemptId]);
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const a = attempt.data;

  // Accounts already connected start ticked for their brand (adding them again refreshes their token).
  useEffect(() => {
    if (!a) return;
    setPicked(Object.fromEntries(a.candidates.filter((c) => c.connectedBrandId).map((c) => [c.key, c.connectedBrandId!])));
  }, [a]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      onAdded(await addConnectedAccounts(workspaceId, attemptId, Object.entries(picked).map(([key, brandId]) => ({ key, brandId }))));
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };
  const defaultBrand = a?.brandId ?? brands[0]?.id ?? '';

  return (
    <section className="card channel-form" data-testid="connect-picker" aria-labelledby="connect-picker-title">
      <h2 className="card__title" id="connect-picker-title">
        {a ? t('connect.pickTitle', { platform: t(`platform.${a.platform}`, { defaultValue: a.platform }) }) : t('connect.title')}
      </h2>
      {attempt.loading && !a ? <Skeleton rows={3} /> : null}
      {attempt.error ? <ErrorMessage error={attempt.error} onRetry={attempt.reload} /> : null}
      {a && a.status !== 'consented' ? (
        <p className="error-message" role="alert" data-testid="connect-failed">
          {a.status === 'completed' ? t('connect.alreadyAdded') : a.status === 'denied' ? t('connect.denied', { reason: a.error ?? '' }) : t('connect.failed', { reason: a.error ?? '' })}
        </p>
      ) : null}
      {a && a.status === 'consented' ? (
        <>
          <p className="field__hint">{t('connect.pickHint')}</p>
          <ul className="connect-candidates">
            {a.candidates.map((c) => {
              const on = c.key in picked;
              return (
                <li key={c.key} data-testid={`connect-candidate-${c.key}`}>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={on}
                      onChange={(e) =>
                        setPicked((p) => {
                          const n = { ...p };
                          if (e.target.checked) n[c.key] = c.connectedBrandId ?? defaultBrand;
                          else delete n[c.key];
                          return n;
                        })
                      }
                    />{' '}
                    <span className="badge badge--neutral">{t(`platform.${c.platform}`, { defaultValue: c.platform })}</span> {c.displayName ?? c.handle}
                    {c.displayName && c.displayName !== c.handle ? <span className="muted"> ({c.handle})</span> : null}
                    {c.connectedBrandId ? <span className="muted"> — {t('connect.alreadyConnected')}</span> : null}
                  </label>
                  {on ? (
                    <select aria-label={t('connect.brandFor', { account: c.displayName ?? c.handle })} value={picked[c.key]} onChange={(e) => setPicked((p) => ({ ...p, [c.key]: e.target.value }))}>
                      {brands.map((b) => (
                        <option key={b.id} value={b.id}>
                          {b.name}
                        </option>
                      ))}
                    </select>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      <div className="form-actions">
        {a?.status === 'consented' ? (
          <button type="button" className="btn btn--primary" disabled={busy || Object.keys(picked).length === 0} onClick={() => void submit()} data-testid="connect-add">
            {t('connect.add', { count: Object.keys(picked).length })}
          </button>
        ) : null}
        <button type="button" className="btn btn--secondary" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </section>
  );
}
