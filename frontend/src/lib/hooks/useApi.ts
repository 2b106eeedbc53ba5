import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api-client';

/** A module client call (`modules/<m>/api.ts`) bound to its arguments; the hook passes the abort signal. */
export type Loader<T> = (signal: AbortSignal) => Promise<T>;

export interface ApiResource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
  /** Replace the data locally after an action, without a round trip. */
  setData(update: (prev: T | undefined) => T | undefined): void;
}

export function toApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, String(err));
}

/**
 * Starts `load` under a new AbortController (returned, for the effect's cleanup); `onData` /
 * `onError` run only if it was not aborted in the meantime.
 */
export function startLoad<T>(load: Loader<T>, onData: (data: T) => void, onError: (error: ApiError) => void): AbortController {
  const ctrl = new AbortController();
  load(ctrl.signal).then(
    (data) => {
      if (!ctrl.signal.aborted) onData(data);
    },
    (err: unknown) => {
      if (!ctrl.signal.aborted) onError(toApiError(err));
    },
  );
  return ctrl;
}

/**
 * Runs `load` (null = skip) and runs it again when `deps` change (compared by value, like a query
 * object); stale responses are aborted so a fast brand/period switch never shows the previous
 * selection's figures. `deps` must list every value `load` reads (workspace id, query fields).
 */
export function useApi<T>(load: Loader<T> | null, deps: readonly unknown[]): ApiResource<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(load !== null);
  const [tick, setTick] = useState(0);
  const enabled = load !== null;
  const depsKey = JSON.stringify(deps);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const run = loadRef.current;
    if (!enabled || !run) {
      setLoading(false);
      return;
    }
    setLoading(true);
    setError(undefined);
    const ctrl = startLoad(
      run,
      (d) => {
        setDataState(d);
        setLoading(false);
      },
      (err) => {
        setError(err);
        setLoading(false);
      },
    );
    return () => ctrl.abort();
  }, [enabled, depsKey, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const setData = useCallback((update: (prev: T | undefined) => T | undefined) => setDataState(update), []);
  return { data, error, loading, reload, setData };
}
