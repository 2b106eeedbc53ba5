import type { TokenKind } from './tokenize';

/**
 * One position of a term. `kind: 'word'` matches any token whose folded text equals
 * `value` (words, hashtag bodies and handle bodies); 'hashtag' / 'handle' match only
 * tokens of that kind. `prefix` turns equality into "starts with".
 */
export interface Atom {
  kind: TokenKind;
  value: string;
  prefix: boolean;
}

interface Located {
  /** 0-based offset of the node's first character in the query source. */
  start: number;
  /** Offset just past the node's last character. */
  end: number;
}

/** A word, `prefix*`, `#hashtag`, `@handle` or phrase: consecutive atoms (length ≥ 1). */
export interface TermNode extends Located {
  type: 'term';
  atoms: Atom[];
  /** The term as written in the query (quotes included for phrases). */
  text: string;
}

export type FilterField = 'lang' | 'platform' | 'source' | 'author';

export interface FilterNode extends Located {
  type: 'filter';
  field: FilterField;
  /** Normalised value: lower-case for lang/platform, folded for source/author (no `@`). */
  value: string;
}

export interface NotNode extends Located {
  type: 'not';
  operand: QueryAst;
}

export interface AndNode extends Located {
  type: 'and';
  operands: QueryAst[];
}

export interface OrNode extends Located {
  type: 'or';
  operands: QueryAst[];
}

/** Operands are terms, OR-groups of such, or nested NEARs (checked by the parser). */
export interface NearNode extends Located {
  type: 'near';
  /** Maximum number of tokens allowed between the two operands (either order). */
  distance: number;
  left: QueryAst;
  right: QueryAst;
}

export type QueryAst = TermNode | FilterNode | NotNode | AndNode | OrNode | NearNode;

export const FILTER_FIELDS: readonly FilterField[] = ['lang', 'platform', 'source', 'author'];

/** Metadata a document carries for filters; all optional. */
export interface QueryDoc {
  text: string;
  lang?: string;
  platform?: string;
  source?: string;
  author?: string;
}
