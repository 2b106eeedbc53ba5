export type InboxCommand = 'next' | 'prev' | 'assign' | 'answered';

const KEYMAP: Record<string, InboxCommand> = { j: 'next', k: 'prev', a: 'assign', e: 'answered' };

interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  target: EventTarget | null;
}

/** j/k/a/e, except while typing in a field or with a modifier (browser shortcuts stay intact). */
export function inboxCommand(e: KeyLike): InboxCommand | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  const el = e.target as HTMLElement | null;
  if (el && typeof el.closest === 'function' && el.closest('input, textarea, select, [contenteditable="true"]')) return null;
  return KEYMAP[e.key] ?? null;
}

/** Moves within [0, length); stays put at the ends; -1 (nothing selected) starts at the top. */
export function moveSelection(index: number, command: 'next' | 'prev', length: number): number {
  if (length === 0) return -1;
  if (index < 0) return 0;
  return command === 'next' ? Math.min(length - 1, index + 1) : Math.max(0, index - 1);
}

/** After an item leaves the list (answered under an "open" filter), select the one that took its place. */
export function indexAfterRemoval(index: number, newLength: number): number {
  if (newLength === 0) return -1;
  return Math.min(index, newLength - 1);
}

/** Age of a message for the list: '5 min', '3 h', '2 d' (compact, locale-aware units). */
export function ageParts(minutes: number): { value: number; unit: 'minute' | 'hour' | 'day' } {
  if (minutes < 60) return { value: Math.max(0, Math.round(minutes)), unit: 'minute' };
  if (minutes < 48 * 60) return { value: Math.floor(minutes / 60), unit: 'hour' };
  return { value: Math.floor(minutes / 1440), unit: 'day' };
}
