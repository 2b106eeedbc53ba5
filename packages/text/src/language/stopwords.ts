// Frequent function words per language (folded: lower-case, no accents). Words shared by two
// languages are kept where they are most frequent and weighted down by the detector.
// The lists are data, kept in stopwords.json (one word a line, no quoting of "c'" or "it's").
import LISTS from './stopwords.json';

export const STOPWORDS: Record<string, string[]> = LISTS;
