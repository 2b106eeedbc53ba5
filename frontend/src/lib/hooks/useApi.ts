import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api-client';

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface ApiResource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
  /** Replace the data locally after an action, without a round trip. */
  setData(update: (prev: T | undefined) => T | undefined): void;
}

/**
 * GETs `path` (null = skip) and refetches when the path or query changes; stale responses are
 * aborted so a fast brand/period switch never shows the previous selection's figures.
 */
export function useApi<T>(path: string | null, query?: Query): ApiResource<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const queryKey = JSON.stringify(query ?? {});
  const queryRef = useRef(query);
  queryRef.current = query;

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    const ctrl = new AbortController();
    setLoading(true);
    setError(undefined);
    api
      .get<T>(path, queryRef.current, ctrl.signal)
      .then((d) => {
        if (!ctrl.signal.aborted) {
          setDataState(d);
          setLoading(false);
        }
      })
      .catch((err: unknown) => {
        if (ctrl.signal.aborted) return;
        setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
        setLoading(false);
      });
    return () => ctrl.abort();
  }, [path, queryKey, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const setData = useCallback((update: (prev: T | undefined) => T | undefined) => setDataState(update), []);
  return { data, error, loading, reload, setData };
}
