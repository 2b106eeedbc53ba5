export type {
  Atom,
  AndNode,
  FilterField,
  FilterNode,
  NearNode,
  NotNode,
  OrNode,
  QueryAst,
  QueryDoc,
  TermNode,
} from './ast';
export { FILTER_FIELDS } from './ast';
export { normalizeText } from './normalize';
export { tokenize } from './tokenize';
export type { Token, TokenKind } from './tokenize';
export { parseQuery, tryParseQuery } from './parser';
export type { TryParseResult } from './parser';
export { MAX_NEAR_DISTANCE } from './lexer';
export { QuerySyntaxError, formatQueryError } from './query-error';
export type {
  QueryErrorCode,
  QueryErrorInfo,
  QueryErrorLocale,
  QueryErrorParams,
} from './query-error';
export { prepareDoc } from './prepared-doc';
export type { PreparedDoc } from './prepared-doc';
export { compileQuery, matchQuery, mergeSpans } from './match-query';
export type { CompiledQuery, MatchResult, MatchSpan } from './match-query';
export { CompiledQuerySet, compileQueries } from './compiled-query-set';
export type { CompileOptions, QueryInput, QueryMatch } from './compiled-query-set';
export { highlight } from './highlight';
export type { HighlightSegment } from './highlight';
export { stringifyQuery } from './stringify';
