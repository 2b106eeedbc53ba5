import { describe, expect, it } from 'vitest';
import { caretParts, checkQuery } from './query-check';

describe('checkQuery', () => {
  it('accepts a valid boolean query', () => {
    expect(checkQuery('"café brûlé" AND (avis OR test) -recrutement', 'fr')).toEqual({ ok: true, error: null, message: null });
  });

  it('locates a dangling operator at the end', () => {
    const r = checkQuery('café AND', 'en');
    expect(r.ok).toBe(false);
    expect(r.error?.position).toBe(8); // end of the 8-character query
    expect(r.message).toMatch(/position 8/);
  });

  it('points at the opening quote of an unclosed phrase, in French', () => {
    const r = checkQuery('marque "sans fin', 'fr');
    expect(r.error?.code).toBe('unclosed_quote');
    expect(r.error?.position).toBe(7);
    expect(r.message).toMatch(/guillemet|position 7/i);
  });
});

describe('caretParts', () => {
  it('marks the character at the position', () => {
    expect(caretParts('a OR )', 5)).toEqual({ before: 'a OR ', at: ')', after: '', atEnd: false });
  });
  it('marks the end of the query', () => {
    expect(caretParts('a AND', 5)).toEqual({ before: 'a AND', at: '', after: '', atEnd: true });
  });
});
