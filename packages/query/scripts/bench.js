'use strict';
// Watch-query matching bench: compiled set vs per-query RegExp loop.
// Run with `npm run bench -w packages/query` (builds dist first).
const { compileQueries, normalizeText, parseQuery, tokenize, tryParseQuery } = require('../dist');
const { createCorpus } = require('./bench-corpus');
const { compileNaive } = require('./bench-naive');

const TEXTS = Number(process.env.BENCH_TEXTS || 1_000_000);
const NAIVE_SAMPLE = Number(process.env.BENCH_NAIVE_SAMPLE || 10_000);
const BATCH = 10_000;

const now = () => Number(process.hrtime.bigint()) / 1e6; // ms
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

const corpus = createCorpus(42);
const queries = [];
while (queries.length < 1000) {
  const q = corpus.nextQuery();
  if (tryParseQuery(q).ok) queries.push({ id: `q${queries.length}`, query: q });
}

let t = now();
const set1000 = compileQueries(queries);
const compile1000 = now() - t;
const set10 = compileQueries(queries.slice(0, 10));

// Naive baseline on a sample, extrapolated.
const sample = Array.from({ length: NAIVE_SAMPLE }, () => corpus.nextText());
const naive = queries.map((q) => ({ id: q.id, test: compileNaive(parseQuery(q.query)) }));
t = now();
let naiveMatches = 0;
const naiveIds = [];
for (const doc of sample) {
  const norm = normalizeText(doc.text);
  const ids = [];
  for (const q of naive) if (q.test(norm, doc)) ids.push(q.id);
  naiveMatches += ids.length;
  naiveIds.push(ids);
}
const naiveMs = now() - t;
t = now();
let sampleAgree = 0;
for (let i = 0; i < sample.length; i++) {
  const ids = set1000.match(sample[i]);
  if (ids.join() === naiveIds[i].join()) sampleAgree++;
}
const sampleCompiledMs = now() - t;

// Main run: TEXTS generated lazily in batches; only matching is timed.
// Both sets go through the same timed loop, each with its own totals.
const totals = (set) => ({ set, ms: 0, matches: 0, docsWithMatch: 0 });
const run1000 = totals(set1000);
const run10 = totals(set10);
const matchBatch = (run, batch) => {
  const t0 = now();
  for (const doc of batch) {
    const n = run.set.match(doc).length;
    run.matches += n;
    if (n) run.docsWithMatch++;
  }
  run.ms += now() - t0;
};
let tokens = 0;
for (let done = 0; done < TEXTS; done += BATCH) {
  const batch = [];
  for (let i = 0; i < Math.min(BATCH, TEXTS - done); i++) batch.push(corpus.nextText());
  const runs = [run1000, run10];
  // Alternate the order so neither set always runs on a warm cache.
  if ((done / BATCH) % 2) runs.reverse();
  for (const run of runs) matchBatch(run, batch);
  if (done === 0) for (const doc of batch) tokens += tokenize(doc.text).length;
}
const { ms: ms1000, matches: matches1000, docsWithMatch } = run1000;
const { ms: ms10, matches: matches10 } = run10;

const naiveExtrapolated = (naiveMs / sample.length) * TEXTS;
const lines = [
  `queries: 1,000 (compiled in ${fmt(compile1000)}); texts: ${TEXTS.toLocaleString('en')} (~${Math.round(tokens / Math.min(BATCH, TEXTS))} tokens each)`,
  `compiled set, 1,000 queries × ${TEXTS.toLocaleString('en')} texts: ${fmt(ms1000)} (${((ms1000 * 1000) / TEXTS).toFixed(2)} µs/text, ${matches1000.toLocaleString('en')} matches, ${docsWithMatch.toLocaleString('en')} texts with ≥1 match)`,
  `compiled set,    10 queries × ${TEXTS.toLocaleString('en')} texts: ${fmt(ms10)} (${matches10.toLocaleString('en')} matches)`,
  `scaling 1,000 vs 10 queries: ${(ms1000 / ms10).toFixed(2)}× (target ≤ 3×)`,
  `naive RegExp loop, 1,000 queries × ${sample.length.toLocaleString('en')} texts: ${fmt(naiveMs)} → extrapolated to ${TEXTS.toLocaleString('en')}: ${fmt(naiveExtrapolated)}`,
  `  (same sample with the compiled set: ${fmt(sampleCompiledMs)}; identical id lists on ${((100 * sampleAgree) / sample.length).toFixed(1)}% of texts, naive matches ${naiveMatches.toLocaleString('en')})`,
  `speed-up compiled vs naive: ${(naiveExtrapolated / ms1000).toFixed(1)}× (target ≥ 20×)`,
];
console.log(lines.join('\n'));
