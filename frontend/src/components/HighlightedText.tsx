import { highlight, type MatchSpan } from '@vigie/query';

/** Text with the matched spans in <mark>: every piece stays a React text node. */
export function HighlightedText({ text, spans }: { text: string; spans: readonly MatchSpan[] }) {
  if (spans.length === 0) return <>{text}</>;
  return (
    <>
      {highlight(text, spans).map((seg, i) =>
        seg.match ? (
          <mark key={i} className="hl">
            {seg.text}
          </mark>
        ) : (
          <span key={i}>{seg.text}</span>
        ),
      )}
    </>
  );
}
