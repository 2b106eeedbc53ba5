import { describe, expect, it } from 'vitest';
import {
  formatDay,
  formatInteger,
  formatMinutes,
  formatPercent,
  formatSignedPercent,
  formatValue,
} from './format';

// CLDR French, as Intl gives it: U+202F (narrow no-break space) groups thousands, U+00A0
// (no-break space) precedes '%'.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('format (fr)', () => {
  it('formats a fraction as a French percentage with a comma and a narrow space', () => {
    expect(formatPercent(0.125, 'fr')).toBe(`12,5${NBSP}%`);
  });
  it('groups thousands with a narrow no-break space', () => {
    expect(formatInteger(1234, 'fr')).toBe(`1${NNBSP}234`);
    expect(formatInteger(1234567, 'fr')).toBe(`1${NNBSP}234${NNBSP}567`);
  });
  it('rounds integers and keeps one decimal in percentages', () => {
    expect(formatInteger(1234.6, 'fr')).toBe(`1${NNBSP}235`);
    expect(formatPercent(0.03456, 'fr')).toBe(`3,5${NBSP}%`);
  });
  it('signs deltas', () => {
    expect(formatSignedPercent(0.2, 'fr')).toBe(`+20${NBSP}%`);
    expect(formatSignedPercent(-0.05, 'fr')).toBe(`-5${NBSP}%`);
  });
  it('formats a calendar day without shifting it through the local zone', () => {
    expect(formatDay('2025-03-01', 'fr', 'long')).toBe('1 mars 2025');
  });
});

describe('format (en)', () => {
  it('uses a dot and no space before %', () => {
    expect(formatPercent(0.125, 'en')).toBe('12.5%');
  });
  it('groups thousands with a comma', () => {
    expect(formatInteger(1234, 'en')).toBe('1,234');
  });
  it('formats a calendar day', () => {
    expect(formatDay('2025-03-01', 'en', 'long')).toBe('1 March 2025');
  });
});

describe('missing values', () => {
  it('shows a dash for null, undefined and non-finite numbers, never 0', () => {
    expect(formatInteger(null, 'fr')).toBe('—');
    expect(formatPercent(undefined, 'en')).toBe('—');
    expect(formatValue(Number.NaN, 'integer', 'fr')).toBe('—');
  });
});

describe('formatValue / minutes', () => {
  it('dispatches on the KPI format', () => {
    expect(formatValue(0.5, 'percent', 'en')).toBe('50%');
    expect(formatValue(2500, 'integer', 'en')).toBe('2,500');
  });
  it('switches to hours from 60 minutes', () => {
    expect(formatMinutes(45, 'en')).toBe('45 mins');
    expect(formatMinutes(90, 'en')).toBe('1.5 hrs');
    expect(formatMinutes(90, 'fr')).toBe(`1,5${NNBSP}h`);
  });
});
