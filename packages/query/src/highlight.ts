import type { MatchSpan } from './match-query';
import { mergeSpans } from './match-query';

export interface HighlightSegment {
  text: string;
  match: boolean;
}

/**
 * Cuts a text into plain and matched segments, in order, covering the whole text.
 * Spans may be unsorted or overlapping; out-of-range parts are ignored. Render the
 * segments as text nodes (never as HTML).
 */
export function highlight(text: string, spans: readonly MatchSpan[]): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let cursor = 0;
  const clamped = spans
    .map((s) => ({
      start: Math.max(0, Math.min(s.start, text.length)),
      end: Math.max(0, Math.min(s.end, text.length)),
    }))
    .filter((s) => s.end > s.start);
  for (const s of mergeSpans(clamped)) {
    if (s.start > cursor) segments.push({ text: text.slice(cursor, s.start), match: false });
    segments.push({ text: text.slice(s.start, s.end), match: true });
    cursor = s.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), match: false });
  return segments;
}
