import { describe, expect, it } from 'vitest';
import { addDays, dayCount, isDay, matchPreset, presetPeriod, previousPeriodOf, todayIn } from './period';

describe('period presets', () => {
  const today = '2025-03-10';
  it('computes whole-day presets ending yesterday', () => {
    expect(presetPeriod('yesterday', today)).toEqual({ from: '2025-03-09', to: '2025-03-09' });
    expect(presetPeriod('7d', today)).toEqual({ from: '2025-03-03', to: '2025-03-09' });
    expect(presetPeriod('28d', today)).toEqual({ from: '2025-02-10', to: '2025-03-09' });
    expect(presetPeriod('thisMonth', today)).toEqual({ from: '2025-03-01', to: '2025-03-10' });
  });
  it('recognises a preset from its dates, else custom', () => {
    expect(matchPreset({ from: '2025-03-03', to: '2025-03-09' }, today)).toBe('7d');
    expect(matchPreset({ from: '2025-03-02', to: '2025-03-09' }, today)).toBe('custom');
  });
  it('gives the previous period of the same length', () => {
    expect(dayCount({ from: '2025-03-03', to: '2025-03-09' })).toBe(7);
    expect(previousPeriodOf({ from: '2025-03-01', to: '2025-03-31' })).toEqual({ from: '2025-01-29', to: '2025-02-28' });
  });
  it('crosses month and leap-year boundaries', () => {
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });
});

describe('todayIn', () => {
  it("uses the workspace's time zone, not UTC", () => {
    const instant = new Date('2025-03-09T23:30:00Z');
    expect(todayIn('Europe/Paris', instant)).toBe('2025-03-10');
    expect(todayIn('America/New_York', instant)).toBe('2025-03-09');
  });
});

describe('isDay', () => {
  it('accepts real calendar days only', () => {
    expect(isDay('2025-02-28')).toBe(true);
    expect(isDay('2025-02-30')).toBe(false);
    expect(isDay('2025-2-3')).toBe(false);
    expect(isDay(null)).toBe(false);
  });
});
