// npm run eval -w packages/text — measured quality of the shipped analyser.
// Sentiment: UMSAB FR/EN TEST splits (never used for training or tuning).
// Request types: data/request-types.labelled.jsonl, held-out half + overall (rules tuned on dev).
// Language: 300 FR + 300 EN test tweets + hand-written nl/de/es/it/pt sentences.
// Optional: the Allociné holdout (evaluation only) when shared/data/holdout is present.
import * as fs from 'fs';
import * as path from 'path';
import { analyze, REQUEST_TYPES } from '../src';
import { parseCsv } from './csv';
import { loadRequestTypes, loadSentiment } from './datasets';
import { OTHER_LANGUAGE_SAMPLES } from './language-samples';
import { formatReport, report } from './metrics';
import { SHARED_DATA } from './paths';

const SENTIMENT = ['negative', 'neutral', 'positive'];

function sentimentSection(): void {
  for (const lang of ['fr', 'en'] as const) {
    const rows = loadSentiment(lang).filter((r) => r.split === 'test');
    const pred = rows.map((r) => analyze(r.text).sentiment.label);
    console.log(formatReport(`sentiment ${lang.toUpperCase()} test (UMSAB)`, report(rows.map((r) => r.label), pred, SENTIMENT)));
    console.log('');
  }
}

function requestTypeSection(): void {
  const rows = loadRequestTypes();
  for (const split of ['heldout', 'dev', 'all'] as const) {
    const sub = rows.filter((r) => split === 'all' || r.split === split);
    const pred = sub.map((r) => analyze(r.text).requestType.type);
    const r = report(sub.map((x) => x.type), pred, [...REQUEST_TYPES]);
    if (split === 'all') console.log(`request types (overall, dev + held-out): accuracy=${r.accuracy.toFixed(3)} n=${r.n}`);
    else console.log(formatReport(`request types (${split}${split === 'heldout' ? ', never tuned on' : ', rules tuned here'})`, r));
    if (split === 'heldout') {
      for (const lang of ['fr', 'en']) {
        const l = sub.filter((x) => x.lang === lang);
        const acc = l.filter((x) => analyze(x.text).requestType.type === x.type).length / Math.max(1, l.length);
        console.log(`  held-out ${lang}: accuracy=${acc.toFixed(3)} n=${l.length}`);
      }
      console.log('  held-out errors:');
      sub.forEach((x, i) => {
        if (pred[i] !== x.type) console.log(`    ${x.type} → ${pred[i]}: ${x.text}`);
      });
    }
    console.log('');
  }
}

function languageSection(): void {
  const samples: [string, string][] = [];
  for (const lang of ['fr', 'en'] as const) {
    for (const r of loadSentiment(lang).filter((x) => x.split === 'test').slice(0, 300)) samples.push([lang, r.text]);
  }
  samples.push(...OTHER_LANGUAGE_SAMPLES);
  const langs = ['fr', 'en', 'nl', 'de', 'es', 'it', 'pt'];
  const pred = samples.map(([, t]) => analyze(t).language as string);
  const gold = samples.map(([l]) => l);
  const r = report(gold, pred, langs);
  const und = pred.filter((p) => p === 'und').length;
  const wrong = pred.filter((p, i) => p !== 'und' && p !== gold[i]).length;
  console.log(formatReport('language', r));
  console.log(`  'und' (abstained): ${und}/${r.n}   wrong language: ${wrong}/${r.n}   accuracy when answering: ${((r.n - und - wrong) / Math.max(1, r.n - und)).toFixed(3)}`);
  console.log('');
}

function allocineSection(): void {
  const file = path.join(SHARED_DATA, 'holdout', 'sentiment_fr_allocine_reviews_sample3000.csv');
  if (!fs.existsSync(file)) return;
  const rows = parseCsv(fs.readFileSync(file, 'utf8'));
  const pred = rows.map((r) => analyze(r['text'] ?? '').sentiment.label);
  console.log(formatReport('sentiment FR Allociné reviews (holdout, out of domain, eval only)', report(rows.map((r) => r['polarity'] ?? ''), pred, SENTIMENT)));
  console.log('');
}

sentimentSection();
requestTypeSection();
languageSection();
allocineSection();
