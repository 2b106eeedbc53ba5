import { recommend, renderRecommendation, type RecommendationInput, type RuleResult } from './index';

/** A month where no rule fires: every figure is ordinary. */
const BASE: RecommendationInput = {
  brandRate: 0.05,
  byContentType: [
    { contentType: 'photo', posts: 10, rate: 0.05 },
    { contentType: 'video', posts: 5, rate: 0.055 },
  ],
  heatmap: [
    { weekday: 1, hour: 9, posts: 4, interactions: 400 },
    { weekday: 3, hour: 18, posts: 4, interactions: 480 },
  ],
  byChannel: [
    { platform: 'facebook', handle: 'acme', posts: 8, rate: 0.05 },
    { platform: 'instagram', handle: 'acme.ig', posts: 7, rate: 0.06 },
  ],
  topics: [{ topic: '#promo', posts: 3, rate: 0.055 }],
  responseRate: 0.9,
  medianFirstResponseMinutes: 60,
  communityRequests: 40,
  netSentiment: 0.4,
  previousNetSentiment: 0.45,
};

const cases: Array<{ name: string; input: Partial<RecommendationInput>; expected: RuleResult[] }> = [
  { name: 'ordinary month: nothing to say', input: {}, expected: [] },
  {
    name: 'video 1.4× the average → best format',
    input: { byContentType: [{ contentType: 'photo', posts: 10, rate: 0.04 }, { contentType: 'video', posts: 4, rate: 0.07 }] },
    expected: [{ key: 'bestFormat', params: { format: 'video', rate: 0.07, brandRate: 0.05, posts: 4, ratio: 1.4 } }],
  },
  {
    name: 'best format with too few posts is not judged',
    input: { byContentType: [{ contentType: 'photo', posts: 10, rate: 0.04 }, { contentType: 'video', posts: 2, rate: 0.2 }] },
    expected: [],
  },
  {
    name: 'a single format cannot be compared',
    input: { byContentType: [{ contentType: 'video', posts: 10, rate: 0.09 }] },
    expected: [],
  },
  {
    name: 'Wednesday 18 h at 2× the average → best time',
    input: {
      heatmap: [
        { weekday: 1, hour: 9, posts: 6, interactions: 300 },
        { weekday: 3, hour: 18, posts: 2, interactions: 400 },
        { weekday: 5, hour: 12, posts: 1, interactions: 10 },
        { weekday: 6, hour: 10, posts: 1, interactions: 290 },
      ],
    },
    // average = 1000 / 10 = 100; slot = 400 / 2 = 200 (the 1-post slot at 290 is not judged)
    expected: [{ key: 'bestTime', params: { weekday: 3, hour: 18, perPost: 200, average: 100, posts: 2, ratio: 2 } }],
  },
  {
    name: 'instagram 1.6× the brand → push; facebook 0.4× → drop',
    input: {
      byChannel: [
        { platform: 'facebook', handle: 'acme', posts: 5, rate: 0.02 },
        { platform: 'instagram', handle: 'acme.ig', posts: 6, rate: 0.08 },
      ],
    },
    expected: [
      { key: 'pushChannel', params: { platform: 'instagram', handle: 'acme.ig', rate: 0.08, brandRate: 0.05, ratio: 1.6 } },
      { key: 'dropChannel', params: { platform: 'facebook', handle: 'acme', rate: 0.02, brandRate: 0.05, posts: 5 } },
    ],
  },
  {
    name: 'one channel: no channel advice',
    input: { byChannel: [{ platform: 'instagram', handle: 'acme.ig', posts: 6, rate: 0.2 }] },
    expected: [],
  },
  {
    name: '#recette 1.6× the brand → topic',
    input: {
      topics: [
        { topic: '#promo', posts: 5, rate: 0.04 },
        { topic: '#recette', posts: 3, rate: 0.08 },
        { topic: '#noel', posts: 2, rate: 0.3 },
      ],
    },
    expected: [{ key: 'topic', params: { topic: '#recette', rate: 0.08, brandRate: 0.05, posts: 3, ratio: 1.6 } }],
  },
  {
    name: 'median first response 6 h → respond faster',
    input: { medianFirstResponseMinutes: 360 },
    expected: [{ key: 'responseTime', params: { minutes: 360, targetMinutes: 240 } }],
  },
  { name: 'exactly 4 h is not slow', input: { medianFirstResponseMinutes: 240 }, expected: [] },
  {
    name: '60 % answered of 40 → 16 unanswered',
    input: { responseRate: 0.6 },
    expected: [{ key: 'responseRate', params: { rate: 0.6, requests: 40, unanswered: 16 } }],
  },
  { name: 'response rate unknown: nothing', input: { responseRate: null, medianFirstResponseMinutes: null }, expected: [] },
  {
    name: 'negative net sentiment',
    input: { netSentiment: -0.25 },
    expected: [{ key: 'sentimentNegative', params: { value: -0.25 } }],
  },
  {
    name: 'net sentiment fell 30 points',
    input: { netSentiment: 0.3, previousNetSentiment: 0.6 },
    expected: [{ key: 'sentimentDrop', params: { value: 0.3, previous: 0.6 } }],
  },
  {
    name: 'a fall of exactly 20 points counts',
    input: { netSentiment: 0.2, previousNetSentiment: 0.4 },
    expected: [{ key: 'sentimentDrop', params: { value: 0.2, previous: 0.4 } }],
  },
  {
    name: 'no brand rate (no reach nor impressions): no rate-based advice',
    input: {
      brandRate: null,
      byContentType: [{ contentType: 'photo', posts: 10, rate: 0.04 }, { contentType: 'video', posts: 4, rate: 0.07 }],
    },
    expected: [],
  },
];

describe('recommendation rules', () => {
  it.each(cases)('$name', ({ input, expected }) => {
    expect(recommend({ ...BASE, ...input })).toEqual(expected);
  });
});

describe('recommendation sentences', () => {
  const nbsp = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');
  const sentences: Array<{ result: RuleResult; fr: string; en: string }> = [
    {
      result: { key: 'bestFormat', params: { format: 'video', rate: 0.07, brandRate: 0.05, posts: 4, ratio: 1.4 } },
      fr: "Publier davantage de vidéos : leur taux d'engagement a atteint 7 % contre 5 % en moyenne (1,4×, 4 publications).",
      en: 'Publish more videos: their engagement rate reached 7% against 5% on average (1.4×, 4 posts).',
    },
    {
      result: { key: 'bestTime', params: { weekday: 3, hour: 18, perPost: 200, average: 100, posts: 2, ratio: 2 } },
      fr: 'Programmer les publications le mercredi vers 18 h : 200 interactions par publication sur ce créneau contre 100 en moyenne sur le mois.',
      en: 'Schedule posts on Wednesday around 18:00: 200 interactions per post in that slot against 100 on average this month.',
    },
    {
      result: { key: 'responseTime', params: { minutes: 370, targetMinutes: 240 } },
      fr: "Répondre plus vite à la communauté : délai médian de première réponse de 6 h 10 min, au-delà de l'objectif de 4 h.",
      en: 'Answer the community faster: the median first response time was 6 h 10 min, above the 4 h target.',
    },
    {
      result: { key: 'responseRate', params: { rate: 0.6, requests: 40, unanswered: 16 } },
      fr: 'Traiter toutes les demandes : seules 60 % des 40 demandes ont reçu une réponse (16 sans réponse).',
      en: 'Handle every request: only 60% of the 40 requests got a reply (16 unanswered).',
    },
    {
      result: { key: 'sentimentDrop', params: { value: 0.3, previous: 0.6 } },
      fr: 'Le sentiment net a reculé de 60 % à 30 % : vérifier ce qui a changé ce mois-ci.',
      en: 'Net sentiment fell from 60% to 30%: check what changed this month.',
    },
    {
      result: { key: 'pushChannel', params: { platform: 'instagram', handle: 'acme.ig', rate: 0.08, brandRate: 0.05, ratio: 1.6 } },
      fr: "Renforcer Instagram (acme.ig) : taux d'engagement de 8 %, soit 1,6× la moyenne de la marque (5 %).",
      en: "Invest more in Instagram (acme.ig): engagement rate of 8%, 1.6× the brand's average (5%).",
    },
  ];
  it.each(sentences)('$result.key in FR and EN', ({ result, fr, en }) => {
    expect(nbsp(renderRecommendation(result, 'fr'))).toBe(fr);
    expect(nbsp(renderRecommendation(result, 'en'))).toBe(en);
  });
});
