import type { Atom, FilterNode } from './ast';

/** The compiled boolean tree the query set evaluates (terms are ids into its term table). */
export type CompiledNode =
  | { k: 'term'; term: number }
  | { k: 'filter'; filter: FilterNode }
  | { k: 'not'; operand: CompiledNode }
  | { k: 'and' | 'or'; operands: CompiledNode[] }
  | { k: 'near'; distance: number; left: CompiledNode; right: CompiledNode };

interface Choice {
  terms: number[];
  cost: number;
}

// Rough rarity guess without corpus statistics: prefixes and very short words occur
// often; phrases, hashtags and handles rarely.
function termCost(atoms: readonly Atom[]): number {
  const first = atoms[0] as Atom;
  let cost = first.prefix
    ? 4 - Math.min(first.value.length, 6) * 0.4
    : first.value.length < 4
      ? 2
      : 1;
  if (first.kind !== 'word') cost *= 0.5;
  if (atoms.length > 1) cost *= 0.5;
  return cost;
}

function choose(node: CompiledNode, termAtoms: (term: number) => readonly Atom[]): Choice | null {
  switch (node.k) {
    case 'term':
      return { terms: [node.term], cost: termCost(termAtoms(node.term)) };
    case 'filter':
      return null;
    case 'not':
      // NOT NOT x ≡ x; any other NOT gives no guarantee that a term occurs.
      return node.operand.k === 'not' ? choose(node.operand.operand, termAtoms) : null;
    case 'or': {
      const terms: number[] = [];
      let cost = 0;
      for (const o of node.operands) {
        const c = choose(o, termAtoms);
        if (!c) return null;
        terms.push(...c.terms);
        cost += c.cost;
      }
      return { terms, cost };
    }
    case 'and':
    case 'near': {
      const operands = 'operands' in node ? node.operands : [node.left, node.right];
      let best: Choice | null = null;
      for (const o of operands) {
        const c = choose(o, termAtoms);
        if (c && (!best || c.cost < best.cost)) best = c;
      }
      return best;
    }
  }
}

function positiveTerms(node: CompiledNode, positive: boolean, out: number[]): number[] {
  switch (node.k) {
    case 'term':
      if (positive) out.push(node.term);
      break;
    case 'filter':
      break;
    case 'not':
      positiveTerms(node.operand, !positive, out);
      break;
    case 'and':
    case 'or':
      for (const o of node.operands) positiveTerms(o, positive, out);
      break;
    case 'near':
      positiveTerms(node.left, positive, out);
      positiveTerms(node.right, positive, out);
      break;
  }
  return out;
}

/**
 * Terms at least one of which occurs in every text the query matches: the query is only
 * evaluated for texts containing one of them. AND/NEAR keep their cheapest operand's
 * set, OR needs all operands'. When no such set exists (e.g. `(a OR NOT b) AND NOT (NOT
 * c OR d)`), falls back to every term under an even number of NOTs, which is also sound
 * since queries that can match without any term are rejected at parse time.
 */
export function triggerTerms(
  root: CompiledNode,
  termAtoms: (term: number) => readonly Atom[],
): number[] {
  const chosen = choose(root, termAtoms);
  return [...new Set(chosen ? chosen.terms : positiveTerms(root, true, []))];
}
