import { periodLength } from '@vigie/kpi';
import { describe, expect, it } from 'vitest';
import { isDay, matchPreset, presetPeriod, todayIn } from './period';

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
  it('gives presets of the stated number of whole days', () => {
    const length = (p: { from: string; to: string }) => periodLength(p.from, p.to);
    expect(length(presetPeriod('yesterday', today))).toBe(1);
    expect(length(presetPeriod('7d', today))).toBe(7);
    expect(length(presetPeriod('28d', today))).toBe(28);
    expect(length(presetPeriod('thisMonth', today))).toBe(10);
  });
  it('crosses month, year and leap-year boundaries', () => {
    expect(presetPeriod('yesterday', '2024-03-01')).toEqual({ from: '2024-02-29', to: '2024-02-29' });
    expect(presetPeriod('7d', '2025-01-03')).toEqual({ from: '2024-12-27', to: '2025-01-02' });
    expect(presetPeriod('thisMonth', '2025-01-01')).toEqual({ from: '2025-01-01', to: '2025-01-01' });
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
