import type { Atom, FilterNode, QueryAst, QueryDoc } from './ast';
import { AtomIndex } from './atom-index';
import { filterMatches } from './doc-filters';
import { matchQuery } from './match-query';
import type { MatchSpan } from './match-query';
import { nearPairs } from './occurrence';
import type { Occurrence } from './occurrence';
import { parseQuery } from './parser';
import { canMatchWithoutTerms } from './positivity';
import { isPrepared, prepareDoc } from './prepared-doc';
import type { PreparedDoc } from './prepared-doc';
import { QuerySyntaxError } from './query-error';
import type { QueryErrorInfo } from './query-error';
import { termMatchesAt } from './term-match';
import { triggerTerms } from './trigger-terms';
import type { CompiledNode } from './trigger-terms';
import { tokenize } from './tokenize';

export interface QueryInput {
  id: string;
  query: string | QueryAst;
}

export interface CompileOptions {
  /**
   * false (default): an invalid query throws its QuerySyntaxError (message prefixed with
   * the query id). true: invalid queries are left out and listed in `set.errors`.
   */
  skipInvalid?: boolean;
}

export interface QueryMatch {
  id: string;
  spans: MatchSpan[];
}

interface Term {
  atoms: Atom[];
  atomIds: number[];
}

interface CompiledEntry {
  id: string;
  ast: QueryAst;
  root: CompiledNode;
}

/**
 * All watch queries compiled together. Per document: tokenize once, look every token up
 * in one atom dictionary (hash map + prefix trie), check the terms triggered by the
 * atoms found (phrases are triggered by their first atom, then verified in place), and
 * evaluate the boolean tree only of queries one of whose trigger terms occurs.
 * Queries sharing a term share its work.
 */
export class CompiledQuerySet {
  readonly errors: Array<{ id: string; error: QueryErrorInfo }> = [];
  private readonly index = new AtomIndex();
  private readonly terms: Term[] = [];
  private readonly termIds = new Map<string, number>();
  private readonly entries: CompiledEntry[] = [];
  /** atom id → trigger terms whose first atom it is. */
  private atomTriggers: number[][] = [];
  /** term id → queries it triggers (see trigger-terms.ts). */
  private termQueries: number[][] = [];

  // Per-document scratch state, reset by bumping `epoch` (no clearing of big arrays).
  private epoch = 0;
  private atomStamp = new Uint32Array(0);
  private atomPositions: number[][] = [];
  private touchedAtoms: number[] = [];
  private readonly hits: number[] = [];
  private termStamp = new Uint32Array(0);
  private termStarts: number[][] = [];
  private queryStamp = new Uint32Array(0);
  private tokens: PreparedDoc['tokens'] = [];
  private doc: QueryDoc = { text: '' };

  constructor(queries: readonly QueryInput[], options: CompileOptions = {}) {
    for (const q of queries) {
      let ast: QueryAst;
      try {
        ast = typeof q.query === 'string' ? parseQuery(q.query) : checked(q.query);
      } catch (err) {
        if (!(err instanceof QuerySyntaxError)) throw err;
        if (!options.skipInvalid) {
          err.message = `Query '${q.id}': ${err.message}`;
          throw err;
        }
        this.errors.push({ id: q.id, error: err.toJSON() });
        continue;
      }
      const queryIndex = this.entries.length;
      const root = this.compileNode(ast);
      this.register(root, queryIndex);
      this.entries.push({ id: q.id, ast, root });
    }
    const atoms = this.index.atoms.length;
    this.atomStamp = new Uint32Array(atoms);
    this.atomPositions = Array.from({ length: atoms }, () => []);
    this.atomTriggers.length = atoms;
    for (let a = 0; a < atoms; a++) this.atomTriggers[a] ??= [];
    this.termStamp = new Uint32Array(this.terms.length);
    this.termStarts = this.terms.map(() => []);
    this.queryStamp = new Uint32Array(this.entries.length);
  }

  /** Number of compiled (valid) queries. */
  get size(): number {
    return this.entries.length;
  }

  private compileNode(node: QueryAst): CompiledNode {
    switch (node.type) {
      case 'term':
        return { k: 'term', term: this.internTerm(node.atoms) };
      case 'filter':
        return { k: 'filter', filter: node };
      case 'not':
        return { k: 'not', operand: this.compileNode(node.operand) };
      case 'and':
      case 'or':
        return { k: node.type, operands: node.operands.map((o) => this.compileNode(o)) };
      case 'near':
        return {
          k: 'near',
          distance: node.distance,
          left: this.compileNode(node.left),
          right: this.compileNode(node.right),
        };
    }
  }

  /** Posts the query under its trigger terms, and those terms under their first atom. */
  private register(root: CompiledNode, queryIndex: number): void {
    for (const term of triggerTerms(root, (t) => (this.terms[t] as Term).atoms)) {
      (this.termQueries[term] as number[]).push(queryIndex);
      const first = (this.terms[term] as Term).atomIds[0] as number;
      const triggers = (this.atomTriggers[first] ??= []);
      if (!triggers.includes(term)) triggers.push(term);
    }
  }

  private internTerm(atoms: Atom[]): number {
    const atomIds = atoms.map((a) => this.index.add(a));
    const key = atomIds.join(',');
    const known = this.termIds.get(key);
    if (known !== undefined) return known;
    const id = this.terms.length;
    this.terms.push({ atoms, atomIds });
    this.termIds.set(key, id);
    this.termQueries[id] = [];
    return id;
  }

  /** Ids of the queries matching the document, in compile order. */
  match(doc: QueryDoc | PreparedDoc): string[] {
    return this.matchIndexes(doc).map((i) => (this.entries[i] as CompiledEntry).id);
  }

  /** Like `match`, with the spans to highlight for each matching query. */
  matchWithSpans(doc: QueryDoc | PreparedDoc): QueryMatch[] {
    const prepared = isPrepared(doc) ? doc : prepareDoc(doc);
    return this.matchIndexes(prepared).map((i) => {
      const entry = this.entries[i] as CompiledEntry;
      return { id: entry.id, spans: matchQuery(entry.ast, prepared).spans };
    });
  }

  private matchIndexes(doc: QueryDoc | PreparedDoc): number[] {
    const tokens = isPrepared(doc) ? doc.tokens : tokenize(doc.text);
    this.startDoc(doc, tokens);
    const epoch = this.epoch;
    const { atomStamp, atomPositions, touchedAtoms, hits } = this;
    for (let i = 0; i < tokens.length; i++) {
      const n = this.index.lookup(tokens[i] as PreparedDoc['tokens'][number], hits, 0);
      for (let h = 0; h < n; h++) {
        const atom = hits[h] as number;
        // Fresh small arrays are cheaper than truncating reused ones (length = 0 is slow).
        if (atomStamp[atom] !== epoch) {
          atomStamp[atom] = epoch;
          atomPositions[atom] = [i];
          touchedAtoms.push(atom);
        } else {
          (atomPositions[atom] as number[]).push(i);
        }
      }
    }
    const candidates: number[] = [];
    for (const atom of touchedAtoms) {
      for (const term of this.atomTriggers[atom] as number[]) {
        if (this.termOccurrences(term).length === 0) continue;
        for (const q of this.termQueries[term] as number[]) {
          if (this.queryStamp[q] === epoch) continue;
          this.queryStamp[q] = epoch;
          candidates.push(q);
        }
      }
    }
    const matched = candidates.filter((q) =>
      this.evaluate((this.entries[q] as CompiledEntry).root),
    );
    return matched.sort((a, b) => a - b);
  }

  private startDoc(doc: QueryDoc, tokens: PreparedDoc['tokens']): void {
    this.epoch++;
    if (this.epoch === 0xffffffff) {
      this.epoch = 1;
      this.atomStamp.fill(0);
      this.termStamp.fill(0);
      this.queryStamp.fill(0);
    }
    this.touchedAtoms = [];
    this.tokens = tokens;
    this.doc = doc;
  }

  /** Token indexes where the term starts in the current document (cached per document). */
  private termOccurrences(termId: number): number[] {
    if (this.termStamp[termId] === this.epoch) return this.termStarts[termId] as number[];
    this.termStamp[termId] = this.epoch;
    const term = this.terms[termId] as Term;
    const first = term.atomIds[0] as number;
    let out: number[] = NONE;
    if (this.atomStamp[first] === this.epoch) {
      const positions = this.atomPositions[first] as number[];
      // A single-atom term occurs exactly where its atom does.
      out =
        term.atoms.length === 1
          ? positions
          : positions.filter((p) => termMatchesAt(term.atoms, this.tokens, p));
    }
    this.termStarts[termId] = out;
    return out;
  }

  private evaluate(node: CompiledNode): boolean {
    switch (node.k) {
      case 'term':
        return this.termOccurrences(node.term).length > 0;
      case 'filter':
        return filterMatches(node.filter, this.doc);
      case 'not':
        return !this.evaluate(node.operand);
      case 'and':
        return node.operands.every((o) => this.evaluate(o));
      case 'or':
        return node.operands.some((o) => this.evaluate(o));
      case 'near':
        return this.proximity(node).length > 0;
    }
  }

  private proximity(node: CompiledNode): Occurrence[] {
    switch (node.k) {
      case 'term': {
        const len = (this.terms[node.term] as Term).atoms.length;
        return this.termOccurrences(node.term).map((p) => ({ from: p, to: p + len - 1 }));
      }
      case 'or':
        return node.operands.flatMap((o) => this.proximity(o));
      case 'near':
        return nearPairs(this.proximity(node.left), this.proximity(node.right), node.distance);
      default:
        return [];
    }
  }
}

const NONE: number[] = [];

function checked(ast: QueryAst): QueryAst {
  if (canMatchWithoutTerms(ast)) {
    throw new QuerySyntaxError('no_positive_term', ast.start, ['positive term'], '');
  }
  return ast;
}

/** Compiles all queries into one matcher (see CompiledQuerySet). */
export function compileQueries(
  queries: readonly QueryInput[],
  options?: CompileOptions,
): CompiledQuerySet {
  return new CompiledQuerySet(queries, options);
}
