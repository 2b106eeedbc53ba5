import type { QueryDoc } from './ast';
import { tokenize } from './tokenize';
import type { Token } from './tokenize';

/** A document tokenized once, reusable across many `matchQuery` calls. */
export interface PreparedDoc extends QueryDoc {
  tokens: Token[];
}

export function prepareDoc(doc: QueryDoc): PreparedDoc {
  return { ...doc, tokens: tokenize(doc.text) };
}

export function isPrepared(doc: QueryDoc | PreparedDoc): doc is PreparedDoc {
  return Array.isArray((doc as PreparedDoc).tokens);
}
