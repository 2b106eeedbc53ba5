import type { CursorPage } from '@vigie/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../api-client';
import { startLoad, toApiError } from './useApi';

/** Loads one keyset page: `cursor` undefined = the first one. */
export type PageLoader<T> = (cursor: string | undefined, signal: AbortSignal) => Promise<CursorPage<T>>;

export interface PagedListOptions<T> {
  /** Called with each first page, in the same update as the items (e.g. to select the first row). */
  onFirstPage?(page: CursorPage<T>): void;
}

export interface PagedList<T> {
  items: T[];
  nextCursor: string | null;
  /** The first page is loading (after a mount, a query change or `reload`). */
  loading: boolean;
  loadingMore: boolean;
  error: ApiError | null;
  /** Appends the next page (no-op on the last page or while one is loading). */
  loadMore(): Promise<void>;
  /** Loads the first page again. */
  reload(): void;
  /** Puts `item` in place of the loaded item with the same id (no-op if it is not loaded). */
  replaceItem(item: T): void;
  /** Drops the item locally; `onRemoved` gets the new length when it was in the list. */
  removeItem(id: string, onRemoved?: (remaining: number) => void): void;
}

/**
 * A keyset/cursor list (`{ items, nextCursor }` pages): loads the first page whenever `deps` change
 * (compared by value) and aborts the stale request, including a "load more" still in flight.
 * `load` is a module client call bound to the page's query; `deps` lists what it reads. A null `load`
 * (e.g. no brand chosen yet) loads nothing and leaves the list in its loading state.
 */
export function usePagedList<T extends { id: string }>(
  load: PageLoader<T> | null,
  deps: readonly unknown[],
  options: PagedListOptions<T> = {},
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursorState] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  const enabled = load !== null;
  const depsKey = JSON.stringify(deps);

  const loadRef = useRef(load);
  loadRef.current = load;
  const optionsRef = useRef(options);
  optionsRef.current = options;
  /** The current query's controller: aborting it cancels its first page and its "load more". */
  const ctrlRef = useRef<AbortController | null>(null);
  const cursorRef = useRef<string | null>(null);
  const moreRef = useRef(false);
  const setNextCursor = (cursor: string | null) => {
    cursorRef.current = cursor;
    setNextCursorState(cursor);
  };

  useEffect(() => {
    const run = loadRef.current;
    if (!enabled || !run) return;
    moreRef.current = false;
    setNextCursor(null);
    setLoadingMore(false);
    setLoading(true);
    setError(null);
    const ctrl = startLoad(
      (signal) => run(undefined, signal),
      (page) => {
        setItems(page.items);
        setNextCursor(page.nextCursor);
        optionsRef.current.onFirstPage?.(page);
        setLoading(false);
      },
      (err) => {
        setError(err);
        setLoading(false);
      },
    );
    ctrlRef.current = ctrl;
    return () => ctrl.abort();
  }, [enabled, depsKey, tick]);

  const loadMore = useCallback(async () => {
    const ctrl = ctrlRef.current;
    const run = loadRef.current;
    const cursor = cursorRef.current;
    if (!ctrl || !run || !cursor || moreRef.current || ctrl.signal.aborted) return;
    moreRef.current = true;
    setLoadingMore(true);
    try {
      const page = await run(cursor, ctrl.signal);
      if (ctrl.signal.aborted) return;
      setItems((list) => [...list, ...page.items]);
      setNextCursor(page.nextCursor);
    } catch (err) {
      if (!ctrl.signal.aborted) setError(toApiError(err));
    } finally {
      if (ctrlRef.current === ctrl) {
        moreRef.current = false;
        setLoadingMore(false);
      }
    }
  }, []);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const replaceItem = useCallback(
    (item: T) => setItems((list) => (list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : list)),
    [],
  );
  const removeItem = useCallback((id: string, onRemoved?: (remaining: number) => void) => {
    setItems((list) => {
      if (!list.some((x) => x.id === id)) return list;
      const next = list.filter((x) => x.id !== id);
      onRemoved?.(next.length);
      return next;
    });
  }, []);

  return { items, nextCursor, loading, loadingMore, error, loadMore, reload, replaceItem, removeItem };
}
