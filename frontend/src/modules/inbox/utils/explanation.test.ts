import { describe, expect, it } from 'vitest';
import { describeFeature, markPieces } from './explanation';

describe('describeFeature', () => {
  it.each([
    ['cue:complaint', 'cue', { type: 'complaint' }],
    ['has:lead', 'cue', { type: 'lead' }],
    ['w:colis', 'word', { word: 'colis' }],
    ['b:pas_recu', 'words', { words: 'pas recu' }],
    ['c:<co', 'fragment', { fragment: 'co' }],
    ['sent:neg', 'negativeTone', {}],
    ['qmark', 'qmark', {}],
    ['ncuetypes:2', 'severalCues', {}],
  ])('%s → %s', (feature, key, values) => {
    expect(describeFeature(feature)).toEqual({ key, values });
  });
});

describe('markPieces', () => {
  const text = 'Le colis est arrivé en retard';
  it('cuts the text at the cue and theme offsets, keeping every character', () => {
    const pieces = markPieces(
      text,
      { confidence: 0.9, cues: [{ type: 'complaint', text: 'en retard', start: 20, end: 29 }], features: [], runnerUp: null },
      [{ aspect: 'delivery', polarity: 'negative', start: 3, end: 8 }],
    );
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.mark).map((p) => [p.text, p.mark!.kind])).toEqual([
      ['colis', 'aspect'],
      ['en retard', 'cue'],
    ]);
  });
  it('drops overlapping and out-of-range spans instead of garbling the text', () => {
    const pieces = markPieces(
      text,
      {
        confidence: null,
        cues: [
          { type: 'complaint', text: 'en retard', start: 20, end: 29 },
          { type: 'complaint', text: 'retard', start: 23, end: 29 },
          { type: 'complaint', text: 'x', start: 40, end: 45 },
        ],
        features: [],
        runnerUp: null,
      },
      [],
    );
    expect(pieces.map((p) => p.text)).toEqual(['Le colis est arrivé ', 'en retard']);
  });
});
