export const REDACTED = '[supprimé]';

export interface RedactionNeedles {
  /** Handles and names of the person: any string containing one is replaced. */
  identities: string[];
  /** Texts they wrote: a string quoting one (whole, or an excerpt of ≥ 20 chars) is replaced. */
  texts: string[];
}

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** Needles too short to be distinctive ('ok', 'Jo') are not used: they would redact unrelated text. */
export function usableNeedles(n: RedactionNeedles): RedactionNeedles {
  return {
    identities: [...new Set(n.identities.map(norm).filter((s) => s.length >= 3))],
    texts: [...new Set(n.texts.map(norm).filter((s) => s.length >= 8))],
  };
}

/** True when `s` names the person or quotes something they wrote (excerpts with a trailing … too). */
export function mentionsPerson(s: string, needles: RedactionNeedles): boolean {
  const v = norm(s);
  if (!v) return false;
  if (needles.identities.some((id) => v.includes(id))) return true;
  const excerpt = v.replace(/(…|\.\.\.)$/, '').trim();
  return needles.texts.some((t) => v.includes(t) || (excerpt.length >= 20 && t.includes(excerpt)));
}

/**
 * Report figures, alert details…: a copy of a JSON value where every string that names the
 * person or quotes them is replaced by '[supprimé]'. Object keys are kept (the structure the
 * renderer expects stays valid). `changed` says whether anything was replaced.
 */
export function redactJson(value: unknown, needles: RedactionNeedles): { value: unknown; changed: boolean } {
  let changed = false;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (mentionsPerson(v, needles)) {
        changed = true;
        return REDACTED;
      }
      return v;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  const out = walk(value);
  return { value: out, changed };
}
