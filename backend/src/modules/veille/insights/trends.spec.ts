import { risingTerms, termCounts } from './trends.service';

describe('trends', () => {
  it('counts words and hashtags once per text, folded, without function words or short tokens', () => {
    const { words, hashtags } = termCounts(['Panne géante chez Vigie #panne #Panne', 'la PANNE continue et les clients râlent', 'ok 2025']);
    expect(words.get('panne')).toBe(2);
    expect(words.get('geante')).toBe(1);
    expect(words.get('les')).toBeUndefined();
    expect(words.get('ok')).toBeUndefined();
    expect(words.get('2025')).toBeUndefined();
    expect(hashtags.get('#panne')).toBe(1);
  });

  it('ranks by smoothed growth (count+1)/(previous+1), needs ≥ 3 occurrences and real growth', () => {
    const cur = new Map([['panne', 12], ['remboursement', 3], ['vigie', 50], ['rare', 2]]);
    const prev = new Map([['panne', 1], ['vigie', 60]]);
    expect(risingTerms(cur, prev)).toEqual([
      { term: 'panne', count: 12, previous: 1, growth: 6.5 },
      { term: 'remboursement', count: 3, previous: 0, growth: 4 },
    ]);
  });
});
