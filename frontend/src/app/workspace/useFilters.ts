import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { isDay, presetPeriod, todayIn, DEFAULT_PRESET, type Period } from '../../lib/period';
import { useWorkspace } from './workspace-context';

export interface Filters extends Period {
  brandId: string | undefined;
  today: string;
}

/**
 * The dashboard filters live in the URL (`?brandId&from&to`), so a link is shareable and the
 * back button undoes a change. Missing or invalid values fall back to the first own brand and
 * the last 28 days.
 */
export function useFilters(): [Filters, (patch: Partial<Record<'brandId' | 'from' | 'to', string | null>>) => void] {
  const [params, setParams] = useSearchParams();
  const { workspace, brands } = useWorkspace();
  const today = todayIn(workspace.timezone);

  const filters = useMemo<Filters>(() => {
    const rawBrand = params.get('brandId');
    const brandId =
      (rawBrand && brands.some((b) => b.id === rawBrand) ? rawBrand : undefined) ??
      brands.find((b) => b.kind === 'own')?.id ??
      brands[0]?.id;
    const from = params.get('from');
    const to = params.get('to');
    const period =
      isDay(from) && isDay(to) && from <= to
        ? { from, to }
        : presetPeriod(DEFAULT_PRESET === 'custom' ? '28d' : DEFAULT_PRESET, today);
    return { brandId, ...period, today };
  }, [params, brands, today]);

  const update = useCallback(
    (patch: Partial<Record<'brandId' | 'from' | 'to', string | null>>) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === null || v === undefined || v === '') next.delete(k);
          else next.set(k, v);
        }
        return next;
      });
    },
    [setParams],
  );
  return [filters, update];
}

/** The query string to carry across pages (filters only, not page-specific params). */
export function filterSearch(params: URLSearchParams): string {
  const keep = new URLSearchParams();
  for (const k of ['brandId', 'from', 'to']) {
    const v = params.get(k);
    if (v) keep.set(k, v);
  }
  const s = keep.toString();
  return s ? `?${s}` : '';
}
