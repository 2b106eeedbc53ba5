import type { AspectSentimentDto, RequestExplanationDto } from '@vigie/contracts';

/** A model feature as a CM reads it: an i18n key under `inbox.why.feature` and its values. */
export function describeFeature(feature: string): { key: string; values: Record<string, string> } {
  const [kind, ...rest] = feature.split(':');
  const value = rest.join(':');
  switch (kind) {
    case 'cue':
    case 'has':
      return { key: 'cue', values: { type: value } };
    case 'w':
      return { key: 'word', values: { word: value } };
    case 'b':
      return { key: 'words', values: { words: value.replace('<s>_', '').replace('_', ' ') } };
    case 'c':
      return { key: 'fragment', values: { fragment: value.replace(/[<>]/g, '') } };
    case 'sent':
      return { key: value === 'neg' ? 'negativeTone' : 'positiveTone', values: {} };
    case 'len':
      return { key: 'length', values: {} };
    default:
      // qmark, sarcasm, tox, nocue, url, mention, mention_short, shout, emoji_only, ncuetypes
      return { key: kind === 'ncuetypes' ? 'severalCues' : kind, values: {} };
  }
}

export interface TextPiece {
  text: string;
  /** Set on a piece the classifier read as a cue or the detector as a theme. */
  mark?: { kind: 'cue'; type: string } | { kind: 'aspect'; aspect: string; polarity: AspectSentimentDto };
}

/**
 * Splits the message at the cues' and themes' offsets so they can be underlined as text (never
 * as HTML). Overlapping spans keep the first (strongest) one; out-of-range offsets are ignored.
 */
export function markPieces(
  text: string,
  explanation: RequestExplanationDto | null,
  aspects: ReadonlyArray<{ aspect: string; polarity: AspectSentimentDto; start: number; end: number }>,
): TextPiece[] {
  const spans: Array<{ start: number; end: number; mark: NonNullable<TextPiece['mark']> }> = [];
  for (const c of explanation?.cues ?? []) spans.push({ start: c.start, end: c.end, mark: { kind: 'cue', type: c.type } });
  for (const a of aspects) spans.push({ start: a.start, end: a.end, mark: { kind: 'aspect', aspect: a.aspect, polarity: a.polarity } });
  const kept: typeof spans = [];
  for (const s of spans) {
    if (!(s.start >= 0 && s.end > s.start && s.end <= text.length)) continue;
    if (kept.some((k) => s.start < k.end && k.start < s.end)) continue;
    kept.push(s);
  }
  kept.sort((a, b) => a.start - b.start);
  const out: TextPiece[] = [];
  let at = 0;
  for (const s of kept) {
    if (s.start > at) out.push({ text: text.slice(at, s.start) });
    out.push({ text: text.slice(s.start, s.end), mark: s.mark });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
