import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useFilters } from '../../app/workspace/useFilters';
import { useWorkspace } from '../../app/workspace/workspace-context';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeader } from '../../components/PageHeader';
import { Skeleton } from '../../components/Skeleton';
import { useApi } from '../../lib/hooks/useApi';
import { usePagedList } from '../../lib/hooks/usePagedList';
import { listInbox, listServices, setInboxStatus, type InboxQuery } from './api';
import { SelectField, sentimentOptions } from '../../components/SelectField';
import { InboxDetailPanel } from './components/InboxDetailPanel';
import { InboxListItem } from './components/InboxListItem';
import { REQUEST_TYPES, type InboxItemDto as InboxItem } from '@vigie/contracts';
import { inboxCommand, indexAfterRemoval, moveSelection } from './utils/inbox-keys';
import '../../styles/inbox.css';
import '../../styles/forms.css';
import { TextField } from '../../components/TextField';

const STATUS_FILTERS = ['open,assigned', 'open', 'assigned', 'answered', 'ignored', 'all'] as const;
const PAGE_SIZE = 50;

export default function InboxPage() {
  const { t } = useTranslation();
  const { workspace, canAct } = useWorkspace();
  const [filters] = useFilters();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status') ?? 'open,assigned';
  // 'all' in the URL = no status filter.
  const status = statusParam === 'all' ? '' : statusParam;
  const type = params.get('type') ?? '';
  const sentiment = params.get('sentiment') ?? '';
  const view = params.get('view') === 'all' ? 'all' : 'attention';
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);

  const [selected, setSelected] = useState(-1);
  const assignRef = useRef<HTMLSelectElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const services = useApi((signal) => listServices(workspace.id, signal), [workspace.id]);

  const query: InboxQuery = {
    view,
    status: status || undefined,
    type: type || undefined,
    sentiment: sentiment || undefined,
    q: q || undefined,
    brandId: filters.brandId,
    limit: PAGE_SIZE,
  };
  const list = usePagedList((cursor, signal) => listInbox(workspace.id, { ...query, cursor }, signal), [workspace.id, query], {
    onFirstPage: (page) => setSelected(page.items.length ? 0 : -1),
  });
  const { items, nextCursor, loading, error, replaceItem, removeItem } = list;

  const setFilter = (key: string, value: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });

  const statusShown = useCallback((s: string) => !status || status.split(',').includes(s), [status]);

  /** Puts the updated item in place, or drops it when it no longer matches the status filter. */
  const applyUpdate = useCallback(
    (updated: InboxItem) => {
      if (statusShown(updated.status)) replaceItem(updated);
      else removeItem(updated.id, (remaining) => setSelected((sel) => indexAfterRemoval(sel, remaining)));
    },
    [statusShown, replaceItem, removeItem],
  );

  const [actionError, setActionError] = useState<Error | null>(null);
  const current = selected >= 0 ? items[selected] : undefined;

  const markAnswered = useCallback(async () => {
    if (!current || !canAct || current.status === 'answered') return;
    setActionError(null);
    try {
      applyUpdate(await setInboxStatus(workspace.id, current.id, 'answered'));
    } catch (err) {
      setActionError(err as Error);
    }
  }, [current, canAct, workspace.id, applyUpdate]);

  // Keyboard triage: j/k move, a focuses "assign to", e marks answered.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const cmd = inboxCommand(e);
      if (!cmd) return;
      if (cmd === 'next' || cmd === 'prev') {
        e.preventDefault();
        setSelected((i) => moveSelection(i, cmd, items.length));
      } else if (cmd === 'assign' && canAct && current) {
        e.preventDefault();
        assignRef.current?.focus();
      } else if (cmd === 'answered' && canAct && current) {
        e.preventDefault();
        void markAnswered();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items.length, canAct, current, markAnswered]);

  useEffect(() => {
    if (!current) return;
    document.getElementById(`inbox-item-${current.id}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);

  return (
    <>
      <PageHeader title={t('nav.inbox')} subtitle={canAct ? t('inbox.keyboardHelp') : t('inbox.readOnly')} />
      <form
        className="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter('q', search.trim());
        }}
      >
        <SelectField
          inline
          label={t('inbox.filter.status')}
          value={statusParam}
          onChange={(v) => setFilter('status', v)}
          testId="inbox-filter-status"
          options={STATUS_FILTERS.map((s) => ({ value: s, label: t(`inbox.statusFilter.${s.replace(',', '_')}`) }))}
        />
        <SelectField
          inline
          label={t('inbox.filter.type')}
          value={type}
          onChange={(v) => setFilter('type', v)}
          anyLabel={t('inbox.filter.anyType')}
          options={REQUEST_TYPES.map((ty) => ({ value: ty, label: t(`inbox.type.${ty}`) }))}
        />
        <SelectField
          inline
          label={t('inbox.filter.sentiment')}
          value={sentiment}
          onChange={(v) => setFilter('sentiment', v)}
          anyLabel={t('inbox.filter.anySentiment')}
          options={sentimentOptions(t)}
        />
        <SelectField
          inline
          label={t('inbox.filter.view')}
          value={view}
          onChange={(v) => setFilter('view', v === 'all' ? 'all' : '')}
          options={[
            { value: 'attention', label: t('inbox.filter.attention') },
            { value: 'all', label: t('inbox.filter.all') },
          ]}
        />
        <TextField label={t('inbox.filter.search')} inline type="search" value={search} onChange={(e) => setSearch(e.target.value)} maxLength={200} />
        <button type="submit" className="btn btn--secondary">
          {t('inbox.filter.apply')}
        </button>
      </form>

      {error ? <ErrorMessage error={error} onRetry={list.reload} /> : null}
      {actionError ? <ErrorMessage error={actionError} /> : null}
      {loading ? <Skeleton rows={6} /> : null}
      {!loading && !error && items.length === 0 ? (
        <EmptyState title={t('inbox.emptyTitle')}>
          <p>{status === 'open,assigned' ? t('inbox.emptyOpen') : t('inbox.emptyFiltered')}</p>
        </EmptyState>
      ) : null}
      {!loading && items.length > 0 ? (
        <div className="inbox">
          <div className="inbox__list">
            <ul
              ref={listRef}
              role="listbox"
              aria-label={t('inbox.listLabel')}
              aria-activedescendant={current ? `inbox-item-${current.id}` : undefined}
              tabIndex={0}
              onKeyDown={(e) => {
                // Arrow keys too, as expected in a listbox.
                if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                  e.preventDefault();
                  setSelected((i) => moveSelection(i, e.key === 'ArrowDown' ? 'next' : 'prev', items.length));
                }
              }}
              className="inbox-list"
              data-testid="inbox-list"
            >
              {items.map((item, i) => (
                <InboxListItem key={item.id} item={item} selected={i === selected} onSelect={() => setSelected(i)} />
              ))}
            </ul>
            {nextCursor ? (
              <button type="button" className="btn btn--secondary btn--block" onClick={() => void list.loadMore()}>
                {t('inbox.loadMore')}
              </button>
            ) : null}
          </div>
          {current ? (
            <InboxDetailPanel
              // One panel per item: its drafts and messages never leak to the next item.
              key={current.id}
              ref={assignRef}
              workspaceId={workspace.id}
              timezone={workspace.timezone}
              item={current}
              services={services.data ?? []}
              canAct={canAct}
              onChanged={applyUpdate}
              onMarkAnswered={() => void markAnswered()}
            />
          ) : null}
        </div>
      ) : null}
    </>
  );
}
