export type QueryErrorCode =
  | 'empty_query'
  | 'expected_term'
  | 'unexpected_token'
  | 'unclosed_quote'
  | 'unclosed_paren'
  | 'empty_phrase'
  | 'no_searchable_text'
  | 'misplaced_wildcard'
  | 'expected_near_distance'
  | 'near_distance_too_large'
  | 'invalid_near_operand'
  | 'unknown_filter'
  | 'expected_filter_value'
  | 'too_deep'
  | 'no_positive_term';

/** Plain-object form of a syntax error (what the API returns and the editor displays). */
export interface QueryErrorInfo {
  code: QueryErrorCode;
  /** English, precise, with the position: "Expected a term or '(' after AND at position 12". */
  message: string;
  /** 0-based UTF-16 offset in the query where the problem is. */
  position: number;
  /** What would have been accepted there, e.g. ['term', '('] or [')']. */
  expected: string[];
  /** What was found there: the offending text, or 'end of query'. */
  found: string;
  /** Extra values used by the message (operator, filter name, opening position…). */
  params: QueryErrorParams;
}

export interface QueryErrorParams {
  /** Operator or symbol after which a term was expected (AND, OR, NOT, -, NEAR/3, '('). */
  after?: string;
  /** Unknown filter name. */
  name?: string;
  /** The offending term text. */
  text?: string;
  /** Largest NEAR distance accepted. */
  max?: number;
}

export const END_OF_QUERY = 'end of query';

export class QuerySyntaxError extends Error {
  readonly code: QueryErrorCode;
  readonly position: number;
  readonly expected: string[];
  readonly found: string;
  readonly params: QueryErrorParams;

  constructor(
    code: QueryErrorCode,
    position: number,
    expected: string[],
    found: string,
    params: QueryErrorParams = {},
  ) {
    super(formatQueryError({ code, position, found, params }, 'en'));
    this.name = 'QuerySyntaxError';
    this.code = code;
    this.position = position;
    this.expected = expected;
    this.found = found;
    this.params = params;
  }

  toJSON(): QueryErrorInfo {
    return {
      code: this.code,
      message: this.message,
      position: this.position,
      expected: this.expected,
      found: this.found,
      params: this.params,
    };
  }
}

export type QueryErrorLocale = 'en' | 'fr';

type ErrorLike = Pick<QueryErrorInfo, 'code' | 'position' | 'found' | 'params'>;

function quoted(s: string, locale: QueryErrorLocale): string {
  if (s === END_OF_QUERY) return locale === 'fr' ? 'la fin de la requête' : 'end of query';
  return locale === 'fr' ? `« ${s} »` : `'${s}'`;
}

/** Human message for an error, in English or French (positions stay 0-based). */
export function formatQueryError(err: ErrorLike, locale: QueryErrorLocale): string {
  const p = err.position;
  const fr = locale === 'fr';
  const found = quoted(err.found, locale);
  const { after, name, text, max } = err.params;
  switch (err.code) {
    case 'empty_query':
      return fr
        ? 'La requête est vide : un terme est attendu à la position 0'
        : 'The query is empty: expected a term at position 0';
    case 'expected_term': {
      const tail = err.found === END_OF_QUERY ? '' : fr ? `, trouvé ${found}` : `, found ${found}`;
      if (fr) {
        return after
          ? `Terme ou « ( » attendu après ${after} à la position ${p}${tail}`
          : `Terme ou « ( » attendu à la position ${p}${tail}`;
      }
      return after
        ? `Expected a term or '(' after ${after} at position ${p}${tail}`
        : `Expected a term or '(' at position ${p}${tail}`;
    }
    case 'unexpected_token':
      return fr ? `${found} inattendu à la position ${p}` : `Unexpected ${found} at position ${p}`;
    case 'unclosed_quote':
      return fr
        ? `Guillemet ouvert à la position ${p} jamais refermé`
        : `Unclosed quote at position ${p}: expected a closing '"' before the end of the query`;
    case 'unclosed_paren':
      return fr
        ? `Parenthèse ouverte à la position ${p} jamais refermée : « ) » attendu`
        : `Unclosed '(' at position ${p}: expected ')' before the end of the query`;
    case 'empty_phrase':
      return fr ? `Expression vide à la position ${p}` : `Empty phrase at position ${p}`;
    case 'no_searchable_text':
      return fr
        ? `${quoted(text ?? err.found, locale)} à la position ${p} ne contient ni lettre ni chiffre`
        : `${quoted(text ?? err.found, locale)} at position ${p} contains no letter or digit to search`;
    case 'misplaced_wildcard':
      return fr
        ? `« * » n'est permis qu'à la fin d'un terme (position ${p})`
        : `'*' is only allowed at the end of a term (position ${p})`;
    case 'expected_near_distance':
      if (after === 'NEAR') {
        return fr
          ? `« / » et un nombre attendus après NEAR à la position ${p} (ex. NEAR/3)`
          : `Expected '/' and a number after NEAR at position ${p} (e.g. NEAR/3)`;
      }
      return fr
        ? `Nombre attendu après « NEAR/ » à la position ${p}, trouvé ${found}`
        : `Expected a number after 'NEAR/' at position ${p}, found ${found}`;
    case 'near_distance_too_large':
      return fr
        ? `Distance NEAR trop grande à la position ${p} (maximum ${max ?? 0})`
        : `NEAR distance too large at position ${p} (maximum ${max ?? 0})`;
    case 'invalid_near_operand':
      return fr
        ? `Les opérandes de NEAR doivent être des termes ou des groupes OR de termes (position ${p})`
        : `NEAR operands must be terms, phrases or OR-groups of terms (position ${p})`;
    case 'unknown_filter':
      return fr
        ? `Filtre inconnu « ${name ?? ''} » à la position ${p} : lang, platform, source ou author attendu`
        : `Unknown filter '${name ?? ''}' at position ${p}: expected one of lang, platform, source, author`;
    case 'expected_filter_value':
      return fr
        ? `Valeur attendue après « ${name ?? ''}: » à la position ${p}`
        : `Expected a value after '${name ?? ''}:' at position ${p}`;
    case 'too_deep':
      return fr
        ? `Trop de niveaux de parenthèses ou de NOT à la position ${p}`
        : `Too many nested parentheses or NOTs at position ${p}`;
    case 'no_positive_term':
      return fr
        ? 'Une requête doit contenir au moins un terme positif (elle ne peut pas correspondre à un texte sans aucun de ses mots)'
        : 'A query needs at least one positive term (it must not match a text that contains none of its words)';
  }
}
