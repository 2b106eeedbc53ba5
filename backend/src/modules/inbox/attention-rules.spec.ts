import { needsAttention, needsAttentionSql } from './attention-rules';

describe('needsAttention', () => {
  it.each([
    ['question', 'neutral', false, true],
    ['complaint', 'positive', false, true],
    ['lead', null, false, true],
    ['spam', 'neutral', false, true],
    ['troll', 'neutral', false, true],
    ['praise', 'positive', false, false],
    ['other', 'neutral', false, false],
    ['other', 'negative', false, true],
    ['praise', 'neutral', true, true],
  ] as const)('%s / %s / toxic=%s → %s', (type, sentiment, toxic, expected) => {
    expect(needsAttention(type, sentiment, toxic)).toBe(expected);
  });

  it('has an SQL twin over the same types', () => {
    expect(needsAttentionSql('t', 's', 'x')).toBe(
      "(t IN ('question', 'complaint', 'lead', 'job_application', 'partnership', 'invitation', 'subscription', 'spam', 'troll') OR coalesce(x, false) OR s = 'negative')",
    );
  });
});
