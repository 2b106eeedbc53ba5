import type { ReactNode } from 'react';
import type { ApiResource } from '../lib/hooks/useApi';
import { ErrorMessage } from './ErrorMessage';
import { Skeleton } from './Skeleton';

export interface AsyncListProps<T> {
  resource: ApiResource<readonly T[]> | ApiResource<T[]>;
  /** Placeholder rows while the first answer is awaited; none when omitted. */
  skeletonRows?: number;
  /** Shown when the list is empty. */
  empty: ReactNode;
  children(items: readonly T[]): ReactNode;
}

/** The states of a loaded list, the same everywhere: error with retry, loading, empty, the items. */
export function AsyncList<T>({ resource, skeletonRows, empty, children }: AsyncListProps<T>) {
  const { data, error, loading, reload } = resource;
  return (
    <>
      {error ? <ErrorMessage error={error} onRetry={reload} /> : null}
      {skeletonRows !== undefined && loading && !data ? <Skeleton rows={skeletonRows} /> : null}
      {data && data.length === 0 ? <p className="muted">{empty}</p> : null}
      {data && data.length > 0 ? children(data) : null}
    </>
  );
}
