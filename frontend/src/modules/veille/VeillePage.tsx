import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useFilters } from '../../app/workspace/useFilters';
import { useWorkspace } from '../../app/workspace/workspace-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeader } from '../../components/PageHeader';
import { Skeleton } from '../../components/Skeleton';
import { ApiError } from '../../lib/api-client';
import { useApi } from '../../lib/hooks/useApi';
import { createWatchQuery, deleteWatchQuery, listWatchQueries, updateWatchQuery } from './api';
import { useLocale } from '../../lib/hooks/useLocale';
import { AlertRulesPanel } from './components/AlertRulesPanel';
import { ListeningStatus } from './components/ListeningStatus';
import { QueryEditor } from './components/QueryEditor';
import { QueryPreview } from './components/QueryPreview';
import { WATCH_QUERY_KINDS, type WatchQueryKind } from '@vigie/contracts';
import { checkQuery } from './utils/query-check';
import '../../styles/forms.css';
import '../../styles/veille.css';
import { NoBrandPage } from '../../components/NoBrandPage';
import { TextField } from '../../components/TextField';

interface Draft {
  id: string | null;
  name: string;
  kind: WatchQueryKind;
  query: string;
  active: boolean;
}

const NEW_DRAFT: Draft = { id: null, name: '', kind: 'brand', query: '', active: true };

export default function VeillePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { workspace, canAct } = useWorkspace();
  const [filters] = useFilters();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('query');
  const queries = useApi(
    filters.brandId ? (signal) => listWatchQueries(workspace.id, { brandId: filters.brandId }, signal) : null,
    [workspace.id, filters.brandId],
  );
  const [draft, setDraft] = useState<Draft>(NEW_DRAFT);
  const [serverError, setServerError] = useState<{ message: string; position?: number } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Load the selected query into the editor (or a blank draft for a new one). Keyed on the
  // selection, not on the list, so a list refresh never wipes what is being typed.
  const selected = queries.data?.find((x) => x.id === selectedId);
  useEffect(() => {
    setDraft(selected ? { id: selected.id, name: selected.name, kind: selected.kind, query: selected.query, active: selected.active } : NEW_DRAFT);
    setServerError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [selectedId, selected?.id, selected?.updatedAt]);

  const select = (id: string | null) => {
    setSaved(null);
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('query', id);
      else next.delete('query');
      return next;
    });
  };

  const check = draft.query.trim() ? checkQuery(draft.query, locale) : null;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!filters.brandId || !check?.ok) return;
    setBusy(true);
    setError(null);
    setServerError(null);
    try {
      const body = { name: draft.name.trim(), kind: draft.kind, query: draft.query, active: draft.active };
      const result = draft.id
        ? await updateWatchQuery(workspace.id, draft.id, body)
        : await createWatchQuery(workspace.id, { ...body, brandId: filters.brandId });
      queries.reload();
      select(result.id);
      setSaved(t('veille.saved', { name: result.name }));
    } catch (err) {
      if (err instanceof ApiError && err.position !== undefined) setServerError({ message: err.message, position: err.position });
      else setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!draft.id || !window.confirm(t('veille.confirmRemove', { name: draft.name }))) return;
    try {
      await deleteWatchQuery(workspace.id, draft.id);
      select(null);
      queries.reload();
    } catch (err) {
      setError(err as Error);
    }
  };

  if (!filters.brandId) {
    return <NoBrandPage title={t('nav.veille')} />;
  }

  const list = queries.data ?? [];
  return (
    <>
      <PageHeader title={t('nav.veille')} subtitle={t('veille.subtitle')} />
      {queries.error ? <ErrorMessage error={queries.error} onRetry={queries.reload} /> : null}
      <div className="veille">
        <nav className="card veille__list" aria-label={t('veille.queries')}>
          <h2 className="card__title">{t('veille.queries')}</h2>
          {queries.loading && !queries.data ? <Skeleton rows={3} /> : null}
          {queries.data && list.length === 0 ? <p className="muted">{t('veille.noQueries')}</p> : null}
          <ul>
            {list.map((q) => (
              <li key={q.id}>
                <button
                  type="button"
                  className={q.id === selectedId ? 'query-link query-link--active' : 'query-link'}
                  aria-current={q.id === selectedId ? 'true' : undefined}
                  onClick={() => select(q.id)}
                >
                  <span className="query-link__name">{q.name}</span>
                  <span className="muted query-link__meta">
                    {t(`veille.kind.${q.kind}`)}
                    {!q.active ? ` · ${t('veille.inactive')}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {canAct ? (
            <button type="button" className="btn btn--secondary btn--block" onClick={() => select(null)} data-testid="new-query">
              {t('veille.newQuery')}
            </button>
          ) : null}
        </nav>

        <section className="card veille__editor">
          <form onSubmit={(e) => void save(e)} data-testid="query-form">
            <h2 className="card__title">{draft.id ? t('veille.editQuery') : t('veille.newQuery')}</h2>
            <div className="form-grid">
              <TextField
                label={t('veille.name')}
                value={draft.name}
                onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))}
                required
                maxLength={120}
                disabled={!canAct}
                data-testid="query-name"
              />
              <label className="field">
                <span className="field__label">{t('veille.kindLabel')}</span>
                <select
                  value={draft.kind}
                  onChange={(e) => setDraft((d) => ({ ...d, kind: e.target.value as WatchQueryKind }))}
                  disabled={!canAct}
                >
                  {WATCH_QUERY_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`veille.kind.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <QueryEditor
              value={draft.query}
              onChange={(query) => {
                setDraft((d) => ({ ...d, query }));
                setServerError(null);
              }}
              serverError={serverError}
            />
            {canAct ? (
              <>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={draft.active}
                    onChange={(e) => setDraft((d) => ({ ...d, active: e.target.checked }))}
                  />{' '}
                  {t('veille.active')}
                </label>
                {error ? <ErrorMessage error={error} /> : null}
                {saved ? (
                  <p className="notice" role="status">
                    {saved}
                  </p>
                ) : null}
                <div className="form-actions">
                  <button
                    type="submit"
                    className="btn btn--primary"
                    disabled={busy || !check?.ok || !draft.name.trim()}
                    data-testid="query-save"
                  >
                    {t('veille.save')}
                  </button>
                  {draft.id ? (
                    <button type="button" className="btn btn--danger" onClick={() => void remove()}>
                      {t('veille.delete')}
                    </button>
                  ) : null}
                </div>
              </>
            ) : null}
          </form>
          <QueryPreview
            workspaceId={workspace.id}
            brandId={filters.brandId}
            query={draft.query}
            valid={check?.ok ?? false}
            timezone={workspace.timezone}
          />
          {selected ? <ListeningStatus workspaceId={workspace.id} queryId={selected.id} timezone={workspace.timezone} /> : null}
        </section>
      </div>
      <AlertRulesPanel workspaceId={workspace.id} brandId={filters.brandId} queries={list} canAct={canAct} />
    </>
  );
}
