import type { EntityManager } from 'typeorm';
import type { AlertRulesRepository, EvaluatedRuleRow } from '../alert-rules.repository';
import type { AlertsRepository, NewAlert } from '../alerts.repository';
import type { BigAccountRow, FirstMatchRow, MentionsRepository, NegativeCountsRow, SpikeCountsRow } from '../mentions.repository';
import type { AlertDeliveryService } from './alert-delivery.service';
import { AlertEvaluatorService } from './alert-evaluator.service';
import { AlertsService } from './alerts.service';

const NOW = new Date('2026-03-10T12:00:00Z');
const HOUR = 3_600_000;

function rule(over: Partial<EvaluatedRuleRow> = {}): EvaluatedRuleRow {
  return {
    id: 'rule-1',
    workspaceId: 'ws-1',
    brandId: 'brand-1',
    queryId: 'query-1',
    name: 'Spike',
    type: 'volume_spike',
    params: {},
    cooldownMinutes: 60,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    brandName: 'Acme',
    queryName: 'Acme brand',
    ...over,
  };
}

interface StoredAlert extends NewAlert {
  id: string;
  status: 'open' | 'acknowledged' | 'resolved';
  lastSeenAt: Date;
  occurrences: number;
}

/** In-memory alerts table with the repository's semantics (live update, ever / cool-down lookups). */
function fakeAlerts(initial: StoredAlert[] = []) {
  const rows = [...initial];
  const repo: Pick<AlertsRepository, 'transaction' | 'lockRuleKey' | 'refreshLive' | 'existsEver' | 'seenWithin' | 'insert'> = {
    transaction: <T>(fn: (tx: EntityManager) => Promise<T>) => fn({} as EntityManager),
    lockRuleKey: jest.fn(async () => undefined),
    refreshLive: async (ruleId, key, count, details, seenAt) => {
      const live = rows.find((r) => r.ruleId === ruleId && r.key === key && r.status !== 'resolved');
      if (!live) return null;
      Object.assign(live, { count, details, lastSeenAt: seenAt, occurrences: live.occurrences + 1 });
      return live.id;
    },
    existsEver: async (ruleId, key) => rows.some((r) => r.ruleId === ruleId && r.key === key),
    seenWithin: async (ruleId, key, now, minutes) =>
      rows.some((r) => r.ruleId === ruleId && r.key === key && r.lastSeenAt.getTime() > now.getTime() - minutes * 60_000),
    insert: async (a) => {
      const id = `alert-${rows.length + 1}`;
      rows.push({ ...a, title: a.title.slice(0, 300), id, status: 'open', lastSeenAt: a.raisedAt, occurrences: 1 });
      return id;
    },
  };
  return { rows, repo: repo as AlertsRepository };
}

function setup(opts: {
  rules: EvaluatedRuleRow[];
  spike?: SpikeCountsRow;
  negative?: NegativeCountsRow;
  firstMatches?: FirstMatchRow[];
  bigAccounts?: BigAccountRow[];
  alerts?: StoredAlert[];
}) {
  const mentions = {
    spikeCounts: jest.fn(async () => opts.spike ?? { c60: 0, c15: 0, w1: 0, w2: 0, w3: 0, w4: 0 }),
    negativeCounts: jest.fn(async () => opts.negative ?? { count: 0, negative: 0, baselineCount: 0, baselineNegative: 0 }),
    firstMatchesByQuery: jest.fn(async () => opts.firstMatches ?? []),
    bigAccountsSince: jest.fn(async () => opts.bigAccounts ?? []),
  } satisfies Pick<MentionsRepository, 'spikeCounts' | 'negativeCounts' | 'firstMatchesByQuery' | 'bigAccountsSince'>;
  const rules: Pick<AlertRulesRepository, 'activeOfWorkspace'> = { activeOfWorkspace: async () => opts.rules };
  const delivery: Pick<AlertDeliveryService, 'enqueue'> = { enqueue: jest.fn(async () => undefined) };
  const alerts = fakeAlerts(opts.alerts);
  const evaluator = new AlertEvaluatorService(
    rules as AlertRulesRepository,
    mentions as unknown as MentionsRepository,
    new AlertsService(alerts.repo),
    delivery as AlertDeliveryService,
  );
  return { evaluator, mentions, delivery, alerts: alerts.rows };
}

describe('AlertEvaluatorService (repository fakes)', () => {
  describe('volume spike', () => {
    it.each([
      // name, counts, params, fired?, window, title
      ['quiet hour: no alert', { c60: 4, c15: 1, w1: 3, w2: 4, w3: 5, w4: 4 }, {}, null],
      ['60 min above median + 3·spread', { c60: 30, c15: 5, w1: 4, w2: 4, w3: 5, w4: 3 }, {}, { window: '60m', title: 'Volume spike: Acme — Acme brand — 30 mentions in 60 min (usual ≈ 4)' }],
      ['below minCount even on a flat history', { c60: 9, c15: 9, w1: 0, w2: 0, w3: 0, w4: 0 }, {}, null],
      ['burst in the last 15 min', { c60: 12, c15: 12, w1: 8, w2: 8, w3: 9, w4: 8 }, {}, { window: '15m', title: 'Volume spike: Acme — Acme brand — 12 mentions in 15 min (usual ≈ 2)' }],
      ['burst ignored when shortWindow is off', { c60: 12, c15: 12, w1: 8, w2: 8, w3: 9, w4: 8 }, { shortWindow: false }, null],
      ['rule minCount lowered to 5', { c60: 6, c15: 6, w1: 0, w2: 0, w3: 0, w4: 0 }, { minCount: 5 }, { window: '60m', title: 'Volume spike: Acme — Acme brand — 6 mentions in 60 min (usual ≈ 0)' }],
    ])('%s', async (_name, spike, params, expected) => {
      const t = setup({ rules: [rule({ params })], spike });
      const out = await t.evaluator.evaluateWorkspace('ws-1', NOW);
      if (!expected) {
        expect(out).toEqual([]);
        expect(t.alerts).toEqual([]);
        return;
      }
      expect(out).toEqual([{ ruleId: 'rule-1', outcome: { action: 'raised', alertId: 'alert-1' } }]);
      expect(t.alerts).toHaveLength(1);
      expect(t.alerts[0]).toMatchObject({ key: 'volume', type: 'volume_spike', count: spike.c60, title: expected.title, queryId: 'query-1', brandId: 'brand-1' });
      expect(t.alerts[0].details).toMatchObject({ window: expected.window, lastHour: spike.c60, last15Minutes: spike.c15, samples: [spike.w1, spike.w2, spike.w3, spike.w4] });
      expect(t.delivery.enqueue).toHaveBeenCalledWith('alert-1');
    });

    it("a brand rule counts every query of the brand; a query rule only its query", async () => {
      const t = setup({ rules: [rule({ queryId: null, queryName: null }), rule({ id: 'rule-2' })] });
      await t.evaluator.evaluateWorkspace('ws-1', NOW);
      expect(t.mentions.spikeCounts.mock.calls).toEqual([[{ brandId: 'brand-1' }, NOW], [{ queryId: 'query-1' }, NOW]]);
    });
  });

  describe('negative surge', () => {
    it.each([
      ['40 % negative, baseline 10 %', { count: 20, negative: 8, baselineCount: 100, baselineNegative: 10 }, true],
      ['too few mentions', { count: 9, negative: 9, baselineCount: 100, baselineNegative: 10 }, false],
      ['share below 40 %', { count: 20, negative: 7, baselineCount: 100, baselineNegative: 0 }, false],
      ['usual negativity (lift < 15 points)', { count: 20, negative: 10, baselineCount: 100, baselineNegative: 40 }, false],
    ])('%s', async (_name, negative, fired) => {
      const t = setup({ rules: [rule({ type: 'negative_surge', name: 'Crisis' })], negative });
      const out = await t.evaluator.evaluateWorkspace('ws-1', NOW);
      expect(out.length).toBe(fired ? 1 : 0);
      if (fired) {
        expect(t.alerts[0]).toMatchObject({
          key: 'negative',
          count: 20,
          title: 'Negative surge: Acme — Acme brand — 40 % negative over 20 mentions in the last hour',
          details: { negative: 8, share: 0.4, baselineShare: 0.1 },
        });
      }
    });
  });

  describe('first appearance', () => {
    it('raises once per query matched first after the rule was created, never for older queries', async () => {
      const r = rule({ type: 'first_appearance', queryId: null, queryName: null, createdAt: new Date('2026-03-01T00:00:00Z') });
      const firstMatches = [
        { id: 'q-old', name: 'Old', first: new Date('2026-02-01T00:00:00Z'), count: 40 },
        { id: 'q-new', name: 'New product', first: new Date('2026-03-10T11:58:00Z'), count: 2 },
      ];
      const t = setup({ rules: [r], firstMatches });
      const first = await t.evaluator.evaluateWorkspace('ws-1', NOW);
      expect(first).toEqual([{ ruleId: 'rule-1', outcome: { action: 'raised', alertId: 'alert-1' } }]);
      expect(t.alerts[0]).toMatchObject({ key: 'query:q-new', queryId: 'q-new', title: 'First appearance: "New product" (Acme) was just found', count: 2 });
      expect(t.mentions.firstMatchesByQuery).toHaveBeenCalledWith('ws-1', { brandId: 'brand-1' });

      // Resolved and far past any cool-down: still never raised again.
      t.alerts[0].status = 'resolved';
      const later = await t.evaluator.evaluateWorkspace('ws-1', new Date(NOW.getTime() + 30 * 24 * HOUR));
      expect(later.map((o) => o.outcome)).toEqual([{ action: 'suppressed' }]);
      expect(t.alerts).toHaveLength(1);
    });
  });

  describe('big account', () => {
    it('one alert per author with its followers, minFollowers from the rule', async () => {
      const bigAccounts = [
        { platform: 'x', authorId: '42', handle: '@star', followers: 250_000, count: 2, url: 'https://x.com/star/1' },
        { platform: 'reddit', authorId: 'r9', handle: null, followers: 12_000, count: 1, url: null },
      ];
      const t = setup({ rules: [rule({ type: 'big_account', params: { minFollowers: 10_000 } })], bigAccounts });
      const out = await t.evaluator.evaluateWorkspace('ws-1', NOW);
      expect(out.map((o) => o.outcome.action)).toEqual(['raised', 'raised']);
      expect(t.mentions.bigAccountsSince).toHaveBeenCalledWith({ queryId: 'query-1' }, new Date(NOW.getTime() - HOUR), 10_000);
      expect(t.alerts.map((a) => [a.key, a.title, a.count])).toEqual([
        ['author:x:42', 'Big account: @star (250,000 followers on x) mentioned Acme — Acme brand', 2],
        ['author:reddit:r9', 'Big account: r9 (12,000 followers on reddit) mentioned Acme — Acme brand', 1],
      ]);
      expect(t.alerts[0].details).toEqual({ platform: 'x', author: '@star', followers: 250_000, url: 'https://x.com/star/1' });
    });
  });

  describe('de-duplication and cool-down', () => {
    const spike = { c60: 30, c15: 5, w1: 4, w2: 4, w3: 5, w4: 3 };
    const existing = (over: Partial<StoredAlert>): StoredAlert => ({
      id: 'alert-0', workspaceId: 'ws-1', ruleId: 'rule-1', brandId: 'brand-1', queryId: 'query-1', type: 'volume_spike', key: 'volume',
      title: 'old', details: {}, count: 11, raisedAt: new Date(NOW.getTime() - 2 * HOUR), status: 'open',
      lastSeenAt: new Date(NOW.getTime() - 2 * HOUR), occurrences: 1, ...over,
    });

    it.each([
      ['a live (open) alert is updated, not raised again', { status: 'open' as const }, 60, 'updated'],
      ['an acknowledged alert is updated too', { status: 'acknowledged' as const }, 60, 'updated'],
      ['resolved and seen within the cool-down: suppressed', { status: 'resolved' as const, lastSeenAt: new Date(NOW.getTime() - 30 * 60_000) }, 60, 'suppressed'],
      ['resolved, cool-down over: a new alert', { status: 'resolved' as const, lastSeenAt: new Date(NOW.getTime() - 90 * 60_000) }, 60, 'raised'],
      ['resolved, longer rule cool-down still running', { status: 'resolved' as const, lastSeenAt: new Date(NOW.getTime() - 90 * 60_000) }, 120, 'suppressed'],
    ])('%s', async (_name, over, cooldownMinutes, action) => {
      const t = setup({ rules: [rule({ cooldownMinutes })], spike, alerts: [existing(over)] });
      const [{ outcome }] = await t.evaluator.evaluateWorkspace('ws-1', NOW);
      expect(outcome.action).toBe(action);
      if (action === 'updated') {
        expect(outcome).toEqual({ action: 'updated', alertId: 'alert-0' });
        expect(t.alerts).toHaveLength(1);
        expect(t.alerts[0]).toMatchObject({ count: 30, occurrences: 2, lastSeenAt: NOW });
        expect(t.delivery.enqueue).not.toHaveBeenCalled();
      } else if (action === 'suppressed') {
        expect(t.alerts).toHaveLength(1);
        expect(t.delivery.enqueue).not.toHaveBeenCalled();
      } else {
        expect(t.alerts).toHaveLength(2);
        expect(t.delivery.enqueue).toHaveBeenCalledWith('alert-2');
      }
    });
  });

  it('a failing rule does not stop the others', async () => {
    const t = setup({ rules: [rule({ id: 'bad' }), rule({ id: 'good', type: 'negative_surge' })], negative: { count: 20, negative: 8, baselineCount: 100, baselineNegative: 10 } });
    t.mentions.spikeCounts.mockRejectedValueOnce(new Error('boom'));
    const out = await t.evaluator.evaluateWorkspace('ws-1', NOW);
    expect(out).toEqual([{ ruleId: 'good', outcome: { action: 'raised', alertId: 'alert-1' } }]);
  });
});
