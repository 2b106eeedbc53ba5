import type { CrisisSummaryDto } from '@vigie/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useWorkspace } from '../../app/workspace/workspace-context';
import { AsyncList } from '../../components/AsyncList';
import { DataTable } from '../../components/DataTable';
import { FormStatus } from '../../components/FormStatus';
import { PageHeader } from '../../components/PageHeader';
import { brandOptions, SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { formatDateTime } from '../../lib/format';
import { useAction } from '../../lib/hooks/useAction';
import { useApi } from '../../lib/hooks/useApi';
import { useLocale } from '../../lib/hooks/useLocale';
import { listCrises, openCrisis } from './api';
import { personLabel } from './components/personLabel';
import { StageBadge } from './components/StageBadge';
import '../../styles/crisis.css';

/** The crisis rooms of the workspace (open ones first) and "open a crisis" by hand. */
export default function CrisesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { workspace, brands, canAct } = useWorkspace();
  const list = useApi((signal) => listCrises(workspace.id, signal), [workspace.id]);
  const [opening, setOpening] = useState(false);
  const brandNames = (c: CrisisSummaryDto) => c.brandIds.map((id) => brands.find((b) => b.id === id)?.name ?? '—').join(', ');

  return (
    <>
      <PageHeader
        title={t('crisis.title')}
        subtitle={t('crisis.subtitle')}
        actions={
          canAct ? (
            <button type="button" className="btn btn--primary" onClick={() => setOpening(true)} data-testid="crisis-open-manual">
              {t('crisis.openByHand')}
            </button>
          ) : null
        }
      />
      {opening ? <OpenCrisisForm onCancel={() => setOpening(false)} /> : null}
      <section className="card">
        <AsyncList resource={list} skeletonRows={3} empty={t('crisis.none')}>
          {(items) => (
            <DataTable
              label={`${t('crisis.title')} — ${t('crisis.col.stage')}`}
              testId="crises-table"
              columns={[{ label: t('crisis.col.title') }, { label: t('crisis.col.brands') }, { label: t('crisis.col.stage') }, { label: t('crisis.col.openedAt') }, { label: t('crisis.col.openedBy') }]}
            >
              {[...items]
                .sort((a, b) => Number(a.stage === 'closed') - Number(b.stage === 'closed') || b.openedAt.localeCompare(a.openedAt))
                .map((c) => (
                  <tr key={c.id} data-testid={`crisis-${c.id}`}>
                    <th scope="row">
                      <Link to={`/w/${workspace.id}/crises/${c.id}`}>{c.title}</Link>
                    </th>
                    <td>{brandNames(c)}</td>
                    <td>
                      <StageBadge stage={c.stage} />
                    </td>
                    <td>{formatDateTime(c.openedAt, locale, workspace.timezone)}</td>
                    <td>{personLabel(c.openedBy)}</td>
                  </tr>
                ))}
            </DataTable>
          )}
        </AsyncList>
      </section>
    </>
  );
}

function OpenCrisisForm({ onCancel }: { onCancel(): void }) {
  const { t } = useTranslation();
  const { workspace, brands } = useWorkspace();
  const navigate = useNavigate();
  const own = brands.filter((b) => b.kind === 'own');
  const [title, setTitle] = useState('');
  const [brandId, setBrandId] = useState(own[0]?.id ?? brands[0]?.id ?? '');
  const open = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void open.run(async () => {
      const c = await openCrisis(workspace.id, { title: title.trim(), brandIds: [brandId] });
      navigate(`/w/${workspace.id}/crises/${c.id}`);
    });
  };
  return (
    <form className="card channel-form" onSubmit={submit} aria-label={t('crisis.openByHand')} data-testid="crisis-open-form">
      <div className="form-grid">
        <TextField label={t('crisis.col.title')} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} data-testid="crisis-title" />
        <SelectField label={t('crisis.col.brands')} value={brandId} onChange={setBrandId} required options={brandOptions(brands)} />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={open.busy || !brandId}>
          {t('crisis.open')}
        </button>
        <button type="button" className="btn btn--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      <FormStatus error={open.error} />
    </form>
  );
}
