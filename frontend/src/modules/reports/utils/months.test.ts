import { describe, expect, it } from 'vitest';
import { formatMonth, recentMonths } from './months';

describe('recentMonths', () => {
  it('starts with the previous month and crosses the year', () => {
    expect(recentMonths('2025-02-14', 3)).toEqual(['2025-01', '2024-12', '2024-11']);
  });
});

describe('formatMonth', () => {
  it('names the month by locale', () => {
    expect(formatMonth('2025-03', 'fr')).toBe('mars 2025');
    expect(formatMonth('2025-03', 'en')).toBe('March 2025');
  });
});
