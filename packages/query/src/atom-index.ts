import type { Atom } from './ast';
import type { Token } from './tokenize';

// Atom ids grouped by the token kinds they accept: 'any' atoms (plain words) match every
// token kind, the others only hashtags / handles.
interface Bucket {
  any: number[];
  hashtag: number[];
  handle: number[];
}

interface TrieNode {
  children: Map<number, TrieNode>;
  bucket: Bucket | undefined;
}

function newBucket(): Bucket {
  return { any: [], hashtag: [], handle: [] };
}

function newTrieNode(): TrieNode {
  return { children: new Map(), bucket: undefined };
}

/**
 * Dictionary of every distinct atom of a query set: a hash map for exact atoms and a
 * character trie for prefix atoms. Looking up one token costs one hash probe plus a walk
 * of at most its length in the trie, whatever the number of queries.
 */
export class AtomIndex {
  readonly atoms: Atom[] = [];
  private readonly ids = new Map<string, number>();
  private readonly exact = new Map<string, Bucket>();
  private readonly trie = newTrieNode();
  private hasPrefixes = false;

  /** Id of the atom, adding it on first sight. */
  add(atom: Atom): number {
    const key = `${atom.kind}\u0001${atom.prefix ? '*' : ''}\u0001${atom.value}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.atoms.length;
    this.atoms.push(atom);
    this.ids.set(key, id);
    let bucket: Bucket;
    if (atom.prefix) {
      this.hasPrefixes = true;
      let node = this.trie;
      for (let i = 0; i < atom.value.length; i++) {
        const c = atom.value.charCodeAt(i);
        let child = node.children.get(c);
        if (!child) {
          child = newTrieNode();
          node.children.set(c, child);
        }
        node = child;
      }
      bucket = node.bucket ??= newBucket();
    } else {
      bucket = this.exact.get(atom.value) ?? newBucket();
      this.exact.set(atom.value, bucket);
    }
    (atom.kind === 'word' ? bucket.any : bucket[atom.kind]).push(id);
    return id;
  }

  /**
   * Appends to `out` the ids of every atom the token satisfies; returns the new length.
   * (An output array rather than a callback: no closure per token on the hot path.)
   */
  lookup(token: Token, out: number[], length: number): number {
    let n = length;
    const b = this.exact.get(token.norm);
    if (b) n = emit(b, token, out, n);
    if (!this.hasPrefixes) return n;
    let node: TrieNode | undefined = this.trie;
    const norm = token.norm;
    for (let i = 0; i < norm.length; i++) {
      node = node.children.get(norm.charCodeAt(i));
      if (!node) return n;
      if (node.bucket) n = emit(node.bucket, token, out, n);
    }
    return n;
  }
}

function emit(b: Bucket, token: Token, out: number[], length: number): number {
  let n = length;
  for (const id of b.any) out[n++] = id;
  if (token.kind === 'hashtag') for (const id of b.hashtag) out[n++] = id;
  else if (token.kind === 'handle') for (const id of b.handle) out[n++] = id;
  return n;
}
