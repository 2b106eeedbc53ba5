import { predictProba, unpackModel } from './model';

describe('packed model', () => {
  // int8 weights [1, -1, 127 | 0, 2, -128] in base64, scale 0.5
  const model = unpackModel({
    classes: ['negative', 'neutral', 'positive'],
    bias: [0, 0.5, 0],
    scale: 0.5,
    features: 'w:a\nw:b',
    weights: 'Af9/AAKA',
  });

  it('decodes base64 int8 weights with the scale', () => {
    expect([...model.weights]).toEqual([0.5, -0.5, 63.5, 0, 1, -64]);
    expect(model.index.get('w:b')).toBe(3);
  });

  it('computes softmax probabilities over known features only', () => {
    const out = new Float64Array(3);
    predictProba(model, new Map([['w:b', 1], ['w:unknown', 1]]), out);
    // scores: [0, 1.5, -64] → softmax
    const z = [0, 1.5, -64].map(Math.exp);
    const sum = z.reduce((a, b) => a + b, 0);
    expect(out[0]).toBeCloseTo((z[0] as number) / sum, 10);
    expect(out[1]).toBeCloseTo((z[1] as number) / sum, 10);
    expect(out[0]! + out[1]! + out[2]!).toBeCloseTo(1, 12);
  });
});
