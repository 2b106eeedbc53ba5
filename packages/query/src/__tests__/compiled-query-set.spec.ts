import {
  compileQueries,
  matchQuery,
  parseQuery,
  prepareDoc,
  QuerySyntaxError,
  tryParseQuery,
} from '..';
import { mulberry32 } from '@vigie/seeded-random';
import { randomQuery, randomText } from './random-queries';

describe('compileQueries', () => {
  const set = compileQueries([
    { id: 'brand', query: 'vigie OR #vigie' },
    { id: 'sav', query: '"service client" NOT spam' },
    { id: 'prix', query: '(prix OR tarif*) NEAR/2 hausse lang:fr' },
    { id: 'ast', query: parseQuery('réclamation') },
    { id: 'yt', query: 'vigie platform:youtube' },
  ]);

  it.each<[string, Record<string, string>, string[]]>([
    ['Merci #Vigie pour le service client', {}, ['brand', 'sav']],
    ['service client spam', {}, []],
    ['hausse des tarifs', { lang: 'fr' }, ['prix']],
    ['hausse des tarifs', { lang: 'en' }, []],
    ['RECLAMATION reçue', {}, ['ast']],
    ['vigie', { platform: 'youtube' }, ['brand', 'yt']],
    ['rien à signaler', {}, []],
    ['', {}, []],
  ])('%j %j → %j', (text, meta, ids) => {
    expect(set.match({ text, ...meta })).toEqual(ids);
  });

  it('gives spans per matching query', () => {
    const text = 'Vigie: hausse du prix';
    expect(set.matchWithSpans({ text, lang: 'fr' })).toEqual([
      { id: 'brand', spans: [{ start: 0, end: 5 }] },
      {
        id: 'prix',
        spans: [
          { start: 7, end: 13 },
          { start: 17, end: 21 },
        ],
      },
    ]);
  });

  it('throws on an invalid query, naming it', () => {
    expect(() => compileQueries([{ id: 'q1', query: 'a AND' }])).toThrow(QuerySyntaxError);
    expect(() => compileQueries([{ id: 'q1', query: 'a AND' }])).toThrow(
      "Query 'q1': Expected a term or '(' after AND at position 5",
    );
  });

  it('rejects a pure-NOT AST given directly', () => {
    const bad = parseQuery('a NOT b');
    const pureNot = bad.type === 'and' ? bad.operands[1] : undefined;
    expect(pureNot?.type).toBe('not');
    if (!pureNot) return;
    expect(() => compileQueries([{ id: 'n', query: pureNot }])).toThrow(
      'at least one positive term',
    );
  });

  it('can skip invalid queries and report them', () => {
    const s = compileQueries(
      [
        { id: 'ok', query: 'vigie' },
        { id: 'bad', query: 'foo:bar' },
        { id: 'neg', query: 'NOT vigie' },
      ],
      { skipInvalid: true },
    );
    expect(s.size).toBe(1);
    expect(s.errors.map((e) => [e.id, e.error.code, e.error.position])).toEqual([
      ['bad', 'unknown_filter', 0],
      ['neg', 'no_positive_term', 0],
    ]);
    expect(s.match({ text: 'vigie' })).toEqual(['ok']);
  });

  it('handles many queries sharing terms and reuses its state across documents', () => {
    const s = compileQueries(
      Array.from({ length: 50 }, (_, i) => ({
        id: `q${i}`,
        query: i % 2 ? `vigie NOT w${i}` : `w${i} OR vigie`,
      })),
    );
    expect(s.match({ text: 'vigie w1 w2' })).toHaveLength(49); // q1 excluded by w1
    expect(s.match({ text: 'w3' })).toEqual([]); // w3 only appears under NOT
    expect(s.match({ text: 'w4' })).toEqual(['q4']);
  });
});

describe('compiled set: trigger terms stay sound on tricky shapes', () => {
  it.each<[string, string, boolean]>([
    ['a NOT NOT b', 'a b', true], // double negation: b is a trigger candidate
    ['a NOT NOT b', 'b', false],
    ['(a OR NOT b) c', 'c', true], // only c can trigger
    ['(a OR NOT b) c', 'c b', false],
    ['(a OR NOT b) c', 'a b c', true],
    ['(x* OR y) NEAR/1 zzz', 'xylo zzz', true], // cheapest side of a NEAR
    ['(x* OR y) NEAR/1 zzz', 'zzz a b xylo', false],
    ['ab* "service client"', 'abc service client', true],
    ['ab* "service client"', 'service abc client', false],
    ['#vigie lang:fr OR @vigie', '@vigie', true],
    ['#vigie lang:fr OR @vigie', '#vigie', false], // lang missing
  ])('%s on %j → %s', (query, text, expected) => {
    const set = compileQueries([{ id: 'q', query }]);
    expect(set.match({ text })).toEqual(expected ? ['q'] : []);
    expect(matchQuery(query, { text }).matched).toBe(expected);
  });
});

describe('compiled set agrees with per-query matching (seeded property check)', () => {
  const rnd = mulberry32(20240611);
  const queries: Array<{ id: string; query: string }> = [];
  while (queries.length < 300) {
    const q = randomQuery(rnd);
    if (tryParseQuery(q).ok) queries.push({ id: `q${queries.length}`, query: q });
  }
  const texts = Array.from({ length: 400 }, () => randomText(rnd));
  const set = compileQueries(queries);
  const asts = queries.map((q) => ({ id: q.id, ast: parseQuery(q.query) }));

  it('matches the same ids on every text', () => {
    let totalMatches = 0;
    for (const doc of texts) {
      const prepared = prepareDoc(doc);
      const expected = asts.filter((q) => matchQuery(q.ast, prepared).matched).map((q) => q.id);
      totalMatches += expected.length;
      expect({ text: doc.text, ids: set.match(doc) }).toEqual({ text: doc.text, ids: expected });
    }
    // The generator must produce a meaningful mix of matches and non-matches.
    expect(totalMatches).toBeGreaterThan(texts.length * queries.length * 0.05);
    expect(totalMatches).toBeLessThan(texts.length * queries.length * 0.95);
  });

  it('gives the same spans as matchQuery', () => {
    for (const doc of texts.slice(0, 100)) {
      for (const m of set.matchWithSpans(doc)) {
        const q = asts.find((a) => a.id === m.id);
        expect(m.spans).toEqual(q ? matchQuery(q.ast, doc).spans : null);
      }
    }
  });
});
