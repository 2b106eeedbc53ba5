import * as fs from 'fs';
import * as path from 'path';
import { parseCsv } from './csv';
import { PACKAGE_ROOT, SHARED_DATA } from './paths';

export interface SentimentRow {
  text: string;
  label: 'negative' | 'neutral' | 'positive';
  split: string;
  lang: 'fr' | 'en';
}

export function loadSentiment(lang: 'fr' | 'en'): SentimentRow[] {
  const file = path.join(SHARED_DATA, 'sentiment', `sentiment_${lang}_tweets_umsab_xlmt.csv`);
  return parseCsv(fs.readFileSync(file, 'utf8')).map((r) => ({
    text: r['text'] ?? '',
    label: (r['label_name'] ?? 'neutral') as SentimentRow['label'],
    split: r['split'] ?? '',
    lang,
  }));
}

export interface RequestRow {
  text: string;
  lang: string;
  type: string;
  split: 'dev' | 'heldout';
}

export function loadRequestTypes(): RequestRow[] {
  const file = path.join(PACKAGE_ROOT, 'data', 'request-types.labelled.jsonl');
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as RequestRow);
}

/**
 * Optional extra English training data: the TweetEval SemEval-2017 test tweets MINUS every tweet
 * present in the UMSAB English file (whose test split is sampled from it), so no evaluation
 * tweet is ever trained on.
 */
export function loadExtraEnglish(): SentimentRow[] {
  const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const umsab = new Set(loadSentiment('en').map((r) => norm(r.text)));
  const file = path.join(SHARED_DATA, 'sentiment', 'sentiment_en_tweets_semeval2017_tweeteval_test.csv');
  return parseCsv(fs.readFileSync(file, 'utf8'))
    .filter((r) => !umsab.has(norm(r['text'] ?? '')))
    .map((r) => ({
      text: r['text'] ?? '',
      label: (r['label_name'] ?? 'neutral') as SentimentRow['label'],
      split: 'train',
      lang: 'en' as const,
    }));
}

export interface LabelledRow {
  text: string;
  lang: string;
  type: string;
  note?: string;
}

/** A JSON-lines file of {text, type, lang} under data/ (or an absolute path). */
export function loadJsonl(name: string): LabelledRow[] {
  const file = path.isAbsolute(name) ? name : path.join(PACKAGE_ROOT, 'data', name);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledRow);
}

/** Test only: never train or tune on it (see data/README.md). */
export const INDEPENDENT_TEST = 'request-types.independent-test.jsonl';
export const DEV_EXTRA = 'request-types.dev-extra.jsonl';
