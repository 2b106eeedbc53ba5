import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../index';
import { requestFeaturesOf, classifyWithFeatures, setRequestModel } from '../request-type/classify-request';
import { buildExamples, formatCorrection, parseCorrections, retrainWithCorrections } from '../request-type/corrections';
import { trainRequestModel } from '../request-type/model';

const root = path.resolve(__dirname, '..', '..');
// Fixed base: the original 356 labelled messages only (not the shipped model), so the test does
// not move when the shipped model is retrained.
const base = fs
  .readFileSync(path.join(root, 'data', 'request-types.labelled.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { text: string; type: string });
const corrections = parseCorrections(fs.readFileSync(path.join(__dirname, 'fixtures', 'corrections.jsonl'), 'utf8'));

const typeWith = (model: ReturnType<typeof trainRequestModel>, text: string): string => {
  const f = requestFeaturesOf(text);
  return classifyWithFeatures(f.feats, f.cues, f.signals, model).type;
};

describe('corrections loop', () => {
  it('parses corrections.jsonl, skipping malformed lines', () => {
    expect(corrections.map((c) => [c.text, c.corrected])).toEqual([
      ['Quality is outstanding for the price', 'praise'],
      ["Le parking du magasin, c'est la jungle", 'complaint'],
    ]);
    const line = formatCorrection({ text: 'x', predicted: 'other', corrected: 'spam', lang: 'en', at: '2026-01-01T00:00:00.000Z' });
    expect(parseCorrections(line)).toEqual([{ text: 'x', predicted: 'other', corrected: 'spam', lang: 'en', at: '2026-01-01T00:00:00.000Z' }]);
  });

  it('a correction fixes a misclassified message after retrain, without breaking others', () => {
    const before = trainRequestModel(buildExamples(base));
    expect(typeWith(before, 'Quality is outstanding for the price')).toBe('lead');
    const after = retrainWithCorrections(base, corrections);
    expect(typeWith(after, 'Quality is outstanding for the price')).toBe('praise');
    expect(typeWith(after, "Le parking du magasin, c'est la jungle")).toBe('complaint');
    for (const [text, type] of [
      ['How much is this?', 'lead'],
      ['Toujours pas reçu ma commande', 'complaint'],
      ['Are you hiring?', 'job_application'],
    ] as const) {
      expect(typeWith(after, text)).toBe(type);
    }
    // analyze() uses the swapped-in model
    const prev = setRequestModel(after);
    try {
      expect(analyze('Quality is outstanding for the price').requestType.type).toBe('praise');
    } finally {
      setRequestModel(prev);
    }
  });
});
