import type { QueryAst } from './ast';

interface Possible {
  canBeTrue: boolean;
  canBeFalse: boolean;
}

// Which values can a node take when NO term occurs in the text, filters being free?
function possible(node: QueryAst): Possible {
  switch (node.type) {
    case 'term':
    case 'near':
      return { canBeTrue: false, canBeFalse: true };
    case 'filter':
      return { canBeTrue: true, canBeFalse: true };
    case 'not': {
      const p = possible(node.operand);
      return { canBeTrue: p.canBeFalse, canBeFalse: p.canBeTrue };
    }
    case 'and': {
      const ps = node.operands.map(possible);
      return { canBeTrue: ps.every((p) => p.canBeTrue), canBeFalse: ps.some((p) => p.canBeFalse) };
    }
    case 'or': {
      const ps = node.operands.map(possible);
      return { canBeTrue: ps.some((p) => p.canBeTrue), canBeFalse: ps.every((p) => p.canBeFalse) };
    }
  }
}

/**
 * True when the query could match a text that contains none of its terms. Such queries
 * are rejected: they would match nearly everything, and the compiled matcher only
 * evaluates queries one of whose positive terms occurs in the text.
 */
export function canMatchWithoutTerms(ast: QueryAst): boolean {
  return possible(ast).canBeTrue;
}
