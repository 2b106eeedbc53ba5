import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useFilters } from '../../app/workspace/useFilters';
import { useWorkspace } from '../../app/workspace/workspace-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeader } from '../../components/PageHeader';
import { Skeleton } from '../../components/Skeleton';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/hooks/useApi';
import { createReport, listReports } from './api';
import { useLocale } from '../../lib/hooks/useLocale';
import { OutboxPanel } from './components/OutboxPanel';
import { ReportDetail } from './components/ReportDetail';
import { ReportSettingsForm } from './components/ReportSettingsForm';
import { formatMonth, recentMonths } from './utils/months';
import '../../styles/forms.css';
import '../../styles/reports.css';
import { AsyncList } from '../../components/AsyncList';
import { NoBrandPage } from '../../components/NoBrandPage';
import { DataTable } from '../../components/DataTable';

export default function ReportsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { workspace, canAct, brands } = useWorkspace();
  const [filters] = useFilters();
  const [params, setParams] = useSearchParams();
  const selected = params.get('report');
  const months = recentMonths(filters.today, 12);
  const [month, setMonth] = useState(months[0]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const list = useApi((signal) => listReports(workspace.id, { brandId: filters.brandId }, signal), [workspace.id, filters.brandId]);

  const open = (id: string | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('report', id);
      else next.delete('report');
      return next;
    });

  const build = async () => {
    if (!filters.brandId) return;
    setBusy(true);
    setError(null);
    try {
      const r = await createReport(workspace.id, { brandId: filters.brandId, month });
      list.reload();
      open(r.id);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  if (!filters.brandId) {
    return <NoBrandPage title={t('nav.reports')} />;
  }

  return (
    <>
      <PageHeader title={t('nav.reports')} subtitle={t('reports.subtitle')} />
      {canAct ? (
        <div className="toolbar">
          <label className="field field--inline">
            <span className="field__label">{t('reports.month')}</span>
            <select value={month} onChange={(e) => setMonth(e.target.value)} data-testid="report-month">
              {months.map((m) => (
                <option key={m} value={m}>
                  {formatMonth(m, locale)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn btn--primary" onClick={() => void build()} disabled={busy} data-testid="report-build">
            {busy ? t('reports.building') : t('reports.build')}
          </button>
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {selected ? (
        <ReportDetail
          workspaceId={workspace.id}
          reportId={selected}
          canAct={canAct}
          timezone={workspace.timezone}
          brandName={brands.find((b) => b.id === filters.brandId)?.name ?? ''}
          onChanged={list.reload}
        />
      ) : null}
      <section className="card" aria-labelledby="archive-title">
        <h2 className="card__title" id="archive-title">
          {t('reports.archive')}
        </h2>
        <AsyncList resource={list} skeletonRows={3} empty={t('reports.none')}>
          {(items) => (
            <DataTable
              label={t('reports.archive')}
              testId="reports-table"
              columns={[
                { label: t('reports.month') },
                { label: t('reports.statusLabel') },
                { label: t('reports.generated') },
                { label: t('reports.sentCol') },
              ]}
            >
              {items.map((r) => (
                <tr key={r.id} className={r.id === selected ? 'row--selected' : undefined}>
                  <th scope="row">
                    <button type="button" className="linkish" onClick={() => open(r.id)}>
                      {formatMonth(r.month, locale)}
                    </button>
                  </th>
                  <td>{t(`reports.status.${r.status}`, { defaultValue: r.status })}</td>
                  <td>{r.generatedAt ? formatDateTime(r.generatedAt, locale, workspace.timezone) : '—'}</td>
                  <td>{r.sentAt ? `${formatDateTime(r.sentAt, locale, workspace.timezone)} → ${(r.sentTo ?? []).join(', ')}` : '—'}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </AsyncList>
      </section>
      <ReportSettingsForm key={filters.brandId} workspaceId={workspace.id} brandId={filters.brandId} canAct={canAct} />
      <OutboxPanel workspaceId={workspace.id} timezone={workspace.timezone} />
    </>
  );
}
