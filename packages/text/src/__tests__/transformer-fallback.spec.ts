import * as path from 'path';
import { analyzeBatch, analyzeBatchAsync, sentimentModelChoice } from '../index';
import { loadTransformer, resetTransformerLoader } from '../sentiment/transformer/loader';

const FAKE = path.join(__dirname, 'fixtures', 'fake-transformer.js');
const BROKEN = path.join(__dirname, 'fixtures', 'broken-transformer.js');
const MISSING = path.join(__dirname, 'fixtures', 'no-such-model.js');

const texts = ['Le service est nul', 'This is really good', 'Le colis est arrivé hier.', '', 'Ich bin sehr zufrieden mit der Bestellung'];

function withModule(spec: string | undefined): void {
  resetTransformerLoader();
  if (spec === undefined) delete process.env['VIGIE_SENTIMENT_TRANSFORMER'];
  else process.env['VIGIE_SENTIMENT_TRANSFORMER'] = spec;
}

afterEach(() => {
  withModule(undefined);
  delete process.env['VIGIE_SENTIMENT_MODEL'];
});

describe('sentiment model choice', () => {
  it.each([
    [undefined, undefined, 'auto'],
    ['fast', undefined, 'fast'],
    ['transformer', undefined, 'transformer'],
    [undefined, 'fast', 'fast'],
    [undefined, 'TRANSFORMER', 'transformer'],
    ['bogus', undefined, 'auto'],
  ])('opts %s, env %s → %s', (explicit, env, expected) => {
    if (env) process.env['VIGIE_SENTIMENT_MODEL'] = env;
    expect(sentimentModelChoice(explicit)).toBe(expected);
  });
});

describe('transformer loader fallback', () => {
  it.each([
    ['missing module path', MISSING, /^sentiment: transformer model not found at .*no-such-model\.js, using the fast model$/],
    ['missing package (default name)', undefined, /^sentiment: transformer model not found at @vigie\/sentiment-transformer, using the fast model$/],
    ['module whose load() throws', BROKEN, /^sentiment: transformer model at .*broken-transformer\.js failed to load \(corrupt model file\), using the fast model$/],
  ])('%s → one clear log line and the fast model', async (_name, spec, line) => {
    withModule(spec);
    const log = jest.fn();
    const out = await analyzeBatchAsync(texts, { model: 'transformer' }, log);
    expect(out).toEqual(analyzeBatch(texts));
    await analyzeBatchAsync(texts, { model: 'auto' }, log); // second call: no second line
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toMatch(line);
  });

  it("model 'fast' never loads the transformer", async () => {
    withModule(FAKE);
    const fake = require(FAKE) as { loadedCount: () => number };
    const before = fake.loadedCount();
    const out = await analyzeBatchAsync(texts, { model: 'fast' });
    expect(out).toEqual(analyzeBatch(texts));
    expect(fake.loadedCount()).toBe(before);
  });
});

describe('transformer path with a model module', () => {
  it('loads lazily once, batches, and takes sentiment from the model', async () => {
    withModule(FAKE);
    const fake = require(FAKE) as { calls: number[]; loadedCount: () => number };
    fake.calls.length = 0;
    const log = jest.fn();
    const out = await analyzeBatchAsync(texts, { model: 'transformer', batchSize: 2 }, log);
    expect(log).not.toHaveBeenCalled();
    expect(out.map((a) => a.sentiment.label)).toEqual(['negative', 'positive', 'neutral', 'neutral', 'neutral']);
    expect(out[0]?.sentiment.score).toBeCloseTo(-0.6, 3);
    // '' and the German text are not sent: empty / unsupported language are not guessed.
    expect(fake.calls).toEqual([2, 1]);
    expect(out[3]?.sentiment.reason).toBe('empty');
    expect(out[4]?.sentiment.reason).toBe('unsupported_language');
    // Everything but sentiment comes from the fast path.
    const fast = analyzeBatch(texts);
    out.forEach((a, i) => expect({ ...a, sentiment: null }).toEqual({ ...fast[i], sentiment: null }));
    await loadTransformer();
    expect(fake.loadedCount()).toBe(1);
  });
});
