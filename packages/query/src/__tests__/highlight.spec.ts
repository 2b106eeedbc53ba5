import { highlight, matchQuery } from '..';

describe('highlight', () => {
  it('cuts the text into matched and plain segments', () => {
    const text = 'Une RÉCLAMATION du client !';
    const { spans } = matchQuery('reclamation client', { text });
    expect(highlight(text, spans)).toEqual([
      { text: 'Une ', match: false },
      { text: 'RÉCLAMATION', match: true },
      { text: ' du ', match: false },
      { text: 'client', match: true },
      { text: ' !', match: false },
    ]);
  });

  it.each([
    ['no spans', 'abc', [], [{ text: 'abc', match: false }]],
    ['whole text', 'abc', [{ start: 0, end: 3 }], [{ text: 'abc', match: true }]],
    [
      'unsorted and overlapping spans are merged',
      'abcdef',
      [
        { start: 3, end: 5 },
        { start: 0, end: 2 },
        { start: 1, end: 4 },
      ],
      [
        { text: 'abcde', match: true },
        { text: 'f', match: false },
      ],
    ],
    [
      'out-of-range and empty spans are ignored',
      'ab',
      [
        { start: 1, end: 9 },
        { start: 5, end: 6 },
        { start: 0, end: 0 },
      ],
      [
        { text: 'a', match: false },
        { text: 'b', match: true },
      ],
    ],
    ['empty text', '', [{ start: 0, end: 1 }], []],
  ])('%s', (_name, text, spans, expected) => {
    expect(highlight(text, spans)).toEqual(expected);
  });

  it('keeps markup as plain text (the caller renders text nodes)', () => {
    const text = '<b>vigie</b>';
    const segs = highlight(text, matchQuery('vigie', { text }).spans);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.match).map((s) => s.text)).toEqual(['vigie']);
  });
});
