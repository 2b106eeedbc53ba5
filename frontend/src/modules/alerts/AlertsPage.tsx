import type { AlertDto } from '@vigie/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useFilters } from '../../app/workspace/useFilters';
import { useWorkspace } from '../../app/workspace/workspace-context';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeader } from '../../components/PageHeader';
import { Skeleton } from '../../components/Skeleton';
import { formatDateTime, formatInteger } from '../../lib/format';
import { useApi } from '../../lib/hooks/useApi';
import { openCrisis } from '../crisis/api';
import { actOnAlert, listAlerts } from './api';
import { useLocale } from '../../lib/hooks/useLocale';
import '../../styles/forms.css';

const STATUSES = ['open', 'acknowledged', 'resolved', 'all'] as const;

export default function AlertsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { workspace, canAct, brands } = useWorkspace();
  const [filters] = useFilters();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? params.get('status')! : 'open';
  const alerts = useApi(
    (signal) => listAlerts(workspace.id, { status: status === 'all' ? undefined : status, brandId: filters.brandId }, signal),
    [workspace.id, status, filters.brandId],
  );
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const act = async (a: AlertDto, action: 'acknowledge' | 'resolve') => {
    setBusy(a.id);
    setError(null);
    try {
      const updated = await actOnAlert(workspace.id, a.id, action);
      alerts.setData((list) =>
        list
          ?.map((x) => (x.id === updated.id ? updated : x))
          .filter((x) => status === 'all' || x.status === status),
      );
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(null);
    }
  };

  // The cell starts from the alert: its brand, its query, its moment.
  const openCrisisFrom = async (a: AlertDto) => {
    setBusy(a.id);
    setError(null);
    try {
      const crisis = await openCrisis(workspace.id, { alertId: a.id });
      navigate(`/w/${workspace.id}/crises/${crisis.id}`);
    } catch (err) {
      setError(err as Error);
      setBusy(null);
    }
  };

  const brandName = (id: string | null) => brands.find((b) => b.id === id)?.name;
  const list = alerts.data ?? [];

  return (
    <>
      <PageHeader title={t('nav.alerts')} subtitle={t('alerts.subtitle')} />
      <div className="toolbar" role="group" aria-label={t('alerts.filter')}>
        <label className="field field--inline">
          <span className="field__label">{t('alerts.filter')}</span>
          <select
            value={status}
            onChange={(e) =>
              setParams((prev) => {
                const next = new URLSearchParams(prev);
                next.set('status', e.target.value);
                return next;
              })
            }
            data-testid="alerts-status"
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`alerts.statusFilter.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {alerts.error ? <ErrorMessage error={alerts.error} onRetry={alerts.reload} /> : null}
      {alerts.loading && !alerts.data ? <Skeleton rows={4} /> : null}
      {alerts.data && list.length === 0 ? (
        <EmptyState
          title={status === 'open' ? t('alerts.emptyOpenTitle') : t('alerts.emptyTitle')}
          action={
            <Link className="btn btn--secondary" to={`/w/${workspace.id}/veille`}>
              {t('alerts.toRules')}
            </Link>
          }
        >
          <p>{t('alerts.emptyBody')}</p>
        </EmptyState>
      ) : null}
      {list.length > 0 ? (
        <ul className="alert-list" data-testid="alerts-list">
          {list.map((a) => (
            <li key={a.id} className={`card alert alert--${a.status}`} data-testid="alert" data-status={a.status}>
              <div className="alert__head">
                <span className={`badge ${a.status === 'open' ? 'badge--failing' : a.status === 'acknowledged' ? 'badge--degraded' : 'badge--ok'}`}>
                  {t(`alerts.status.${a.status}`)}
                </span>
                <span className="badge badge--neutral">{t(`alerts.type.${a.type}`, { defaultValue: a.type })}</span>
                {brandName(a.brandId) ? <span className="muted">{brandName(a.brandId)}</span> : null}
              </div>
              <h2 className="alert__title">{a.title}</h2>
              <p className="muted">
                {t('alerts.raised', { at: formatDateTime(a.raisedAt, locale, workspace.timezone) })}
                {a.occurrences > 1
                  ? ` · ${t('alerts.seen', { count: a.occurrences, last: formatDateTime(a.lastSeenAt, locale, workspace.timezone) })}`
                  : ''}
                {a.count !== null ? ` · ${t('alerts.count', { count: a.count, value: formatInteger(a.count, locale) })}` : ''}
              </p>
              {a.acknowledged ? (
                <p className="muted">
                  {t('alerts.acknowledgedBy', { who: a.acknowledged.email ?? '—', at: formatDateTime(a.acknowledged.at, locale, workspace.timezone) })}
                </p>
              ) : null}
              {a.resolved ? (
                <p className="muted">
                  {t('alerts.resolvedBy', { who: a.resolved.email ?? '—', at: formatDateTime(a.resolved.at, locale, workspace.timezone) })}
                </p>
              ) : null}
              {canAct && a.status !== 'resolved' ? (
                <div className="form-actions">
                  {a.status === 'open' ? (
                    <button type="button" className="btn btn--primary btn--small" disabled={busy === a.id} onClick={() => void act(a, 'acknowledge')} data-testid="alert-ack">
                      {t('alerts.acknowledge')}
                    </button>
                  ) : null}
                  <button type="button" className="btn btn--secondary btn--small" disabled={busy === a.id} onClick={() => void act(a, 'resolve')} data-testid="alert-resolve">
                    {t('alerts.resolve')}
                  </button>
                  <button type="button" className="btn btn--danger btn--small" disabled={busy === a.id} onClick={() => void openCrisisFrom(a)} data-testid="alert-open-crisis">
                    {t('crisis.openFromAlert')}
                  </button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
