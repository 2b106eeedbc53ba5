import { analyzeBatch } from './analyze';
import { round } from './sentiment/classify-sentiment';
import { SENTIMENT_CLASSES } from './sentiment/model-format';
import { loadTransformer, type Logger } from './sentiment/transformer/loader';
import type { AnalyzeAsyncOptions, SentimentModelChoice, TextAnalysis } from './analysis';
import type { SentimentLabel } from './types';

const CHOICES: SentimentModelChoice[] = ['auto', 'fast', 'transformer'];

/** opts.model, else env VIGIE_SENTIMENT_MODEL (auto|fast|transformer), else 'auto'. */
export function sentimentModelChoice(explicit?: string): SentimentModelChoice {
  const fromEnv = typeof process !== 'undefined' ? process.env?.['VIGIE_SENTIMENT_MODEL'] : undefined;
  const v = (explicit ?? fromEnv ?? 'auto').trim().toLowerCase();
  return (CHOICES as string[]).includes(v) ? (v as SentimentModelChoice) : 'auto';
}

/**
 * Like analyzeBatch, but sentiment may come from the transformer backend when one is installed
 * (see sentiment/transformer/loader.ts). Language, request type and toxicity always come from the
 * fast path; texts whose sentiment is not guessed (empty, unsupported language) stay as they are.
 * Falls back to the fast model, with one log line, when the transformer is missing or throws.
 */
export async function analyzeBatchAsync(
  texts: string[],
  opts: AnalyzeAsyncOptions = {},
  log?: Logger,
): Promise<TextAnalysis[]> {
  const fast = analyzeBatch(texts, opts);
  if (sentimentModelChoice(opts.model) === 'fast') return fast;
  const transformer = await loadTransformer(log);
  if (!transformer) return fast;

  const todo: number[] = [];
  fast.forEach((a, i) => {
    const reason = a.sentiment.reason;
    if (reason !== 'empty' && reason !== 'unsupported_language') todo.push(i);
  });
  const size = Math.max(1, Math.floor(opts.batchSize ?? 32));
  try {
    for (let start = 0; start < todo.length; start += size) {
      const ids = todo.slice(start, start + size);
      const probs = await transformer.classifySentimentBatch(ids.map((i) => String(texts[i] ?? '')));
      if (!Array.isArray(probs) || probs.length !== ids.length) throw new Error('wrong number of results');
      ids.forEach((i, j) => {
        const p = probs[j] as number[];
        let best = 0;
        for (let k = 1; k < 3; k++) if ((p[k] ?? 0) > (p[best] ?? 0)) best = k;
        const a = fast[i] as TextAnalysis;
        a.sentiment = {
          label: SENTIMENT_CLASSES[best] as SentimentLabel,
          score: round((p[2] ?? 0) - (p[0] ?? 0)),
          reason: a.sentiment.reason === 'mixed_language' ? 'mixed_language' : null,
        };
      });
    }
    return fast;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    (log ?? ((l: string) => console.warn(l)))(`sentiment: transformer failed (${why}), using the fast model`);
    return analyzeBatch(texts, opts);
  }
}
