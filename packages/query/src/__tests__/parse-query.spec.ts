import { formatQueryError, parseQuery, QuerySyntaxError, stringifyQuery, tryParseQuery } from '..';

describe('parseQuery: structure and precedence', () => {
  it.each([
    ['vigie', 'vigie'],
    ['Vigie ÉTÉ', '(vigie AND ete)'], // implicit AND, normalised terms
    ['a b OR c', '((a AND b) OR c)'], // AND binds tighter than OR
    ['a OR b c', '(a OR (b AND c))'],
    ['a AND b OR c AND NOT d', '((a AND b) OR (c AND NOT d))'],
    ['a OR b OR c', '(a OR b OR c)'], // flattened
    ['(a OR b) c', '((a OR b) AND c)'],
    ['((a OR (b c)) d)', '((a OR (b AND c)) AND d)'],
    ['a NOT b', '(a AND NOT b)'],
    ['a -b -"c d"', '(a AND NOT b AND NOT "c d")'],
    ['a -(b OR c)', '(a AND NOT (b OR c))'],
    ['a NOT NOT b', '(a AND NOT NOT b)'],
    ['x NOT a NEAR/2 b', '(x AND NOT (a NEAR/2 b))'], // NEAR binds tighter than NOT
    ['a NEAR/2 b c', '((a NEAR/2 b) AND c)'],
    ['a NEAR/2 b NEAR/3 c', '((a NEAR/2 b) NEAR/3 c)'],
    ['(a OR b) NEAR/3 "c d"', '((a OR b) NEAR/3 "c d")'],
    ['"service client"', '"service client"'],
    ['“service client”', '"service client"'],
    ['« service client »', '"service client"'],
    ['"service - client"', '"service client"'],
    ["l'avion", '"l avion"'], // same tokenizer as texts
    ['porte-monnaie', '"porte monnaie"'],
    ['vigie.fr', '"vigie fr"'],
    ['https://vigie.fr', '"https vigie fr"'],
    ['récla*', 'recla*'],
    ['"service cli*"', '"service cli*"'],
    ['#Vigie @Jean', '(#vigie AND @jean)'],
    ['"#vigie rocks"', '"#vigie rocks"'],
    ['vigie lang:FR platform:YouTube', '(vigie AND lang:fr AND platform:youtube)'],
    ['vigie author:@Jean source:"Le Monde"', '(vigie AND author:jean AND source:"le monde")'],
    ['vigie and or not near', '(vigie AND and AND or AND not AND near)'], // lower-case = words
    ['a NEAR/0 b', '(a NEAR/0 b)'],
  ])('%s → %s', (src, expected) => {
    expect(stringifyQuery(parseQuery(src))).toBe(expected);
  });

  it('records source positions on nodes', () => {
    const ast = parseQuery('vigie AND "service client"');
    expect(ast.type).toBe('and');
    if (ast.type !== 'and') return;
    expect(ast.operands.map((o) => [o.start, o.end])).toEqual([
      [0, 5],
      [10, 26],
    ]);
  });
});

describe('parseQuery: errors', () => {
  it.each<[string, string, number, string[], string, string]>([
    ['empty', '', 0, ['term'], 'end of query', 'The query is empty: expected a term at position 0'],
    [
      'blank',
      '   ',
      0,
      ['term'],
      'end of query',
      'The query is empty: expected a term at position 0',
    ],
    [
      'dangling AND',
      'vigie AND',
      9,
      ['term', '('],
      'end of query',
      "Expected a term or '(' after AND at position 9",
    ],
    [
      'dangling OR before )',
      '(a OR )',
      6,
      ['term', '('],
      ')',
      "Expected a term or '(' after OR at position 6, found ')'",
    ],
    [
      'double OR',
      'a OR OR b',
      5,
      ['term', '('],
      'OR',
      "Expected a term or '(' after OR at position 5, found 'OR'",
    ],
    [
      'lone NOT',
      'NOT',
      3,
      ['term', '('],
      'end of query',
      "Expected a term or '(' after NOT at position 3",
    ],
    [
      'leading AND',
      'AND a',
      0,
      ['term', '('],
      'AND',
      "Expected a term or '(' at position 0, found 'AND'",
    ],
    [
      'unclosed quote',
      'vigie "service client',
      6,
      ['"'],
      'end of query',
      `Unclosed quote at position 6: expected a closing '"' before the end of the query`,
    ],
    [
      'unclosed paren',
      'a AND (b OR c',
      6,
      [')'],
      'end of query',
      "Unclosed '(' at position 6: expected ')' before the end of the query",
    ],
    [
      'stray )',
      'a b)',
      3,
      ['operator', 'term', 'end of query'],
      ')',
      "Unexpected ')' at position 3",
    ],
    [
      'empty parens',
      '()',
      1,
      ['term', '('],
      ')',
      "Expected a term or '(' after '(' at position 1, found ')'",
    ],
    [
      'NEAR/x',
      'a NEAR/x b',
      7,
      ['number'],
      'x',
      "Expected a number after 'NEAR/' at position 7, found 'x'",
    ],
    [
      'NEAR/ without number',
      'a NEAR/ b',
      7,
      ['number'],
      ' ',
      "Expected a number after 'NEAR/' at position 7, found ' '",
    ],
    [
      'NEAR without slash',
      'a NEAR b',
      6,
      ['/'],
      ' ',
      "Expected '/' and a number after NEAR at position 6 (e.g. NEAR/3)",
    ],
    [
      'NEAR too far',
      'a NEAR/101 b',
      7,
      ['number'],
      '101',
      'NEAR distance too large at position 7 (maximum 100)',
    ],
    [
      'dangling NEAR',
      'a NEAR/2',
      8,
      ['term', '('],
      'end of query',
      "Expected a term or '(' after NEAR/2 at position 8",
    ],
    [
      'NEAR on an AND group',
      '(a b) NEAR/2 c',
      1,
      ['term', 'phrase', 'OR-group'],
      'a b',
      'NEAR operands must be terms, phrases or OR-groups of terms (position 1)',
    ],
    [
      'NEAR on a filter',
      'a NEAR/2 lang:fr',
      9,
      ['term', 'phrase', 'OR-group'],
      'lang:fr',
      'NEAR operands must be terms, phrases or OR-groups of terms (position 9)',
    ],
    [
      'unknown filter',
      'vigie foo:bar',
      6,
      ['lang', 'platform', 'source', 'author'],
      'foo',
      "Unknown filter 'foo' at position 6: expected one of lang, platform, source, author",
    ],
    [
      'filter without value',
      'vigie lang:',
      11,
      ['filter value'],
      'end of query',
      "Expected a value after 'lang:' at position 11",
    ],
    [
      'wildcard inside a word',
      've*ie',
      2,
      ['term'],
      '*',
      "'*' is only allowed at the end of a term (position 2)",
    ],
    [
      'wildcard alone',
      'a *',
      2,
      ['term'],
      '*',
      "'*' at position 2 contains no letter or digit to search",
    ],
    [
      'punctuation only',
      'a !!!',
      2,
      ['term'],
      '!!!',
      "'!!!' at position 2 contains no letter or digit to search",
    ],
    ['empty phrase', 'a ""', 2, ['term'], '""', 'Empty phrase at position 2'],
    [
      'pure NOT',
      'NOT spam',
      0,
      ['positive term'],
      'NOT spam',
      'A query needs at least one positive term (it must not match a text that contains none of its words)',
    ],
    [
      'minus only',
      '-spam',
      0,
      ['positive term'],
      '-spam',
      'A query needs at least one positive term (it must not match a text that contains none of its words)',
    ],
    [
      'OR with a NOT branch',
      'vigie OR NOT spam',
      0,
      ['positive term'],
      'vigie OR NOT spam',
      'A query needs at least one positive term (it must not match a text that contains none of its words)',
    ],
    [
      'filters only',
      'lang:fr platform:x',
      0,
      ['positive term'],
      'lang:fr platform:x',
      'A query needs at least one positive term (it must not match a text that contains none of its words)',
    ],
    [
      'term OR filter',
      'vigie OR lang:fr',
      0,
      ['positive term'],
      'vigie OR lang:fr',
      'A query needs at least one positive term (it must not match a text that contains none of its words)',
    ],
  ])('%s: %j', (_name, src, position, expected, found, message) => {
    const r = tryParseQuery(src);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ position, expected, found, message });
    expect(() => parseQuery(src)).toThrow(QuerySyntaxError);
  });

  it('rejects absurd nesting with an error, not a stack overflow', () => {
    const r = tryParseQuery(`${'('.repeat(200)}a${')'.repeat(200)}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('too_deep');
  });

  it('accepts queries whose NOT is ANDed with a positive term', () => {
    expect(tryParseQuery('vigie NOT spam').ok).toBe(true);
    expect(tryParseQuery('(vigie OR veille) lang:fr').ok).toBe(true);
  });

  it('formats errors in French', () => {
    const r = tryParseQuery('vigie AND');
    if (r.ok) throw new Error('should fail');
    expect(formatQueryError(r.error, 'fr')).toBe(
      'Terme ou « ( » attendu après AND à la position 9',
    );
    expect(formatQueryError(r.error, 'en')).toBe(r.error.message);
    const u = tryParseQuery('a foo:b');
    if (u.ok) throw new Error('should fail');
    expect(formatQueryError(u.error, 'fr')).toBe(
      'Filtre inconnu « foo » à la position 2 : lang, platform, source ou author attendu',
    );
  });

  it.each([
    ['"abc', 'Guillemet ouvert à la position 0 jamais refermé'],
    ['(a', 'Parenthèse ouverte à la position 0 jamais refermée : « ) » attendu'],
    ['a NEAR/x b', 'Nombre attendu après « NEAR/ » à la position 7, trouvé « x »'],
    ['a OR OR b', 'Terme ou « ( » attendu après OR à la position 5, trouvé « OR »'],
    [
      'NOT a',
      'Une requête doit contenir au moins un terme positif (elle ne peut pas correspondre à un texte sans aucun de ses mots)',
    ],
  ])('French message for %j', (src, expected) => {
    const r = tryParseQuery(src);
    if (r.ok) throw new Error('should fail');
    expect(formatQueryError(r.error, 'fr')).toBe(expected);
  });

  it('serialises the thrown error for API responses', () => {
    try {
      parseQuery('(a');
      throw new Error('should fail');
    } catch (err) {
      expect(err).toBeInstanceOf(QuerySyntaxError);
      expect(JSON.parse(JSON.stringify(err))).toEqual({
        code: 'unclosed_paren',
        message: "Unclosed '(' at position 0: expected ')' before the end of the query",
        position: 0,
        expected: [')'],
        found: 'end of query',
        params: {},
      });
    }
  });
});
