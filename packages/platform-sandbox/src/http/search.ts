/** A small keyword matcher shared by the search endpoints: AND of terms, "quoted phrases",
 * OR between groups, -negation and key:value operators (the operators each platform knows
 * are read by the caller with `operators`). Accents and case are ignored, as the platforms do. */

export function normalise(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, ' ');
}

interface Term {
  text: string;
  negate: boolean;
}

export interface ParsedQuery {
  /** OR of AND-groups. */
  groups: Term[][];
  operators: Record<string, string[]>;
}

export function parseQuery(q: string): ParsedQuery {
  const tokens = q.match(/-?"[^"]*"|\S+/g) ?? [];
  const groups: Term[][] = [[]];
  const operators: Record<string, string[]> = {};
  for (const raw of tokens) {
    if (raw === 'OR' || raw === '|') {
      groups.push([]);
      continue;
    }
    if (raw === 'AND' || raw === '(' || raw === ')') continue;
    const negate = raw.startsWith('-');
    let tok = negate ? raw.slice(1) : raw;
    tok = tok.replace(/^\(+|\)+$/g, '');
    const op = /^([a-z_.]+):(.+)$/i.exec(tok);
    if (op && !tok.startsWith('"')) {
      const k = op[1].toLowerCase();
      (operators[negate ? `-${k}` : k] ??= []).push(op[2]);
      continue;
    }
    const text = normalise(tok.replace(/^"|"$/g, '').replace(/^[#@]/, ''));
    if (text.trim()) groups[groups.length - 1].push({ text: text.trim(), negate });
  }
  return { groups: groups.filter((g) => g.length > 0), operators };
}

/** True when `haystack` satisfies the free-text part of the query (no terms = match all). */
export function matchesText(query: ParsedQuery, haystack: string): boolean {
  if (!query.groups.length) return true;
  const h = ` ${normalise(haystack).replace(/[#@]/g, ' ')} `;
  const hNoSpace = h.replace(/\s+/g, '');
  return query.groups.some((g) =>
    g.every((t) => {
      // "maisonlumiere" also finds "Maison Lumière", as hashtag-aware search engines do.
      const found = h.includes(t.text) || (!t.text.includes(' ') && hNoSpace.includes(t.text));
      return t.negate ? !found : found;
    }),
  );
}
