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

  /** Calls `hit(atomId)` for every atom the token satisfies. */
  lookup(token: Token, hit: (atomId: number) => void): void {
    const b = this.exact.get(token.norm);
    if (b) emit(b, token, hit);
    if (!this.hasPrefixes) return;
    let node: TrieNode | undefined = this.trie;
    const norm = token.norm;
    for (let i = 0; i < norm.length; i++) {
      node = node.children.get(norm.charCodeAt(i));
      if (!node) return;
      if (node.bucket) emit(node.bucket, token, hit);
    }
  }
}

function emit(b: Bucket, token: Token, hit: (atomId: number) => void): void {
  for (const id of b.any) hit(id);
  if (token.kind === 'hashtag') for (const id of b.hashtag) hit(id);
  else if (token.kind === 'handle') for (const id of b.handle) hit(id);
}
