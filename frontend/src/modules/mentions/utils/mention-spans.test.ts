import { describe, expect, it } from 'vitest';
import type { MentionDto } from '@vigie/contracts';
import { compileAll, mentionSpans } from './mention-spans';

const mention = (text: string, queryIds: string[]): MentionDto => ({
  id: '1',
  platform: 'x',
  source: null,
  externalId: null,
  kind: null,
  origin: 'search',
  text,
  url: null,
  author: null,
  reach: null,
  engagement: null,
  language: 'fr',
  sentiment: null,
  isOwnContent: false,
  publishedAt: '2025-03-01T10:00:00Z',
  matchedAt: null,
  queryIds,
  brandIds: [],
});

describe('mentionSpans', () => {
  const compiled = compileAll([
    { id: 'q1', query: 'café' },
    { id: 'q2', query: '"service client"' },
    { id: 'bad', query: 'café AND' },
  ]);

  it('skips queries that do not parse', () => {
    expect([...compiled.keys()]).toEqual(['q1', 'q2']);
  });

  it('highlights the words of every query that matched, accent-insensitively', () => {
    const text = 'Le Cafe est bon mais le service client est lent';
    const spans = mentionSpans(mention(text, ['q1', 'q2']), compiled);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Cafe', 'service client']);
  });

  it('only uses the queries listed on the mention', () => {
    const text = 'café et service client';
    expect(mentionSpans(mention(text, ['q2']), compiled).map((s) => text.slice(s.start, s.end))).toEqual(['service client']);
    expect(mentionSpans(mention(text, ['unknown']), compiled)).toEqual([]);
  });
});
