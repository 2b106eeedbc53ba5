import type { QueryAst } from './ast';
import { lexQuery } from './lexer';
import type { LexToken } from './lexer';
import { QuerySyntaxError } from './query-error';
import type { QueryErrorInfo } from './query-error';
import { canMatchWithoutTerms } from './positivity';

const MAX_DEPTH = 64;
const TERM_START = ['term', '('];

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly src: string,
    private readonly tokens: LexToken[],
  ) {}

  private peek(): LexToken {
    return this.tokens[this.pos] as LexToken;
  }

  private next(): LexToken {
    return this.tokens[this.pos++] as LexToken;
  }

  parse(): QueryAst {
    const first = this.peek();
    if (first.t === 'eof') throw new QuerySyntaxError('empty_query', 0, ['term'], first.text);
    const ast = this.parseOr(undefined);
    const rest = this.peek();
    if (rest.t !== 'eof') {
      throw new QuerySyntaxError(
        'unexpected_token',
        rest.start,
        ['operator', 'term', 'end of query'],
        rest.text,
      );
    }
    return ast;
  }

  // or = and { "OR" and }
  private parseOr(after: string | undefined): QueryAst {
    const operands = [this.parseAnd(after)];
    while (this.peek().t === 'or') {
      this.next();
      operands.push(this.parseAnd('OR'));
    }
    return group('or', operands);
  }

  // and = unary { ["AND"] unary }   (adjacent terms are ANDed)
  private parseAnd(after: string | undefined): QueryAst {
    const operands = [this.parseUnary(after)];
    for (;;) {
      const tok = this.peek();
      if (tok.t === 'and') {
        this.next();
        operands.push(this.parseUnary('AND'));
      } else if (startsUnary(tok)) {
        operands.push(this.parseUnary(undefined));
      } else {
        break;
      }
    }
    return group('and', operands);
  }

  // unary = ("NOT" | "-") unary | near
  private parseUnary(after: string | undefined): QueryAst {
    const tok = this.peek();
    if (tok.t === 'not' || tok.t === 'minus') {
      this.next();
      this.enter(tok.start);
      const operand = this.parseUnary(tok.t === 'not' ? 'NOT' : "'-'");
      this.depth--;
      return { type: 'not', operand, start: tok.start, end: operand.end };
    }
    return this.parseNear(after);
  }

  // near = primary { "NEAR/" n primary }
  private parseNear(after: string | undefined): QueryAst {
    let left = this.parsePrimary(after);
    while (this.peek().t === 'near') {
      const op = this.next() as Extract<LexToken, { t: 'near' }>;
      const right = this.parsePrimary(op.text);
      this.checkNearOperand(left);
      this.checkNearOperand(right);
      left = {
        type: 'near',
        distance: op.distance,
        left,
        right,
        start: left.start,
        end: right.end,
      };
    }
    return left;
  }

  // primary = "(" or ")" | term | filter
  private parsePrimary(after: string | undefined): QueryAst {
    const tok = this.peek();
    if (tok.t === 'term' || tok.t === 'filter') {
      this.next();
      return tok.node;
    }
    if (tok.t === 'lparen') {
      this.next();
      this.enter(tok.start);
      const inner = this.parseOr("'('");
      this.depth--;
      const close = this.peek();
      if (close.t === 'eof')
        throw new QuerySyntaxError('unclosed_paren', tok.start, [')'], close.text);
      if (close.t !== 'rparen') {
        throw new QuerySyntaxError(
          'unexpected_token',
          close.start,
          [')', 'operator', 'term'],
          close.text,
        );
      }
      this.next();
      return inner;
    }
    throw new QuerySyntaxError(
      'expected_term',
      tok.start,
      TERM_START,
      tok.text,
      after ? { after } : {},
    );
  }

  private checkNearOperand(node: QueryAst): void {
    if (proximal(node)) return;
    const found = this.src.slice(node.start, node.end);
    throw new QuerySyntaxError(
      'invalid_near_operand',
      node.start,
      ['term', 'phrase', 'OR-group'],
      found,
    );
  }

  private enter(position: number): void {
    if (++this.depth > MAX_DEPTH) throw new QuerySyntaxError('too_deep', position, ['term'], '(');
  }
}

// NEAR needs operands with positions: terms, OR-groups of them, nested NEARs.
function proximal(node: QueryAst): boolean {
  return (
    node.type === 'term' ||
    node.type === 'near' ||
    (node.type === 'or' && node.operands.every(proximal))
  );
}

function startsUnary(tok: LexToken): boolean {
  return ['term', 'filter', 'lparen', 'not', 'minus'].includes(tok.t);
}

function group(type: 'and' | 'or', operands: QueryAst[]): QueryAst {
  if (operands.length === 1) return operands[0] as QueryAst;
  // Flatten (a AND b) AND c into one node: same meaning, shallower tree.
  const flat = operands.flatMap((o) => (o.type === type ? o.operands : [o]));
  const last = operands[operands.length - 1] as QueryAst;
  return { type, operands: flat, start: (operands[0] as QueryAst).start, end: last.end };
}

/**
 * Parses a watch query. Throws QuerySyntaxError (with `position`, `expected`, `found`)
 * on bad syntax and on queries that could match a text containing none of their terms
 * (pure NOT, filters only, `a OR NOT b`).
 */
export function parseQuery(src: string): QueryAst {
  const ast = new Parser(src, lexQuery(src)).parse();
  if (canMatchWithoutTerms(ast)) {
    throw new QuerySyntaxError(
      'no_positive_term',
      ast.start,
      ['positive term'],
      src.slice(ast.start, ast.end),
    );
  }
  return ast;
}

export type TryParseResult = { ok: true; ast: QueryAst } | { ok: false; error: QueryErrorInfo };

/** Non-throwing `parseQuery` for editors and validation layers. */
export function tryParseQuery(src: string): TryParseResult {
  try {
    return { ok: true, ast: parseQuery(src) };
  } catch (err) {
    if (err instanceof QuerySyntaxError) return { ok: false, error: err.toJSON() };
    throw err;
  }
}
