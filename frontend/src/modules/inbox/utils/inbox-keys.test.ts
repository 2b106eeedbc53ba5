import { describe, expect, it } from 'vitest';
import { ageParts, inboxCommand, indexAfterRemoval, moveSelection } from './inbox-keys';

const key = (k: string, target: EventTarget | null = document.body, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey', boolean>> = {}) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  target,
  ...mods,
});

describe('inboxCommand', () => {
  it('maps j/k/a/e', () => {
    expect(inboxCommand(key('j'))).toBe('next');
    expect(inboxCommand(key('k'))).toBe('prev');
    expect(inboxCommand(key('a'))).toBe('assign');
    expect(inboxCommand(key('e'))).toBe('answered');
    expect(inboxCommand(key('x'))).toBeNull();
  });
  it('ignores keys typed in a field or with a modifier', () => {
    const input = document.createElement('input');
    document.body.appendChild(input);
    expect(inboxCommand(key('j', input))).toBeNull();
    expect(inboxCommand(key('e', document.body, { ctrlKey: true }))).toBeNull();
    input.remove();
  });
});

describe('selection', () => {
  it('moves and stops at the ends', () => {
    expect(moveSelection(-1, 'next', 3)).toBe(0);
    expect(moveSelection(0, 'next', 3)).toBe(1);
    expect(moveSelection(2, 'next', 3)).toBe(2);
    expect(moveSelection(0, 'prev', 3)).toBe(0);
    expect(moveSelection(0, 'next', 0)).toBe(-1);
  });
  it('keeps the position after a removal, clamped to the new end', () => {
    expect(indexAfterRemoval(1, 3)).toBe(1);
    expect(indexAfterRemoval(3, 3)).toBe(2);
    expect(indexAfterRemoval(0, 0)).toBe(-1);
  });
});

describe('ageParts', () => {
  it('picks minutes, hours, then days', () => {
    expect(ageParts(5)).toEqual({ value: 5, unit: 'minute' });
    expect(ageParts(150)).toEqual({ value: 2, unit: 'hour' });
    expect(ageParts(47 * 60)).toEqual({ value: 47, unit: 'hour' });
    expect(ageParts(3 * 1440 + 5)).toEqual({ value: 3, unit: 'day' });
  });
});
