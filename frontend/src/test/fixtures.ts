import { KPI_KEYS } from '@vigie/kpi';
import type { KpiResponseDto, KpiValues } from '@vigie/contracts';
import { BRANDS } from './render';

/** Every KPI absent: spread it and set the few a test reads. */
export const EMPTY_KPIS = Object.fromEntries(KPI_KEYS.map((k) => [k, null])) as KpiValues;
const empty = EMPTY_KPIS;
const own = BRANDS[0].id;

/** A KPI answer for one brand over two days; a test overrides the parts it checks. */
export function kpiResponseFixture(overrides: Partial<KpiResponseDto> = {}): KpiResponseDto {
  return {
    brandId: own,
    channelAccountId: null,
    timezone: 'Europe/Paris',
    granularity: 'day',
    period: { from: '2025-03-01', to: '2025-03-02' },
    previousPeriod: { from: '2025-02-27', to: '2025-02-28' },
    kpis: { ...empty, posts: 2, reach: 1000, interactions: 80, engagementRateByReach: 0.08 },
    previousKpis: { ...empty, posts: 1, reach: 800, interactions: 40, engagementRateByReach: 0.05 },
    missing: ['conversions'],
    partial: [],
    previousMissing: [],
    previousPartial: [],
    warnings: [],
    series: [
      { from: '2025-03-01', to: '2025-03-01', reach: 400, interactions: 30 },
      { from: '2025-03-02', to: '2025-03-02', reach: 600, interactions: 50 },
    ],
    byChannel: [{ channelAccountId: 'c1', platform: 'facebook', handle: 'cafetest', kpis: { ...empty, posts: 2 }, missing: [], partial: [] }],
    byContentType: [{ contentType: 'photo', kpis: { ...empty, posts: 2 }, missing: [], partial: [] }],
    heatmap: { timezone: 'Europe/Paris', cells: [{ weekday: 1, hour: 9, posts: 1, interactions: 30, reach: 400 }] },
    seriesBreaks: [],
    ...overrides,
  };
}

/** A small, consistent set of API answers for page-level tests (a11y, smoke). */
export const FIXTURES: Record<string, unknown> = {
  kpis: kpiResponseFixture(),
  'posts/top': { items: [{ id: '1', platform: 'facebook', handle: 'cafetest', text: 'Bonjour', publishedAt: '2025-03-01T09:00:00Z', permalink: 'https://facebook.com/1', metrics: { interactions: 30, reach: 400 }, rates: { engagementRateByReach: 0.075 } }] },
  posts: { items: [{ id: '1', platform: 'facebook', handle: 'cafetest', text: 'Bonjour', publishedAt: '2025-03-01T09:00:00Z', permalink: 'https://facebook.com/1', metrics: { interactions: 30, reach: 400 }, rates: { engagementRateByReach: 0.075 } }], nextCursor: null },
  inbox: {
    items: [
      {
        id: '1', text: 'Est-ce ouvert dimanche ?', author: { name: 'Lecteur 1', handle: null, pseudonymized: true },
        post: { id: 'p', excerpt: 'Ouverture', permalink: null, platform: 'facebook' }, brandId: own, channelAccountId: 'c1',
        type: 'question', reason: 'est-ce', classifiedType: 'question', typeCorrected: false, sentiment: { label: 'neutral', score: 0 },
        language: 'fr', toxic: false, needsAttention: true, status: 'open', service: null, assignedAt: null,
        publishedAt: '2025-03-01T09:00:00Z', ageMinutes: 20, answeredAt: null, answeredBy: null, firstResponseMinutes: null, ignoredAt: null, notesCount: 0,
      },
    ],
    nextCursor: null,
  },
  services: [{ id: 's1', name: 'SAV', email: 'sav@example.com', kind: 'sav' }],
  crises: [
    {
      id: 'c0ffee00-0000-4000-8000-000000000001',
      title: 'Pic de réclamations livraison',
      stage: 'active',
      brandIds: [own],
      queryIds: [],
      alertId: 'a1',
      openedBy: { userId: 'u1', email: 'cm@vigie.test', name: 'CM' },
      openedAt: '2025-03-01T09:05:00Z',
      stageChangedAt: '2025-03-01T09:30:00Z',
      closedAt: null,
    },
  ],
  alerts: [{ id: 'a1', ruleId: null, brandId: own, queryId: null, type: 'volume_spike', key: 'k', status: 'open', title: 'Pic de mentions', details: null, count: 12, occurrences: 1, raisedAt: '2025-03-01T09:00:00Z', lastSeenAt: '2025-03-01T09:00:00Z', acknowledged: null, resolved: null }],
  'alert-rules': [],
  'watch-queries': [{ id: 'q1', brandId: own, kind: 'brand', name: 'Marque', query: 'café', active: true, createdAt: '', updatedAt: '' }],
  mentions: { items: [{ id: 'm1', platform: 'x', source: null, externalId: null, kind: null, origin: 'search', text: 'Un café parfait', url: null, author: null, reach: 10, engagement: 1, language: 'fr', sentiment: null, isOwnContent: false, publishedAt: '2025-03-01T09:00:00Z', matchedAt: null, queryIds: ['q1'] }], nextCursor: null },
  channels: [{ id: 'c1', brandId: own, platform: 'facebook', handle: 'cafetest', externalId: null, displayName: null, baseUrl: null, status: 'degraded', lastError: 'rate limited', lastErrorAt: '2025-03-01T09:00:00Z', lastSuccessAt: null, lastSyncAt: null, createdAt: '' }],
  'share-of-voice': { period: { from: '2025-03-01', to: '2025-03-02' }, granularity: 'day', brand: { id: own, name: 'Café Test', mentions: 3 }, competitors: [{ brandId: BRANDS[1].id, name: 'Rival', mentions: 1 }], shareOfVoice: 0.75, series: [] },
  competitors: { period: { from: '2025-03-01', to: '2025-03-02' }, days: 2, items: [] },
  influencers: { items: [] },
  funnels: { period: { from: '2025-03-01', to: '2025-03-02' }, timezone: 'Europe/Paris', rows: [], totals: { impressions: null, clicks: 4, uniqueClicks: 3, conversions: 1, conversionValue: 0, conversionRate: 0.25, dropOff: { impressionsToClicks: null, clicksToUniqueClicks: 0.25, uniqueClicksToConversions: 2 / 3 } } },
  links: [],
  reports: [],
  members: [{ id: 'm1', userId: 'u-me', email: 'me@example.com', name: 'Me', role: 'admin', createdAt: '' }],
  privacy: { pseudonymizeAuthors: true, retentionDays: null },
};

/** Answers `/api/workspaces/ws-1/<key>` with FIXTURES[key]; brand report settings too. */
export function fixtureHandler(url: URL): { status?: number; body?: unknown } | undefined {
  const m = /^\/api\/workspaces\/ws-1\/(.+)$/.exec(url.pathname);
  if (!m) return undefined;
  if (m[1] in FIXTURES) return { body: FIXTURES[m[1]] };
  if (/^brands\/[^/]+\/report-settings$/.test(m[1])) return { body: { recipients: [], autoSendHour: null, language: null } };
  return undefined;
}
