import { computeKpis } from './compute-kpis';
import { KPI_DEFINITIONS } from './kpi-definitions';
import { COUNT_KEYS, KPI_KEYS, type KpiKey } from './kpi-keys';

describe('KPI_DEFINITIONS', () => {
  it('defines exactly the KPI keys', () => {
    expect(Object.keys(KPI_DEFINITIONS).sort()).toEqual([...KPI_KEYS].sort());
  });

  it.each([...KPI_KEYS])('%s has a keyed, bilingual one-sentence definition', (key) => {
    const definition = KPI_DEFINITIONS[key];
    expect(definition.key).toBe(key);
    for (const language of ['fr', 'en'] as const) {
      expect(definition.label[language].length).toBeGreaterThan(2);
      expect(definition.definition[language]).toMatch(/^\S.*[.)]$/);
      // one sentence: no full stop followed by a capital inside
      expect(definition.definition[language]).not.toMatch(/\.\s+[A-ZÉ]/);
    }
    expect(definition.definition.fr).not.toBe(definition.definition.en);
    expect(definition.formula.length).toBeGreaterThan(3);
  });

  it.each([...KPI_KEYS])('%s has a format that matches its kind', (key) => {
    const { kind, format } = KPI_DEFINITIONS[key];
    const expected = {
      count: 'integer',
      ratio: 'percent',
      duration: 'minutes',
      currency: 'decimal',
    }[kind];
    expect(format).toBe(expected);
  });

  it.each<[KpiKey, boolean | null]>([
    ['medianFirstResponseMinutes', false],
    ['p90FirstResponseMinutes', false],
    ['sentimentNegative', false],
    ['engagementRateByReach', true],
    ['followerGrowthRate', true],
    ['shareOfVoice', true],
    ['sentimentNeutral', null],
  ])('%s higherIsBetter = %p', (key, expected) => {
    expect(KPI_DEFINITIONS[key].higherIsBetter).toBe(expected);
  });

  it('says in both languages that period rates are ratios of sums', () => {
    for (const key of ['engagementRateByReach', 'engagementRateByImpressions', 'ctr'] as const) {
      expect(KPI_DEFINITIONS[key].definition.fr).toContain(
        'ratio des sommes, pas moyenne des taux',
      );
      expect(KPI_DEFINITIONS[key].definition.en).toContain('ratio of sums, not a mean');
    }
  });

  it('marks counts as count/currency and fractions as ratio, consistent with computeKpis', () => {
    for (const key of COUNT_KEYS)
      expect(['count', 'currency']).toContain(KPI_DEFINITIONS[key].kind);
    const { values } = computeKpis({
      counts: {
        posts: 2,
        reach: 10,
        impressions: 20,
        reactions: 3,
        clicks: 1,
        trackedLinkClicks: 1,
        conversions: 1,
        communityRequests: 2,
        communityRequestsAnswered: 1,
        sentimentPositive: 1,
        sentimentNegative: 1,
        brandMentions: 1,
        competitorMentions: 1,
      },
      followersStart: 10,
      followersEnd: 20,
    });
    for (const key of KPI_KEYS) {
      const value = values[key];
      if (KPI_DEFINITIONS[key].kind === 'ratio' && value !== null) {
        expect(Math.abs(value)).toBeLessThanOrEqual(1);
      }
    }
  });
});
