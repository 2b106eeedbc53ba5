/** Keyset pagination: a cursor names the last item served, so items arriving meanwhile
 * (the world keeps evolving) never shift pages and nothing is served twice. */

export interface Keyed {
  createdAt: number;
  pid: string;
}

export interface Page<T> {
  items: T[];
  /** Cursor of the next page, undefined on the last page. */
  next?: string;
  /** Cursor pointing at the first item of this page (Graph `cursors.before`). */
  before?: string;
  /** Cursor pointing at the last item of this page (Graph `cursors.after`, also on the last page). */
  after?: string;
  /** Cursor that reproduces this very page (for the pagination-loop fault). */
  self: string;
}

const START = 'start';

export function encodeCursor(key: [number, string] | typeof START): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): [number, string] | typeof START | undefined {
  if (!cursor) return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (v === START) return START;
    if (Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    // fall through: not one of ours
  }
  return undefined;
}

function cmpKey(a: [number, string], b: [number, string]): number {
  if (a[0] !== b[0]) return a[0] - b[0];
  // pids of equal length compare as numbers would; fall back to string order otherwise
  if (a[1].length !== b[1].length) return a[1].length - b[1].length;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

export function sortItems<T extends Keyed>(items: T[], order: 'asc' | 'desc'): T[] {
  const s = [...items].sort((a, b) => cmpKey([a.createdAt, a.pid], [b.createdAt, b.pid]));
  return order === 'desc' ? s.reverse() : s;
}

/**
 * `items` must already be sorted in `order`. Throws on a cursor that is not ours, so
 * handlers can answer with the platform's "invalid cursor" error.
 */
export function keysetPage<T extends Keyed>(
  items: T[],
  order: 'asc' | 'desc',
  cursor: string | null | undefined,
  limit: number,
  loop: boolean,
): Page<T> {
  const key = decodeCursor(cursor);
  if (cursor && key === undefined) throw new InvalidCursorError(cursor);
  let rest = items;
  if (key && key !== START) {
    rest = items.filter((i) => {
      const c = cmpKey([i.createdAt, i.pid], key);
      return order === 'desc' ? c < 0 : c > 0;
    });
  }
  const page = rest.slice(0, limit);
  const last = page[page.length - 1];
  const self = cursor ?? encodeCursor(START);
  let next = rest.length > limit && last ? encodeCursor([last.createdAt, last.pid]) : undefined;
  // The fault hands out a cursor that leads back to the page just served.
  if (loop) next = self;
  const first = page[0];
  return {
    items: page,
    next,
    before: first ? encodeCursor([first.createdAt, first.pid]) : undefined,
    after: last ? encodeCursor([last.createdAt, last.pid]) : undefined,
    self,
  };
}

export class InvalidCursorError extends Error {
  constructor(readonly cursor: string) {
    super(`invalid cursor ${cursor}`);
  }
}
