import type { PackedModel } from './model-format';

/** Decoded model: feature → row offset into weights (3 classes per row). */
export interface LinearModel {
  index: Map<string, number>;
  weights: Float32Array;
  bias: number[];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

// Own base64 decoder: works the same in Node and the browser without Buffer/atob.
function decodeBase64(s: string): Uint8Array {
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) lookup[B64.charCodeAt(i)] = i;
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buf = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = lookup[clean.charCodeAt(i)] ?? -1;
    if (v < 0) continue;
    buf = (buf << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buf >> bits) & 0xff;
    }
  }
  return out;
}

export function unpackModel(packed: PackedModel): LinearModel {
  const names = packed.features.split('\n');
  const bytes = decodeBase64(packed.weights);
  const k = packed.classes.length;
  const weights = new Float32Array(names.length * k);
  for (let i = 0; i < weights.length; i++) {
    const b = bytes[i] ?? 0;
    weights[i] = (b > 127 ? b - 256 : b) * packed.scale;
  }
  const index = new Map<string, number>();
  names.forEach((name, i) => index.set(name, i * k));
  return { index, weights, bias: packed.bias };
}

/** Class probabilities (softmax of the linear scores). */
export function predictProba(model: LinearModel, features: Map<string, number>, out: Float64Array): void {
  const k = model.bias.length;
  for (let c = 0; c < k; c++) out[c] = model.bias[c] ?? 0;
  for (const [f, v] of features) {
    const o = model.index.get(f);
    if (o === undefined) continue;
    for (let c = 0; c < k; c++) out[c] = (out[c] as number) + (model.weights[o + c] as number) * v;
  }
  let max = -Infinity;
  for (let c = 0; c < k; c++) if ((out[c] as number) > max) max = out[c] as number;
  let sum = 0;
  for (let c = 0; c < k; c++) {
    out[c] = Math.exp((out[c] as number) - max);
    sum += out[c] as number;
  }
  for (let c = 0; c < k; c++) out[c] = (out[c] as number) / sum;
}
