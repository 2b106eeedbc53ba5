import { REQUEST_TYPES, type RequestType } from '../types';
import type { SparseFeatures } from './features';

/** The committed weights file (request-model.json): a multinomial logistic regression. */
export interface RequestModelFile {
  version: 1;
  classes: RequestType[];
  /** Below this top probability the message is 'other': a guess is worse than no type. */
  minConfidence: number;
  /** feature → one weight per class (same order as `classes`). */
  weights: Record<string, number[]>;
  trainedOn: { examples: number; sources: string[] };
}

export interface RequestModel {
  classes: RequestType[];
  minConfidence: number;
  weights: Map<string, Float64Array>;
}

export function unpackRequestModel(file: RequestModelFile): RequestModel {
  const weights = new Map<string, Float64Array>();
  for (const [f, w] of Object.entries(file.weights)) weights.set(f, Float64Array.from(w));
  return { classes: file.classes, minConfidence: file.minConfidence, weights };
}

export function packRequestModel(model: RequestModel, trainedOn: RequestModelFile['trainedOn']): RequestModelFile {
  const weights: Record<string, number[]> = {};
  for (const f of [...model.weights.keys()].sort()) {
    const w = model.weights.get(f) as Float64Array;
    // Rounded and pruned: the file stays small and diffs readable.
    if (Math.max(...w.map(Math.abs)) < 0.01) continue;
    weights[f] = Array.from(w, (x) => Math.round(x * 1000) / 1000);
  }
  return { version: 1, classes: model.classes, minConfidence: model.minConfidence, weights, trainedOn };
}

export function predictProbs(model: RequestModel, feats: SparseFeatures): Float64Array {
  const K = model.classes.length;
  const z = new Float64Array(K);
  for (const [f, v] of feats) {
    const w = model.weights.get(f);
    if (w) for (let k = 0; k < K; k++) z[k] += (w[k] as number) * v;
  }
  let max = -Infinity;
  for (let k = 0; k < K; k++) max = Math.max(max, z[k] as number);
  let sum = 0;
  for (let k = 0; k < K; k++) {
    z[k] = Math.exp((z[k] as number) - max);
    sum += z[k] as number;
  }
  for (let k = 0; k < K; k++) z[k] = (z[k] as number) / sum;
  return z;
}

/** The features that pushed class k up the most (value × weight), for explanations. */
export function topContributions(model: RequestModel, feats: SparseFeatures, k: number, n: number): { feature: string; weight: number }[] {
  const out: { feature: string; weight: number }[] = [];
  for (const [f, v] of feats) {
    const w = model.weights.get(f);
    if (!w || f === 'bias:1') continue;
    const c = (w[k] as number) * v;
    if (c > 0) out.push({ feature: f, weight: Math.round(c * 1000) / 1000 });
  }
  return out.sort((a, b) => b.weight - a.weight).slice(0, n);
}

export interface TrainExample {
  feats: SparseFeatures;
  y: number;
  /** Corrections count more: a CM said this one explicitly. */
  weight?: number;
}

export interface TrainParams {
  epochs: number;
  lr: number;
  l2: number;
  minConfidence: number;
}

// Chosen by 5-fold cross-validation on the training pool (scripts/train-requests.ts).
export const DEFAULT_TRAIN_PARAMS: TrainParams = { epochs: 30, lr: 0.3, l2: 1e-3, minConfidence: 0.25 };

/** Multinomial logistic regression, AdaGrad SGD with L2, deterministic order (seeded shuffle). */
export function trainRequestModel(examples: TrainExample[], params: TrainParams = DEFAULT_TRAIN_PARAMS): RequestModel {
  const classes = [...REQUEST_TYPES];
  const K = classes.length;
  const weights = new Map<string, Float64Array>();
  const g2 = new Map<string, Float64Array>();
  const model: RequestModel = { classes, minConfidence: params.minConfidence, weights };
  const order = examples.map((_, i) => i);
  let seed = 12345;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let epoch = 0; epoch < params.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const idx of order) {
      const ex = examples[idx] as TrainExample;
      const p = predictProbs(model, ex.feats);
      const scale = ex.weight ?? 1;
      for (const [f, v] of ex.feats) {
        let w = weights.get(f);
        let g = g2.get(f);
        if (!w || !g) {
          w = new Float64Array(K);
          g = new Float64Array(K);
          weights.set(f, w);
          g2.set(f, g);
        }
        for (let k = 0; k < K; k++) {
          const grad = scale * ((p[k] as number) - (k === ex.y ? 1 : 0)) * v + params.l2 * (w[k] as number);
          g[k] = (g[k] as number) + grad * grad;
          w[k] = (w[k] as number) - (params.lr * grad) / Math.sqrt((g[k] as number) + 1e-8);
        }
      }
    }
  }
  return model;
}
