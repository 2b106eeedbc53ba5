import type { CursorPage } from '@vigie/contracts';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api-client';
import { usePagedList, type PageLoader } from './usePagedList';

interface Row {
  id: string;
  label: string;
}

const rows = (...ids: string[]): Row[] => ids.map((id) => ({ id, label: `row ${id}` }));

/** A loader whose calls the test answers one by one (cursor, signal and how to settle each). */
function controlledLoader() {
  const calls: Array<{
    query: string;
    cursor: string | undefined;
    signal: AbortSignal;
    resolve(page: CursorPage<Row>): void;
    reject(err: unknown): void;
  }> = [];
  const forQuery =
    (query: string): PageLoader<Row> =>
    (cursor, signal) =>
      new Promise((resolve, reject) => {
        calls.push({ query, cursor, signal, resolve, reject });
      });
  return { calls, forQuery };
}

describe('usePagedList', () => {
  it('loads the first page, then appends the next one with its cursor', async () => {
    const loader = controlledLoader();
    const { result } = renderHook(() => usePagedList(loader.forQuery('q'), ['q']));
    expect(result.current.loading).toBe(true);
    expect(loader.calls).toHaveLength(1);
    expect(loader.calls[0].cursor).toBeUndefined();

    act(() => loader.calls[0].resolve({ items: rows('1', '2'), nextCursor: 'c2' }));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.items.map((r) => r.id)).toEqual(['1', '2']);
    expect(result.current.nextCursor).toBe('c2');

    let more!: Promise<void>;
    act(() => {
      more = result.current.loadMore();
    });
    expect(result.current.loadingMore).toBe(true);
    // A second click while the page loads does not ask twice.
    act(() => void result.current.loadMore());
    expect(loader.calls).toHaveLength(2);
    expect(loader.calls[1].cursor).toBe('c2');

    await act(async () => {
      loader.calls[1].resolve({ items: rows('3'), nextCursor: null });
      await more;
    });
    expect(result.current.items.map((r) => r.id)).toEqual(['1', '2', '3']);
    expect(result.current.nextCursor).toBeNull();
    expect(result.current.loadingMore).toBe(false);

    // Last page: nothing more to ask.
    await act(() => result.current.loadMore());
    expect(loader.calls).toHaveLength(2);
  });

  it('aborts the stale request on a query change and shows only the new query’s first page', async () => {
    const loader = controlledLoader();
    const onFirstPage = vi.fn();
    const { result, rerender } = renderHook(({ q }) => usePagedList(loader.forQuery(q), [q], { onFirstPage }), {
      initialProps: { q: 'old' },
    });
    act(() => loader.calls[0].resolve({ items: rows('a'), nextCursor: 'ca' }));
    await waitFor(() => expect(result.current.items).toHaveLength(1));

    // A "load more" of the old query is in flight when the query changes.
    act(() => void result.current.loadMore());
    const staleMore = loader.calls[1];
    rerender({ q: 'new' });
    const fresh = loader.calls[2];
    expect(staleMore.signal.aborted).toBe(true);
    expect(fresh.query).toBe('new');
    expect(fresh.cursor).toBeUndefined();
    expect(result.current.loading).toBe(true);
    // The old cursor is gone: no "load more" of the old query meanwhile.
    expect(result.current.nextCursor).toBeNull();

    // The stale answers arrive late and are ignored.
    act(() => staleMore.resolve({ items: rows('b'), nextCursor: null }));
    act(() => fresh.resolve({ items: rows('x', 'y'), nextCursor: null }));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.items.map((r) => r.id)).toEqual(['x', 'y']);
    expect(onFirstPage).toHaveBeenCalledTimes(2);
    expect(onFirstPage).toHaveBeenLastCalledWith({ items: rows('x', 'y'), nextCursor: null });

    // Same query by value: no new request.
    rerender({ q: 'new' });
    expect(loader.calls).toHaveLength(3);
  });

  it('shows an error and recovers on reload', async () => {
    const loader = controlledLoader();
    const { result } = renderHook(() => usePagedList(loader.forQuery('q'), ['q']));
    act(() => loader.calls[0].reject(new ApiError(500, 'boom')));
    await waitFor(() => expect(result.current.error).not.toBeNull());
    expect(result.current.error?.status).toBe(500);
    expect(result.current.loading).toBe(false);

    act(() => result.current.reload());
    expect(result.current.error).toBeNull();
    expect(result.current.loading).toBe(true);
    act(() => loader.calls[1].resolve({ items: rows('1'), nextCursor: 'c' }));
    await waitFor(() => expect(result.current.items).toHaveLength(1));

    // A failing "load more" keeps the loaded items.
    await act(async () => {
      const more = result.current.loadMore();
      loader.calls[2].reject(new TypeError('offline'));
      await more;
    });
    expect(result.current.items).toHaveLength(1);
    expect(result.current.error).toBeInstanceOf(ApiError);
  });

  it('replaces and removes loaded items locally', async () => {
    const loader = controlledLoader();
    const { result } = renderHook(() => usePagedList(loader.forQuery('q'), ['q']));
    act(() => loader.calls[0].resolve({ items: rows('1', '2', '3'), nextCursor: null }));
    await waitFor(() => expect(result.current.items).toHaveLength(3));

    act(() => result.current.replaceItem({ id: '2', label: 'changed' }));
    act(() => result.current.replaceItem({ id: 'absent', label: 'ignored' }));
    expect(result.current.items.map((r) => r.label)).toEqual(['row 1', 'changed', 'row 3']);

    const onRemoved = vi.fn();
    act(() => result.current.removeItem('1', onRemoved));
    act(() => result.current.removeItem('absent', onRemoved));
    expect(result.current.items.map((r) => r.id)).toEqual(['2', '3']);
    expect(onRemoved).toHaveBeenCalledTimes(1);
    expect(onRemoved).toHaveBeenCalledWith(2);
    expect(loader.calls).toHaveLength(1);
  });

  it('loads nothing while the loader is null', () => {
    const loader = controlledLoader();
    const { result, rerender } = renderHook(({ on }) => usePagedList(on ? loader.forQuery('q') : null, ['q']), {
      initialProps: { on: false },
    });
    expect(loader.calls).toHaveLength(0);
    expect(result.current.items).toEqual([]);
    rerender({ on: true });
    expect(loader.calls).toHaveLength(1);
  });
});
