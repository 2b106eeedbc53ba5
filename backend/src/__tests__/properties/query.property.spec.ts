import fc from 'fast-check';
import {
  compileQuery,
  formatQueryError,
  matchQuery,
  parseQuery,
  QuerySyntaxError,
  stringifyQuery,
  tryParseQuery,
} from '@vigie/query';

/**
 * Watch queries are typed by users: whatever they type, the parser either returns an AST or
 * throws a QuerySyntaxError whose position points inside the query — never another exception.
 */

// Fragments that exercise the grammar's edges far more often than uniform strings would.
const FRAGMENTS = [
  'prix', 'hausse', 'réclamation', 'cœur', '#vigie', '@vigie', 'vig*', '*', '"', '(', ')', ' ', '  ',
  'AND', 'OR', 'NOT', '-', 'NEAR/', 'NEAR/3', 'NEAR/999', 'NEAR/x', 'lang:', 'lang:fr', 'platform:x',
  'author:"a b"', 'source:', 'unknown:', ':', '"prix bas"', '""', '\\', '🔥', '\u0000', '\n', 'ﬁ', 'İ',
];

const grammarish = fc
  .tuple(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 14 }), fc.constantFrom(' ', ''))
  .map(([parts, sep]) => parts.join(sep));

const anyQuery = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  grammarish,
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 10 }).map((p) => p.join(' ')),
);

/** Applies the parser to one input and classifies the outcome; any other exception escapes. */
function outcome(q: string): { ok: true } | { ok: false; error: QuerySyntaxError } {
  try {
    parseQuery(q);
    return { ok: true };
  } catch (e) {
    if (e instanceof QuerySyntaxError) return { ok: false, error: e };
    throw e;
  }
}

describe('query parser properties (fast-check)', () => {
  it('parses or throws QuerySyntaxError with a position within [0, len] and readable FR/EN messages', () => {
    fc.assert(
      fc.property(anyQuery, (q) => {
        const r = outcome(q);
        if (r.ok) return;
        const { error } = r;
        expect(Number.isInteger(error.position)).toBe(true);
        expect(error.position).toBeGreaterThanOrEqual(0);
        expect(error.position).toBeLessThanOrEqual(q.length);
        expect(error.message.length).toBeGreaterThan(0);
        const info = error.toJSON();
        expect(formatQueryError(info, 'fr').length).toBeGreaterThan(0);
        // The non-throwing form agrees with the throwing one.
        const t = tryParseQuery(q);
        expect(t.ok).toBe(false);
        if (!t.ok) expect(t.error.position).toBe(error.position);
      }),
      { numRuns: 400, seed: 20251124 },
    );
  });

  it('an accepted query prints to a canonical form that parses to the same AST', () => {
    fc.assert(
      fc.property(anyQuery, (q) => {
        const r = tryParseQuery(q);
        if (!r.ok) return;
        const canonical = stringifyQuery(r.ast);
        expect(stringifyQuery(parseQuery(canonical))).toBe(canonical);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('an accepted query compiles and matches any text without throwing', () => {
    fc.assert(
      fc.property(anyQuery, fc.string({ maxLength: 80 }), (q, text) => {
        const r = tryParseQuery(q);
        if (!r.ok) return;
        const result = matchQuery(compileQuery(r.ast), { text });
        expect(typeof result.matched).toBe('boolean');
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('the fragment generator really reaches both outcomes (the properties are not vacuous)', () => {
    const samples = fc.sample(anyQuery, { numRuns: 400, seed: 3 });
    const accepted = samples.filter((q) => outcome(q).ok).length;
    expect(accepted).toBeGreaterThan(40);
    expect(samples.length - accepted).toBeGreaterThan(40);
  });
});
