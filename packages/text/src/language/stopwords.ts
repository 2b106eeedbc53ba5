// Frequent function words per language (folded: lower-case, no accents). Words shared by two
// languages are kept where they are most frequent and weighted down by the detector.
// The lists are data, kept in stopword-lists.json (one word a line, no quoting of "c'" or "it's").
// Not stopwords.json: run from sources (ts-register), require('./stopwords') would load the JSON.
import LISTS from './stopword-lists.json';

export const STOPWORDS: Record<string, string[]> = LISTS;
