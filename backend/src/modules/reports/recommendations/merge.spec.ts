import { applyEdits, mergeRecommendations } from './merge';
import type { RuleResult } from './rule-types';

const ids = () => {
  let n = 0;
  return () => `id${++n}`;
};

const sentimentDrop: RuleResult = { key: 'sentimentDrop', params: { value: 0.3, previous: 0.6 } };
const responseRate: RuleResult = { key: 'responseRate', params: { rate: 0.6, requests: 40, unanswered: 16 } };

describe('recommendations: regenerate and edit', () => {
  it('first generation lists every rule sentence', () => {
    const out = mergeRecommendations(null, [sentimentDrop, responseRate], 'en', ids());
    expect(out.items.map((i) => [i.id, i.key, i.source, i.edited])).toEqual([
      ['id1', 'sentimentDrop', 'rule', false],
      ['id2', 'responseRate', 'rule', false],
    ]);
    expect(out.items[0].text).toBe('Net sentiment fell from 60% to 30%: check what changed this month.');
  });

  it('keeps edits, CM additions and removals across a regeneration', () => {
    const first = mergeRecommendations(null, [sentimentDrop, responseRate], 'en', ids());
    const edited = applyEdits(
      first,
      [
        { id: 'id2', text: 'Answer every request within the day.' },
        { text: 'Prepare the spring campaign with the sales team.' },
      ],
      () => 'cm1',
    );
    expect(edited.removedKeys).toEqual(['sentimentDrop']);
    expect(edited.items.map((i) => [i.id, i.key, i.source, i.edited])).toEqual([
      ['id2', 'responseRate', 'rule', true],
      ['cm1', null, 'cm', true],
    ]);
    // New figures: response rate now 50 %, sentiment still dropping, a new rule fires.
    const regenerated = mergeRecommendations(
      edited,
      [sentimentDrop, { key: 'responseRate', params: { rate: 0.5, requests: 40, unanswered: 20 } }, { key: 'sentimentNegative', params: { value: -0.1 } }],
      'en',
      () => 'new1',
    );
    expect(regenerated.items.map((i) => [i.id, i.key, i.text])).toEqual([
      ['id2', 'responseRate', 'Answer every request within the day.'],
      ['cm1', null, 'Prepare the spring campaign with the sales team.'],
      ['new1', 'sentimentNegative', 'Watch the tone of the conversation: net sentiment is negative (-10%); find the causes of dissatisfaction and address them.'],
    ]);
  });

  it('refreshes untouched rule sentences and drops those whose rule no longer fires', () => {
    const first = mergeRecommendations(null, [sentimentDrop, responseRate], 'en', ids());
    const again = mergeRecommendations(first, [{ key: 'responseRate', params: { rate: 0.7, requests: 10, unanswered: 3 } }], 'en', ids());
    expect(again.items.map((i) => [i.id, i.text])).toEqual([
      ['id2', 'Handle every request: only 70% of the 10 requests got a reply (3 unanswered).'],
    ]);
  });

  it('an unchanged text does not count as an edit', () => {
    const first = mergeRecommendations(null, [responseRate], 'en', ids());
    const same = applyEdits(first, [{ id: 'id1', text: first.items[0].text }]);
    expect(same.items[0].edited).toBe(false);
    expect(same.removedKeys).toEqual([]);
  });
});
