// npm run eval -w packages/text — measured quality of the shipped analyser.
// Sentiment: UMSAB FR/EN TEST splits (never used for training or tuning).
// Request types: data/request-types.independent-test.jsonl (test only, never trained or tuned on),
// dev sets (trained on), and the old held-out half with a model retrained without it.
// Language: 300 FR + 300 EN test tweets + hand-written nl/de/es/it/pt sentences.
// Optional: the Allociné holdout (evaluation only) when shared/data/holdout is present.
import * as fs from 'fs';
import * as path from 'path';
import { analyze, REQUEST_TYPES } from '../src';
import { parseCsv } from './csv';
import { DEV_EXTRA, INDEPENDENT_TEST, loadJsonl, loadRequestTypes, loadSentiment } from './datasets';
import { classifyWithFeatures, requestFeaturesOf } from '../src/request-type/classify-request';
import { buildExamples } from '../src/request-type/corrections';
import { DEFAULT_TRAIN_PARAMS, trainRequestModel } from '../src/request-type/model';
import { aspectsSection } from './eval-aspects';
import { OTHER_LANGUAGE_SAMPLES } from './language-samples';
import { formatConfusion, formatReport, report } from './metrics';
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

function trigrams(t: string): Set<string> {
  const s = ` ${t.toLowerCase().replace(/\s+/g, ' ').trim()} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return out;
}

function requestTypeSection(): void {
  const labels = [...REQUEST_TYPES];
  const labelled = loadRequestTypes();
  const devExtra = loadJsonl(DEV_EXTRA);
  const test = loadJsonl(INDEPENDENT_TEST);
  const pred = test.map((r) => analyze(r.text).requestType.type);
  const gold = test.map((r) => r.type);
  console.log(formatReport('request types, INDEPENDENT TEST set (never trained or tuned on)', report(gold, pred, labels)));
  console.log(formatConfusion(gold, pred, labels));
  for (const lang of ['fr', 'en', 'mixed']) {
    const idx = test.map((r, i) => (r.lang === lang ? i : -1)).filter((i) => i >= 0);
    const acc = idx.filter((i) => pred[i] === gold[i]).length / Math.max(1, idx.length);
    console.log(`  independent ${lang}: accuracy=${acc.toFixed(3)} n=${idx.length}`);
  }
  const multi = test.map((r, i) => (/multi-intent|sarcasm/.test(r.note ?? '') ? i : -1)).filter((i) => i >= 0);
  console.log(`  independent multi-intent/sarcasm: accuracy=${(multi.filter((i) => pred[i] === gold[i]).length / Math.max(1, multi.length)).toFixed(3)} n=${multi.length}`);
  // Messages far from every training message (char-trigram Jaccard < 0.5): no near-paraphrase.
  const train = [...labelled, ...devExtra].map((r) => trigrams(r.text));
  const novel = test
    .map((r, i) => {
      const g = trigrams(r.text);
      let best = 0;
      for (const h of train) {
        let inter = 0;
        for (const x of g) if (h.has(x)) inter++;
        best = Math.max(best, inter / (g.size + h.size - inter));
      }
      return best < 0.5 ? i : -1;
    })
    .filter((i) => i >= 0);
  console.log(`  independent, no near-paraphrase in training (trigram Jaccard < 0.5): accuracy=${(novel.filter((i) => pred[i] === gold[i]).length / Math.max(1, novel.length)).toFixed(3)} n=${novel.length}`);
  console.log('');

  for (const [name, rows] of [['dev: labelled 356 (trained on)', labelled], ['dev: dev-extra (trained on)', devExtra]] as const) {
    const r = report(rows.map((x) => x.type), rows.map((x) => analyze(x.text).requestType.type), labels);
    console.log(`request types, ${name}: accuracy=${r.accuracy.toFixed(3)} n=${r.n}`);
  }
  // The old figure: held-out half, now with a model retrained on the dev half + dev-extra only.
  const heldout = labelled.filter((r) => r.split === 'heldout');
  const model = trainRequestModel(buildExamples([...labelled.filter((r) => r.split === 'dev'), ...devExtra]), DEFAULT_TRAIN_PARAMS);
  const hp = heldout.map((r) => {
    const f = requestFeaturesOf(r.text);
    return classifyWithFeatures(f.feats, f.cues, f.signals, model).type;
  });
  console.log(formatReport('request types, old held-out half (model retrained without it)', report(heldout.map((r) => r.type), hp, labels)));
  for (const lang of ['fr', 'en']) {
    const idx = heldout.map((r, i) => (r.lang === lang ? i : -1)).filter((i) => i >= 0);
    console.log(`  held-out ${lang}: accuracy=${(idx.filter((i) => hp[i] === heldout[i]!.type).length / Math.max(1, idx.length)).toFixed(3)} n=${idx.length}`);
  }
  console.log('');
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
aspectsSection();
languageSection();
allocineSection();
