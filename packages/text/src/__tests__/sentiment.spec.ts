import { analyze } from '../index';

describe('sentiment', () => {
  it.each([
    // negation
    ["Ce n'est pas bon du tout", 'negative'],
    ['pas terrible ce resto', 'negative'],
    ['pas mal du tout ce nouveau parfum', 'positive'],
    ["I don't like this at all", 'negative'],
    ['not bad, not bad at all', 'positive'],
    ['This is not good', 'negative'],
    // intensifiers / elongation
    ["c'est trop bien", 'positive'],
    ['sooo goood', 'positive'],
    ['trooop nul', 'negative'],
    ['really awful service', 'negative'],
    // emoji and emoticons
    ['😍😍', 'positive'],
    ['😡😡', 'negative'],
    ['merci :)', 'positive'],
    ['encore en retard :(', 'negative'],
    ['Le colis est arrivé hier.', 'neutral'],
    ['The meeting is on Tuesday at 3pm.', 'neutral'],
  ])('%s → %s', (text, label) => {
    expect(analyze(text).sentiment.label).toBe(label);
  });

  it('scores stay within -1..1 and order intensity', () => {
    const good = analyze('good').sentiment.score;
    const veryGood = analyze('very good').sentiment.score;
    const elongated = analyze('goooood').sentiment.score;
    expect(veryGood).toBeGreaterThan(good);
    expect(elongated).toBeGreaterThan(good);
    for (const t of ['amazing amazing amazing amazing 😍😍😍😍!!!!', 'horrible awful 😡😡😡']) {
      const s = analyze(t).sentiment.score;
      expect(Math.abs(s)).toBeLessThanOrEqual(1);
    }
  });

  it('negation shifts rather than flips strength: "pas génial" is milder than "nul"', () => {
    const notGreat = analyze('pas génial').sentiment.score;
    const bad = analyze('nul').sentiment.score;
    expect(notGreat).toBeLessThan(0);
    expect(notGreat).toBeGreaterThan(bad);
  });

  it('irony hashtag flips apparent praise', () => {
    expect(analyze('Super, encore une panne #ironie').sentiment.label).toBe('negative');
  });
});
