// npm run train:requests -w packages/text — trains the request-type model on the 356 labelled
// messages + data/request-types.dev-extra.jsonl and writes src/request-type/request-model.json.
// Hyper-parameters are chosen by 5-fold cross-validation on that pool. The independent test set
// is never read here.
//
// npm run retrain:requests -w packages/text -- --corrections path/to/corrections.jsonl
// retrains including CM corrections and prints before/after accuracy on the dev sets and on the
// independent test set (measure only: nothing is chosen from it).
import * as fs from 'fs';
import * as path from 'path';
import { REQUEST_TYPES } from '../src';
import { classifyWithFeatures, requestFeaturesOf } from '../src/request-type/classify-request';
import { buildExamples, parseCorrections, type LabelledText, type RequestCorrection } from '../src/request-type/corrections';
import {
  DEFAULT_TRAIN_PARAMS,
  packRequestModel,
  trainRequestModel,
  unpackRequestModel,
  type RequestModel,
  type RequestModelFile,
  type TrainParams,
} from '../src/request-type/model';
import { DEV_EXTRA, INDEPENDENT_TEST, loadJsonl, loadRequestTypes } from './datasets';
import { report } from './metrics';
import { PACKAGE_ROOT } from './paths';

const MODEL_PATH = path.join(PACKAGE_ROOT, 'src', 'request-type', 'request-model.json');

function accuracy(model: RequestModel, rows: LabelledText[]): number {
  if (rows.length === 0) return 0;
  const pred = rows.map((r) => {
    const f = requestFeaturesOf(r.text);
    return classifyWithFeatures(f.feats, f.cues, f.signals, model).type;
  });
  return report(rows.map((r) => r.type), pred, [...REQUEST_TYPES]).accuracy;
}

function crossValidate(rows: LabelledText[], params: TrainParams, folds = 5): number {
  let correct = 0;
  for (let f = 0; f < folds; f++) {
    const train = rows.filter((_, i) => i % folds !== f);
    const test = rows.filter((_, i) => i % folds === f);
    const model = trainRequestModel(buildExamples(train), params);
    correct += accuracy(model, test) * test.length;
  }
  return correct / rows.length;
}

function figures(label: string, model: RequestModel, sets: Record<string, LabelledText[]>): void {
  console.log(`${label}: ${Object.entries(sets).map(([k, v]) => `${k}=${accuracy(model, v).toFixed(3)} (n=${v.length})`).join('  ')}`);
}

function write(model: RequestModel, sources: string[], examples: number): void {
  fs.writeFileSync(MODEL_PATH, `${JSON.stringify(packRequestModel(model, { examples, sources }))}\n`);
  console.log(`wrote ${path.relative(PACKAGE_ROOT, MODEL_PATH)} (${(fs.statSync(MODEL_PATH).size / 1024).toFixed(0)} KB)`);
}

function main(): void {
  const argv = process.argv.slice(2);
  const ci = argv.indexOf('--corrections');
  const labelled = loadRequestTypes();
  const devExtra = loadJsonl(DEV_EXTRA);
  const pool: LabelledText[] = [...labelled, ...devExtra];
  // A fixed interleaving so CV folds mix both sources.
  const shuffled = pool.map((r, i) => ({ r, k: (i * 7919) % 104729 })).sort((a, b) => a.k - b.k).map((x) => x.r);

  if (ci >= 0) {
    const file = argv[ci + 1];
    if (!file) throw new Error('--corrections needs a path');
    const corrections: RequestCorrection[] = parseCorrections(fs.readFileSync(path.resolve(process.cwd(), file), 'utf8'));
    const test = loadJsonl(INDEPENDENT_TEST);
    const sets = { labelled356: labelled, devExtra, corrections: corrections.map((c) => ({ text: c.text, type: c.corrected })), independentTest: test };
    const before = unpackRequestModel(JSON.parse(fs.readFileSync(MODEL_PATH, 'utf8')) as RequestModelFile);
    figures('before', before, sets);
    const params = { ...DEFAULT_TRAIN_PARAMS, minConfidence: before.minConfidence };
    const model = trainRequestModel(buildExamples(pool, corrections), params);
    figures('after ', model, sets);
    write(model, ['request-types.labelled.jsonl', DEV_EXTRA, path.basename(file)], pool.length + corrections.length);
    return;
  }

  // Small grid, chosen on cross-validation over the training pool only.
  let best = { params: DEFAULT_TRAIN_PARAMS, acc: -1 };
  for (const epochs of [30]) {
    for (const l2 of [3e-4, 1e-3]) {
      for (const minConfidence of [0.25, 0.35]) {
        const params = { ...DEFAULT_TRAIN_PARAMS, epochs, l2, minConfidence };
        const acc = crossValidate(shuffled, params);
        console.log(`cv epochs=${epochs} l2=${l2} minConf=${minConfidence}: ${acc.toFixed(3)}`);
        if (acc > best.acc) best = { params, acc };
      }
    }
  }
  console.log(`chosen ${JSON.stringify(best.params)} cv=${best.acc.toFixed(3)}`);
  // Old held-out half: trained without it (dev half + dev-extra), as the rules were tuned on dev.
  const noHeldout = trainRequestModel(buildExamples([...labelled.filter((r) => r.split === 'dev'), ...devExtra]), best.params);
  figures('trained without the held-out half', noHeldout, { heldout: labelled.filter((r) => r.split === 'heldout') });
  const model = trainRequestModel(buildExamples(pool), best.params);
  figures('final (training fit)', model, { labelled356: labelled, devExtra });
  write(model, ['request-types.labelled.jsonl', DEV_EXTRA], pool.length);
}

main();
