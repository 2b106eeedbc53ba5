// Trains the sentiment model: multinomial logistic regression (AdaGrad SGD, L2) over the sparse
// features of src/sentiment/features.ts, on the UMSAB FR+EN train split. Hyper-parameters are
// chosen on the val split; `--final` retrains on train+val and writes src/sentiment/model-weights.ts.
// The test split is never read here.
import * as fs from 'fs';
import * as path from 'path';
import { detectLanguage } from '../src/language/detect-language';
import { tokenize } from '../src/normalize';
import { extractFeatures } from '../src/sentiment/features';
import { blendProbs } from '../src/sentiment/blend';
import { lexiconScore } from '../src/sentiment/lexicon-score';
import { lexiconLanguage } from '../src/sentiment/classify-sentiment';
import { SENTIMENT_CLASSES } from '../src/sentiment/model-format';
import { loadExtraEnglish, loadSentiment, type SentimentRow } from './datasets';
import { report } from './metrics';
import { PACKAGE_ROOT } from './paths';

interface Example {
  feats: Map<string, number>;
  lexScore: number;
  y: number;
  lang: string;
}

export function featurize(text: string): { feats: Map<string, number>; lexScore: number } {
  const tokens = tokenize(text);
  const guess = detectLanguage(text, tokens);
  const feats = new Map<string, number>();
  const lex = lexiconScore(tokens, lexiconLanguage(guess));
  extractFeatures(tokens, lex, feats);
  return { feats, lexScore: lex.score };
}

// Ablation for experiments only: DROP=c,b removes feature groups ("c:" char n-grams, "b:" bigrams).
const DROP = (process.env['DROP'] ?? '').split(',').filter(Boolean).map((g) => `${g}:`);

function toExamples(rows: SentimentRow[]): Example[] {
  return rows.map((r) => {
    const { feats, lexScore } = featurize(r.text);
    for (const f of [...feats.keys()]) if (DROP.some((g) => f.startsWith(g))) feats.delete(f);
    const cs = Number(process.env['CSCALE'] ?? '1');
    if (cs !== 1) for (const [f, v] of feats) if (f.startsWith('c:')) feats.set(f, v * cs);
    return { feats, lexScore, y: SENTIMENT_CLASSES.indexOf(r.label), lang: r.lang };
  });
}

interface Params {
  epochs: number;
  lr: number;
  l2: number;
  minDf: number;
}

interface Model {
  vocab: Map<string, number>;
  w: Float64Array; // vocab × K
  b: Float64Array;
}

const K = SENTIMENT_CLASSES.length;

function seededShuffle<T>(arr: T[], seed: number): T[] {
  let s = seed >>> 0;
  const rand = (): number => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [arr[i], arr[j]] = [arr[j] as T, arr[i] as T];
  }
  return arr;
}

function train(examples: Example[], p: Params): Model {
  const df = new Map<string, number>();
  for (const ex of examples) for (const f of ex.feats.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const vocab = new Map<string, number>();
  for (const [f, c] of df) if (c >= p.minDf || f.startsWith('d:')) vocab.set(f, vocab.size);
  const w = new Float64Array(vocab.size * K);
  const g2 = new Float64Array(vocab.size * K).fill(1e-8);
  const b = new Float64Array(K);
  const gb2 = new Float64Array(K).fill(1e-8);
  const idx: number[][] = examples.map((ex) => [...ex.feats.keys()].map((f) => vocab.get(f) ?? -1));
  const order = examples.map((_e, i) => i);
  const probs = new Float64Array(K);
  for (let epoch = 0; epoch < p.epochs; epoch++) {
    seededShuffle(order, epoch + 1);
    for (const i of order) {
      const ex = examples[i] as Example;
      const ids = idx[i] as number[];
      const vals = [...ex.feats.values()];
      for (let k = 0; k < K; k++) probs[k] = b[k] as number;
      for (let j = 0; j < ids.length; j++) {
        const id = ids[j] as number;
        if (id < 0) continue;
        for (let k = 0; k < K; k++) probs[k] = (probs[k] as number) + (w[id * K + k] as number) * (vals[j] as number);
      }
      softmaxInPlace(probs);
      for (let k = 0; k < K; k++) {
        const err = (probs[k] as number) - (k === ex.y ? 1 : 0);
        gb2[k] = (gb2[k] as number) + err * err;
        b[k] = (b[k] as number) - (p.lr * err) / Math.sqrt(gb2[k] as number);
        for (let j = 0; j < ids.length; j++) {
          const id = ids[j] as number;
          if (id < 0) continue;
          const o = id * K + k;
          const g = err * (vals[j] as number) + p.l2 * (w[o] as number);
          g2[o] = (g2[o] as number) + g * g;
          w[o] = (w[o] as number) - (p.lr * g) / Math.sqrt(g2[o] as number);
        }
      }
    }
  }
  return { vocab, w, b };
}

function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    z[k] = Math.exp((z[k] as number) - max);
    sum += z[k] as number;
  }
  for (let k = 0; k < z.length; k++) z[k] = (z[k] as number) / sum;
}

function predict(m: Model, feats: Map<string, number>, lexScore = 0, alpha = 0, neutralShift = 0): number {
  const z = new Float64Array(K);
  for (let k = 0; k < K; k++) z[k] = m.b[k] as number;
  for (const [f, v] of feats) {
    const id = m.vocab.get(f);
    if (id === undefined) continue;
    for (let k = 0; k < K; k++) z[k] = (z[k] as number) + (m.w[id * K + k] as number) * v;
  }
  softmaxInPlace(z);
  blendProbs(z, lexScore, alpha);
  z[1] = (z[1] as number) - neutralShift;
  let best = 0;
  for (let k = 1; k < K; k++) if ((z[k] as number) > (z[best] as number)) best = k;
  return best;
}

function evaluate(m: Model, examples: Example[], lang: string, alpha = 0, neutralShift = 0): number {
  const sub = examples.filter((e) => e.lang === lang);
  const gold = sub.map((e) => SENTIMENT_CLASSES[e.y] as string);
  const pred = sub.map((e) => SENTIMENT_CLASSES[predict(m, e.feats, e.lexScore, alpha, neutralShift)] as string);
  return report(gold, pred, [...SENTIMENT_CLASSES]).macroF1;
}

/** Keep only weights that matter, quantised to int8 with one global scale. */
function writeModel(m: Model, pruneBelow: number, file: string): void {
  let maxAbs = 0;
  for (const v of m.w) if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
  const scale = maxAbs / 127;
  const feats: string[] = [];
  const q: number[] = [];
  for (const [f, id] of m.vocab) {
    const ws = [0, 1, 2].map((k) => m.w[id * K + k] as number);
    if (!f.startsWith('d:') && Math.max(...ws.map(Math.abs)) < pruneBelow) continue;
    if (f.includes('\n')) continue;
    feats.push(f);
    for (const v of ws) q.push(Math.max(-127, Math.min(127, Math.round(v / scale))));
  }
  const bytes = Buffer.from(Int8Array.from(q).buffer);
  const body =
    '// GENERATED by scripts/train.ts (npm run train -w packages/text) — do not edit.\n' +
    '// Multinomial logistic regression trained on UMSAB FR+EN tweets (train+val splits).\n' +
    "import type { PackedModel } from './model-format';\n\n" +
    `export const SENTIMENT_MODEL: PackedModel = {\n` +
    `  classes: ${JSON.stringify(SENTIMENT_CLASSES)},\n` +
    `  bias: ${JSON.stringify([...m.b].map((v) => Math.round(v * 1e4) / 1e4))},\n` +
    `  scale: ${scale},\n` +
    `  features: ${JSON.stringify(feats.join('\n'))},\n` +
    `  weights: '${bytes.toString('base64')}',\n` +
    `};\n`;
  fs.writeFileSync(file, body);
  console.log(`wrote ${file}: ${feats.length} features, ${(body.length / 1024).toFixed(0)} KB`);
}

function main(): void {
  const args = process.argv.slice(2);
  const langs = (process.env['LANGS'] ?? 'fr,en').split(',') as ('fr' | 'en')[];
  const rows = langs.flatMap((l) => loadSentiment(l)).filter((r) => r.split !== 'test');
  const trainRows = rows.filter((r) => r.split === 'train');
  if (process.env['EXTRA_EN']) trainRows.push(...loadExtraEnglish());
  const valRows = rows.filter((r) => r.split === 'val');
  const trainEx = toExamples(trainRows);
  const valEx = toExamples(valRows);
  // 5-fold --cv --grid over train+val: minDf 1 scores FR 0.639 / EN 0.627 at ALPHA=0.3, but its
  // singleton features drown hand-written idioms ("pas mal du tout" → neutral, a spec fails);
  // minDf 2 at ALPHA=0.3 scores 0.628 / 0.621 (vs 0.621 / 0.616 at the former 0.35) and keeps them.
  const base: Params = { epochs: 5, lr: 0.1, l2: 1e-4, minDf: 2 };
  const grid: Params[] = args.includes('--grid')
    ? [1e-4, 2e-3, 1e-2, 3e-2].flatMap((l2) =>
        [5, 10, 20].flatMap((epochs) => [1, 2].map((minDf) => ({ ...base, l2, epochs, minDf }))),
      )
    : [base];
  if (args.includes('--cv')) {
    // 5-fold CV over train+val (never test): steadier than the 324-tweet val split for comparing variants.
    const all = [...trainEx, ...valEx];
    seededShuffle(all, 7);
    const alpha = Number(process.env['ALPHA'] ?? '0.3');
    for (const p of grid) {
      const fr: number[] = [];
      const en: number[] = [];
      for (let f = 0; f < 5; f++) {
        const tr = all.filter((_e, i) => i % 5 !== f);
        const te = all.filter((_e, i) => i % 5 === f);
        const m = train(tr, p);
        fr.push(evaluate(m, te, 'fr', alpha));
        en.push(evaluate(m, te, 'en', alpha));
      }
      const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
      console.log(`cv  l2=${p.l2} epochs=${p.epochs} minDf=${p.minDf} alpha=${alpha}  FR ${mean(fr).toFixed(3)}  EN ${mean(en).toFixed(3)}`);
    }
    return;
  }
  let best: { p: Params; score: number } | null = null;
  for (const p of grid) {
    const m = train(trainEx, p);
    const fr = evaluate(m, valEx, 'fr');
    const en = evaluate(m, valEx, 'en');
    const score = Math.min(fr, en);
    console.log(`val  l2=${p.l2} epochs=${p.epochs} minDf=${p.minDf}  FR ${fr.toFixed(3)}  EN ${en.toFixed(3)}`);
    if (!best || score > best.score) best = { p, score };
    if (args.includes('--shift')) {
      for (const shift of [0, 0.03, 0.06, 0.09, 0.12, 0.15]) {
        const a = evaluate(m, valEx, 'fr', 0.35, shift);
        const e = evaluate(m, valEx, 'en', 0.35, shift);
        console.log(`  alpha=0.35 neutral shift=${shift}  FR ${a.toFixed(3)}  EN ${e.toFixed(3)}`);
      }
    }
    if (args.includes('--alpha')) {
      for (const alpha of [0.1, 0.2, 0.3, 0.35, 0.4, 0.5, 0.6]) {
        const a = evaluate(m, valEx, 'fr', alpha);
        const e = evaluate(m, valEx, 'en', alpha);
        console.log(`  lexicon blend alpha=${alpha}  FR ${a.toFixed(3)}  EN ${e.toFixed(3)}`);
      }
    }
  }
  if (args.includes('--final') && best) {
    console.log(`final: training on train+val with`, best.p);
    const m = train([...trainEx, ...valEx], best.p);
    writeModel(m, 0.02, path.join(PACKAGE_ROOT, 'src', 'sentiment', 'model-weights.ts'));
  }
}

main();
