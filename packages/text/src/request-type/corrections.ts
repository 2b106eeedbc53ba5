import { REQUEST_TYPES, type RequestType } from '../types';
import { requestFeaturesOf } from './classify-request';
import { DEFAULT_TRAIN_PARAMS, trainRequestModel, type RequestModel, type TrainExample, type TrainParams } from './model';

/** One CM correction, one JSON object a line in corrections.jsonl. */
export interface RequestCorrection {
  text: string;
  predicted: RequestType;
  corrected: RequestType;
  lang: string;
  /** ISO date-time. */
  at: string;
}

/** A correction counts as this many ordinary examples: a person looked at it. */
export const CORRECTION_WEIGHT = 3;

const isType = (t: unknown): t is RequestType => typeof t === 'string' && (REQUEST_TYPES as readonly string[]).includes(t);

/** The line to append to corrections.jsonl. */
export function formatCorrection(c: Omit<RequestCorrection, 'at'> & { at?: string }): string {
  return `${JSON.stringify({ text: c.text, predicted: c.predicted, corrected: c.corrected, lang: c.lang, at: c.at ?? new Date().toISOString() })}\n`;
}

/** Reads corrections.jsonl; malformed lines and unknown types are skipped, the latest correction of a text wins. */
export function parseCorrections(jsonl: string): RequestCorrection[] {
  const byText = new Map<string, RequestCorrection>();
  for (const line of jsonl.split('\n')) {
    if (!line.trim()) continue;
    try {
      const o = JSON.parse(line) as Partial<RequestCorrection>;
      if (typeof o.text !== 'string' || !isType(o.corrected)) continue;
      byText.set(o.text, {
        text: o.text,
        predicted: isType(o.predicted) ? o.predicted : 'other',
        corrected: o.corrected,
        lang: typeof o.lang === 'string' ? o.lang : 'und',
        at: typeof o.at === 'string' ? o.at : '',
      });
    } catch {
      // a half-written last line must not stop a retrain
    }
  }
  return [...byText.values()];
}

export interface LabelledText {
  text: string;
  type: string;
}

/** Training examples: labelled rows, then corrections (which replace a row with the same text). */
export function buildExamples(rows: LabelledText[], corrections: RequestCorrection[] = []): TrainExample[] {
  const corrected = new Set(corrections.map((c) => c.text));
  const out: TrainExample[] = [];
  for (const r of rows) {
    if (!isType(r.type) || corrected.has(r.text)) continue;
    out.push({ feats: requestFeaturesOf(r.text).feats, y: REQUEST_TYPES.indexOf(r.type) });
  }
  for (const c of corrections) {
    out.push({ feats: requestFeaturesOf(c.text).feats, y: REQUEST_TYPES.indexOf(c.corrected), weight: CORRECTION_WEIGHT });
  }
  return out;
}

/** Retrains from scratch on the rows plus the corrections. */
export function retrainWithCorrections(rows: LabelledText[], corrections: RequestCorrection[], params: TrainParams = DEFAULT_TRAIN_PARAMS): RequestModel {
  return trainRequestModel(buildExamples(rows, corrections), params);
}
