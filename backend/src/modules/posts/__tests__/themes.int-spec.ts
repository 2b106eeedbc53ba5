import type { ConversationThemesDto, InboxDetailDto, InboxPageDto } from '@vigie/contracts';
import { detectAspects } from '@vigie/text';
import { EnrichmentService } from '../../enrichment/enrichment.service';
import { IngestionWriter, type WriteTarget } from '../../ingestion/writer/ingestion-writer.service';
import { brandReply, communityComment, post } from '../../inbox/__tests__/inbox-world';
import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp } from '../../../test-utils/test-app';

/** Community comments with clear themes, March 2025 (the period) and late February (the previous one). */
const COMMENTS: Array<[key: string, text: string, at: string]> = [
  ['fast', 'Livraison super rapide, merci !', '2025-03-05T10:00:00.000Z'],
  ['late-sav', 'Le colis est arrivé en retard et le service client ne répond pas', '2025-03-06T10:00:00.000Z'],
  ['late-en', 'The delivery was late again', '2025-03-07T09:00:00.000Z'],
  // Two clauses about delivery: it counts once, with its worst tone.
  ['mixed', 'Livraison rapide mais livraison du deuxième colis catastrophique', '2025-03-07T10:00:00.000Z'],
  ['none', 'Bonjour, vous êtes ouverts dimanche ?', '2025-03-07T11:00:00.000Z'],
  ['prev-staff', 'Great staff, very friendly', '2025-02-26T10:00:00.000Z'],
  ['prev-late', 'The delivery was late again', '2025-02-27T10:00:00.000Z'],
  // After the period (00:30 on 11 March in Paris).
  ['after', 'Livraison super rapide, merci !', '2025-03-10T23:30:00.000Z'],
];

describe('conversation themes and classifier explanations (HTTP, real Postgres)', () => {
  let t: TestApp;
  let cm: LoggedIn;
  let stranger: LoggedIn;
  let ws: string;
  let brandId: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { VIGIE_SYNC_TICK_MS: '0' } });
    const u = await createUser(t.db, 'cm@themes.test');
    const other = await createUser(t.db, 'other@themes.test');
    const wsId = await createWorkspace(t.db, 'Themes', [[u, 'admin']]);
    await createWorkspace(t.db, 'Elsewhere', [[other, 'admin']]);
    ws = `/api/workspaces/${wsId}`;
    cm = await login(t, u);
    stranger = await login(t, other);
    brandId = (await cm.post(`${ws}/brands`, { name: 'Maison Lumière', kind: 'own' })).body.id;
    const channelAccountId = (await cm.post(`${ws}/channels`, { brandId, platform: 'facebook', handle: 'lumiere' })).body.id;
    const fb: WriteTarget = { workspaceId: wsId, brandId, channelAccountId, platform: 'facebook' };
    const writer = t.app.get(IngestionWriter);
    await writer.writePosts(fb, [post('p1', '2025-02-20T09:00:00.000Z', 'Nouvelle collection')]);
    await writer.writeComments(fb, [
      ...COMMENTS.map(([k, text, at]) => communityComment(k, 'p1', text, at)),
      // The brand's own words are not what the community talks about.
      brandReply('promo', 'p1', 'c-fast', '2025-03-05T11:00:00.000Z', 'Livraison offerte ce week-end, profitez-en !'),
    ]);
    await t.app.get(EnrichmentService).drain();
  });
  afterAll(() => t.close());

  it('the detector reads these texts as the test assumes (a model change shows here first)', () => {
    const seen = (text: string) => detectAspects(text).map((a) => `${a.aspect}:${a.polarity}`);
    expect(seen(COMMENTS[0]![1])).toEqual(['delivery:positive']);
    expect(seen(COMMENTS[1]![1])).toEqual(['delivery:negative', 'customer_service:negative']);
    expect(seen(COMMENTS[2]![1])).toEqual(['delivery:negative']);
    expect(seen(COMMENTS[3]![1])).toEqual(['delivery:positive', 'delivery:negative']);
    expect(seen(COMMENTS[4]![1])).toEqual([]);
    expect(seen(COMMENTS[5]![1])).toEqual(['staff:positive']);
  });

  it('counts each community comment once per theme with its worst tone, next to the previous period', async () => {
    const res = await cm.get(`${ws}/themes?brandId=${brandId}&from=2025-03-01&to=2025-03-10`);
    expect(res.status).toBe(200);
    const body = res.body as ConversationThemesDto;
    expect(body.period).toEqual({ from: '2025-03-01', to: '2025-03-10' });
    expect(body.previousPeriod).toEqual({ from: '2025-02-19', to: '2025-02-28' });
    expect([body.analysedComments, body.withTheme]).toEqual([5, 4]);
    expect(body.themes).toEqual([
      { aspect: 'delivery', comments: 4, negative: 3, neutral: 0, positive: 1, net: -0.5, previousComments: 1 },
      { aspect: 'customer_service', comments: 1, negative: 1, neutral: 0, positive: 0, net: -1, previousComments: 0 },
    ]);
  });

  it('refuses a bad period with the field, and another workspace’s brand', async () => {
    const bad = await cm.get(`${ws}/themes?brandId=${brandId}&from=2025-03-10&to=2025-03-01`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/from|to/);
    expect((await stranger.get(`${ws}/themes?brandId=${brandId}&from=2025-03-01&to=2025-03-10`)).status).toBe(404);
  });

  it('the inbox detail explains the type: cues at their place in the text, confidence, the themes', async () => {
    const page = (await cm.get(`${ws}/inbox?brandId=${brandId}&view=all&limit=50`)).body as InboxPageDto;
    const item = page.items.find((i) => i.text.startsWith('Le colis est arrivé en retard'))!;
    expect(item.type).toBe('complaint');
    const d = (await cm.get(`${ws}/inbox/${item.id}`)).body as InboxDetailDto;
    expect(d.explanation).not.toBeNull();
    expect(d.explanation!.confidence).toBeGreaterThan(0.5);
    expect(d.explanation!.cues.length).toBeGreaterThan(0);
    const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (const c of d.explanation!.cues) expect([c.text, fold(d.text.slice(c.start, c.end))]).toEqual([c.text, c.text]);
    expect(d.aspects.map((a) => [a.aspect, a.polarity, d.text.slice(a.start, a.end).toLowerCase()])).toEqual([
      ['delivery', 'negative', 'colis'],
      ['customer_service', 'negative', 'service client'],
    ]);
    // A CM's correction replaces the classifier's type: its reasons no longer apply.
    expect((await cm.post(`${ws}/inbox/${item.id}/type`, { type: 'question' })).status).toBeLessThan(300);
    expect(((await cm.get(`${ws}/inbox/${item.id}`)).body as InboxDetailDto).explanation).toBeNull();
  });
});
