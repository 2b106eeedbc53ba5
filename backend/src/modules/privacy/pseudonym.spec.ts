import { displayAuthor, localizePseudonym, pseudonymFor } from './pseudonym';

describe('pseudonyms', () => {
  it('matches the SQL ingestion computes (md5 of salt:platform:externalId, 4 upper hex)', () => {
    // md5('s3cret:mastodon:42') = 'f22f8db4…' checked with: printf 's3cret:mastodon:42' | md5sum
    expect(pseudonymFor('s3cret', 'mastodon', '42')).toBe('Utilisateur F22F');
    expect(pseudonymFor('s3cret', 'mastodon', '42', 'en')).toBe('User F22F');
  });

  it('is stable, and differs across workspaces (salts) and platforms', () => {
    expect(pseudonymFor('a', 'x', '1')).toBe(pseudonymFor('a', 'x', '1'));
    const codes = new Set([pseudonymFor('a', 'x', '1'), pseudonymFor('b', 'x', '1'), pseudonymFor('a', 'youtube', '1')]);
    expect(codes.size).toBe(3);
  });

  it('localises stored pseudonyms and leaves anything else alone', () => {
    expect(localizePseudonym('Utilisateur 7F3A', 'en')).toBe('User 7F3A');
    expect(localizePseudonym('User 7F3A', 'fr')).toBe('Utilisateur 7F3A');
    expect(localizePseudonym('Jeanne', 'en')).toBe('Jeanne');
  });

  it('renders per the workspace setting; erased or nameless authors stay pseudonymous', () => {
    const a = { pseudonym: 'Utilisateur 7F3A', handle: 'jeanne_r', displayName: 'Jeanne R.' };
    expect(displayAuthor(a, { pseudonymize: true, language: 'fr' })).toEqual({ name: 'Utilisateur 7F3A', handle: null, pseudonymized: true });
    expect(displayAuthor(a, { pseudonymize: false, language: 'en' })).toEqual({ name: 'Jeanne R.', handle: 'jeanne_r', pseudonymized: false });
    expect(displayAuthor({ ...a, displayName: null }, { pseudonymize: false, language: 'fr' })?.name).toBe('jeanne_r');
    expect(displayAuthor({ ...a, erased: true }, { pseudonymize: false, language: 'en' })?.name).toBe('User 7F3A');
    expect(displayAuthor({ pseudonym: 'Utilisateur 0001', handle: null, displayName: null }, { pseudonymize: false, language: 'fr' })).toEqual({
      name: 'Utilisateur 0001',
      handle: null,
      pseudonymized: true,
    });
    expect(displayAuthor(null, { pseudonymize: true, language: 'fr' })).toBeNull();
  });
});
