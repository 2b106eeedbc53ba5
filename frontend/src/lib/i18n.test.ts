import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import fr from '../locales/fr.json';
import { detectLanguage } from './i18n';

describe('detectLanguage', () => {
  it('defaults to French when the browser prefers it', () => {
    expect(detectLanguage(null, 'fr-BE')).toBe('fr');
    expect(detectLanguage(null, 'fr')).toBe('fr');
  });
  it('defaults to English otherwise', () => {
    expect(detectLanguage(null, 'de-DE')).toBe('en');
    expect(detectLanguage(null, undefined)).toBe('en');
  });
  it('honours a stored choice', () => {
    expect(detectLanguage('en', 'fr-FR')).toBe('en');
    expect(detectLanguage('xx', 'fr-FR')).toBe('fr');
  });
});

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('locales', () => {
  it('FR and EN have exactly the same keys', () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });
});
