/** A match of a term or NEAR group: token index range, inclusive both ends. */
export interface Occurrence {
  from: number;
  to: number;
  /** For NEAR results: the term occurrences it is made of (what to highlight). */
  leaves?: Occurrence[];
}

/**
 * NEAR/n: pairs of non-overlapping occurrences, in either order, with at most `distance`
 * tokens between them. Each pair yields an occurrence spanning both (so NEARs chain).
 * Each result lists its term occurrences in `leaves` (the words in between are not part
 * of the match for highlighting).
 */
export function nearPairs(
  left: readonly Occurrence[],
  right: readonly Occurrence[],
  distance: number,
): Occurrence[] {
  const out: Occurrence[] = [];
  for (const a of left) {
    for (const b of right) {
      const gap = a.to < b.from ? b.from - a.to - 1 : b.to < a.from ? a.from - b.to - 1 : -1;
      if (gap < 0 || gap > distance) continue;
      out.push({
        from: Math.min(a.from, b.from),
        to: Math.max(a.to, b.to),
        leaves: [...(a.leaves ?? [a]), ...(b.leaves ?? [b])],
      });
    }
  }
  return out;
}
