import { parseQuery } from '@vigie/query';
import { platformSearches, requiredTerms } from './search-terms';

const req = (q: string) => requiredTerms(parseQuery(q)).map((t) => t.text);

describe('requiredTerms (a superset of what the query can match)', () => {
  it.each([
    ['vigie', ['vigie']],
    ['vigie OR #vigie', ['vigie', '#vigie']],
    ['vigie (prix OR tarif) NOT spam', ['vigie']],
    ['"service client" lent', ['"service client"']],
    ['(a OR b) (c OR d OR e)', ['a', 'b']],
    ['réclamation* NEAR/3 colis', ['colis']],
    ['vigie lang:fr platform:x', ['vigie']],
    ['(vigie OR veille) NOT (spam OR promo)', ['vigie', 'veille']],
  ])('%s → %j', (q, expected) => {
    expect(req(q)).toEqual(expected);
  });
});

describe('platformSearches', () => {
  const q = parseQuery('(Vigie OR "service client" OR #vigie OR @vigie_app) NOT spam');
  it('joins with OR for X, keeping sigils, excluding retweets', () => {
    expect(platformSearches(q, 'x')).toEqual(['(Vigie OR "service client" OR #vigie OR @vigie_app) -is:retweet']);
  });
  it('drops sigils for Reddit', () => {
    expect(platformSearches(q, 'reddit')).toEqual(['Vigie OR "service client" OR vigie OR vigie_app']);
  });
  it('uses | for YouTube', () => {
    expect(platformSearches(q, 'youtube')).toEqual(['Vigie|"service client"|#vigie|vigie_app']);
  });
  it('sends one search per term to Bluesky', () => {
    expect(platformSearches(q, 'bluesky')).toEqual(['Vigie', '"service client"', '#vigie', 'vigie_app']);
  });
  it('sends every positive term to Mastodon: words and phrases as full text, hashtags as tag timelines (handles skipped)', () => {
    expect(platformSearches(q, 'mastodon')).toEqual(['Vigie', '"service client"', '#vigie']);
  });
  it('searches a prefix by its stem and a hyphenated word as a phrase', () => {
    expect(platformSearches(parseQuery('réclamation* OR porte-monnaie'), 'bluesky')).toEqual(['réclamation', '"porte monnaie"']);
  });
  it('splits long X queries under 512 characters', () => {
    const words = Array.from({ length: 80 }, (_, i) => `motclef${i}`);
    const out = platformSearches(parseQuery(words.join(' OR ')), 'x');
    expect(out.length).toBeGreaterThan(1);
    for (const s of out) expect(s.length).toBeLessThanOrEqual(512);
    expect(out.join(' ')).toContain('motclef79');
  });
  it('has nothing for platforms without search', () => {
    expect(platformSearches(q, 'facebook')).toEqual([]);
  });
});
