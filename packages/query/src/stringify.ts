import type { Atom, QueryAst } from './ast';

function atomText(a: Atom): string {
  const sigil = a.kind === 'hashtag' ? '#' : a.kind === 'handle' ? '@' : '';
  return `${sigil}${a.value}${a.prefix ? '*' : ''}`;
}

/**
 * Canonical, fully parenthesised form of a parsed query (normalised terms, explicit AND).
 * Handy to show how a query was understood and to test precedence.
 */
export function stringifyQuery(ast: QueryAst): string {
  switch (ast.type) {
    case 'term':
      return ast.atoms.length === 1
        ? atomText(ast.atoms[0] as Atom)
        : `"${ast.atoms.map(atomText).join(' ')}"`;
    case 'filter':
      return /[\s()"]/.test(ast.value)
        ? `${ast.field}:"${ast.value}"`
        : `${ast.field}:${ast.value}`;
    case 'not':
      return `NOT ${stringifyQuery(ast.operand)}`;
    case 'and':
    case 'or':
      return `(${ast.operands.map(stringifyQuery).join(ast.type === 'and' ? ' AND ' : ' OR ')})`;
    case 'near':
      return `(${stringifyQuery(ast.left)} NEAR/${ast.distance} ${stringifyQuery(ast.right)})`;
  }
}
