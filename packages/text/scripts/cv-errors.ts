// Dev loop: prints 5-fold cross-validation errors on the training pool (356 + dev-extra) only.
import { REQUEST_TYPES } from '../src';
import { classifyWithFeatures, requestFeaturesOf } from '../src/request-type/classify-request';
import { buildExamples, type LabelledText } from '../src/request-type/corrections';
import { FEATURE_OPTS } from '../src/request-type/features';
import { DEFAULT_TRAIN_PARAMS, trainRequestModel } from '../src/request-type/model';
import { DEV_EXTRA, loadJsonl, loadRequestTypes } from './datasets';
import { formatReport, report } from './metrics';

const pool: LabelledText[] = [...loadRequestTypes(), ...loadJsonl(DEV_EXTRA)];
const rows = pool.map((r, i) => ({ r, k: (i * 7919) % 104729 })).sort((a, b) => a.k - b.k).map((x) => x.r);
const params = { ...DEFAULT_TRAIN_PARAMS, epochs: Number(process.env['EPOCHS'] ?? 30), l2: Number(process.env['L2'] ?? 1e-3), minConfidence: Number(process.env['MINC'] ?? 0.25) };
FEATURE_OPTS.cueScale = Number(process.env['CUESCALE'] ?? FEATURE_OPTS.cueScale);
FEATURE_OPTS.charWeight = Number(process.env['CHARW'] ?? FEATURE_OPTS.charWeight);
FEATURE_OPTS.bigrams = process.env['BIGRAMS'] === '1';
const gold: string[] = [];
const pred: string[] = [];
for (let f = 0; f < 5; f++) {
  const model = trainRequestModel(buildExamples(rows.filter((_, i) => i % 5 !== f)), params);
  for (const r of rows.filter((_, i) => i % 5 === f)) {
    const x = requestFeaturesOf(r.text);
    const res = classifyWithFeatures(x.feats, x.cues, x.signals, model);
    gold.push(r.type);
    pred.push(res.type);
    if (res.type !== r.type) console.log(`${r.type.padEnd(15)} → ${res.type.padEnd(15)} ${res.confidence.toFixed(2)} [${res.reason}] ${r.text}`);
  }
}
console.log(formatReport('cv', report(gold, pred, [...REQUEST_TYPES])));
// Transfer: trained on the 356 only, read the separately written dev-extra.
{
  const model = trainRequestModel(buildExamples(loadRequestTypes()), params);
  const extra = loadJsonl(DEV_EXTRA);
  const p2 = extra.map((r) => {
    const x = requestFeaturesOf(r.text);
    return classifyWithFeatures(x.feats, x.cues, x.signals, model).type;
  });
  if (process.env['SHOWX']) extra.forEach((r, i) => p2[i] !== r.type && console.log(`X ${r.type.padEnd(15)} → ${String(p2[i]).padEnd(15)} ${r.text}`));
  console.log(`transfer 356 → dev-extra: accuracy=${report(extra.map((r) => r.type), p2, [...REQUEST_TYPES]).accuracy.toFixed(3)}`);
}
