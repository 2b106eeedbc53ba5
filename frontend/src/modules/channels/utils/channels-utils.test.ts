import { describe, expect, it } from 'vitest';
import { isFinished, notesList, progressFraction, type ImportStatusDto } from './import-status';
import { collectCredentials, missingCredentials } from './platforms';

const base: ImportStatusDto = { status: 'running', progress: null, rowsTotal: null, rowsImported: null, rowsSkipped: null, errors: [], notes: null };

describe('progressFraction', () => {
  it('accepts a fraction or a percentage', () => {
    expect(progressFraction({ ...base, progress: 0.4 })).toBe(0.4);
    expect(progressFraction({ ...base, progress: 40 })).toBe(0.4);
  });
  it('falls back to processed rows over the total', () => {
    expect(progressFraction({ ...base, rowsTotal: 200, rowsImported: 90, rowsSkipped: 10 })).toBe(0.5);
  });
  it('is unknown before the total is known, and 1 once finished', () => {
    expect(progressFraction(base)).toBeNull();
    expect(progressFraction({ ...base, status: 'done', progress: 0.2 })).toBe(1);
    expect(isFinished({ status: 'failed' })).toBe(true);
    expect(isFinished({ status: 'queued' })).toBe(false);
  });
  it('normalises notes', () => {
    expect(notesList('Unknown column: Foo')).toEqual(['Unknown column: Foo']);
    expect(notesList(null)).toEqual([]);
  });
});

describe('credentials form', () => {
  it('sends only the filled-in fields of the platform, trimmed', () => {
    expect(collectCredentials('x', { bearerToken: ' abc ', accessToken: 'ignored' })).toEqual({ bearerToken: 'abc' });
    expect(collectCredentials('rss', { accessToken: 'x' })).toBeUndefined();
  });
  it('lists the required fields left empty', () => {
    expect(missingCredentials('facebook', {})).toEqual(['accessToken']);
    expect(missingCredentials('youtube', {})).toEqual([]);
  });
});
