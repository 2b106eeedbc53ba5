import type { Atom } from './ast';
import type { Token } from './tokenize';

/** Whether one token satisfies one atom (kind rule + equality or prefix). */
export function atomMatches(atom: Atom, token: Token): boolean {
  if (atom.kind !== 'word' && atom.kind !== token.kind) return false;
  return atom.prefix ? token.norm.startsWith(atom.value) : token.norm === atom.value;
}

/** Whether the term's atoms match the consecutive tokens starting at index `at`. */
export function termMatchesAt(
  atoms: readonly Atom[],
  tokens: readonly Token[],
  at: number,
): boolean {
  if (at + atoms.length > tokens.length) return false;
  for (let k = 0; k < atoms.length; k++) {
    if (!atomMatches(atoms[k] as Atom, tokens[at + k] as Token)) return false;
  }
  return true;
}
