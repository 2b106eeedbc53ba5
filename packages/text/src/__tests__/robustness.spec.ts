import { analyze, analyzeBatch } from '../index';
import { REQUEST_TYPES } from '../types';

const weird: [string, string][] = [
  ['empty', ''],
  ['spaces', '   \n\t  '],
  ['only emoji', '😍🔥👏🏽🇫🇷👨‍👩‍👧'],
  ['10k chars', 'très bien '.repeat(1000)],
  ['100k chars no spaces', 'a'.repeat(100_000)],
  ['html', '<img src=x onerror=alert(1)>'],
  ['control chars', '\u0000\u0001\u0007\u001b[31mred\u007f\u200b\ufeff'],
  ['lone surrogate', '\ud83d abc \udc00'],
  ['regex chars', '.*+?^${}()|[]\\ (?<x>) \\u12'],
  ['punctuation only', '!!!???...,,,;;;'],
  ['rtl and cjk', 'مرحبا بكم 你好世界 こんにちは'],
];

describe('robustness', () => {
  it.each(weird)('never throws and returns a well-formed result: %s', (_name, text) => {
    const r = analyze(text);
    expect(['fr', 'en', 'nl', 'de', 'es', 'it', 'pt', 'und']).toContain(r.language);
    expect(['positive', 'neutral', 'negative']).toContain(r.sentiment.label);
    expect(r.sentiment.score).toBeGreaterThanOrEqual(-1);
    expect(r.sentiment.score).toBeLessThanOrEqual(1);
    expect(Number.isFinite(r.sentiment.score)).toBe(true);
    expect(REQUEST_TYPES).toContain(r.requestType.type);
    expect(typeof r.toxic).toBe('boolean');
  });

  it('treats non-string input as empty text', () => {
    const r = analyze(null as unknown as string);
    // toMatchObject: the result also carries additive fields (confidence, explanation, aspects).
    expect(r).toMatchObject({
      language: 'und',
      detectedLanguage: 'und',
      sentiment: { label: 'neutral', score: 0, reason: 'empty' },
      requestType: { type: 'other', reason: null },
      toxic: false,
      toxicity: { reason: null },
    });
  });

  it('analyzeBatch keeps order and equals analyze one by one', () => {
    const texts = ['Merci beaucoup !', 'How much is it?', 'ferme ta gueule'];
    expect(analyzeBatch(texts)).toEqual(texts.map((t) => analyze(t)));
  });
});
