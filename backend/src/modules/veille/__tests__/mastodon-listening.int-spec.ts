import { type RunningSandbox, startSandbox } from '@vigie/platform-sandbox';
import type { ListeningStatusDto } from '@vigie/contracts';
import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp } from '../../../test-utils/test-app';
import { sandboxChannelBody } from '../../ingestion/__tests__/sandbox-accounts';
import { ListeningService } from '../listening/listening.service';

/**
 * Mastodon listening searches every positive term of the query: words through the instance's
 * full-text search (with an access token), hashtags through the tag timeline; without full text,
 * the listening status says so.
 */
describe('veille: Mastodon listening (full text, status)', () => {
  let t: TestApp;
  let sb: RunningSandbox;
  let admin: LoggedIn;
  let word: string;
  /** The sandbox's world is dated: poll as if an hour after its newest status (the first poll looks 3 days back). */
  let pollNow: Date;

  beforeAll(async () => {
    const frozen = new Date();
    sb = await startSandbox({ port: 0, now: () => frozen, rateLimits: false });
    t = await createTestApp({ env: { VIGIE_ROLE: 'api' } });
    const u = await createUser(t.db, 'admin@masto-listen.test');
    admin = await login(t, u);
    const acct = sb.accounts.find((a) => a.brandSlug === 'maison-lumiere' && a.platform === 'mastodon')!;
    const res = await fetch(`${sb.baseUrls.mastodon}/api/v1/accounts/${acct.externalId}/statuses?limit=40`);
    const statuses = (await res.json()) as Array<{ content: string; created_at: string }>;
    pollNow = new Date(Date.parse(statuses[0]!.created_at) + 3_600_000);
    const words = statuses
      .slice(0, 1)
      .flatMap((s) => s.content.replace(/<[^>]+>/g, ' ').split(/[^\p{L}]+/u))
      .filter((w) => w.length >= 7 && /^\p{Ll}+$/u.test(w));
    word = words[0]!;
    expect(word).toBeTruthy();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await sb?.close();
  });

  async function setup(name: string, withToken: boolean) {
    const ws = await createWorkspace(t.db, name, []);
    await t.db.query(`INSERT INTO memberships (workspace_id, user_id, role) SELECT $1, id, 'admin' FROM users WHERE email = 'admin@masto-listen.test'`, [ws]);
    const base = `/api/workspaces/${ws}`;
    const brandId = (await admin.post(`${base}/brands`, { name: 'Maison Lumière', kind: 'own' })).body.id;
    const acct = sb.accounts.find((a) => a.brandSlug === 'maison-lumiere' && a.platform === 'mastodon')!;
    const body = sandboxChannelBody(sb, brandId, acct);
    const ch = await admin.post(`${base}/channels`, withToken ? body : { ...body, credentials: undefined });
    expect(ch.status).toBe(201);
    const q = await admin.post(`${base}/watch-queries`, { brandId, kind: 'brand', name: 'Mot', query: `${word} OR #introuvable123 OR @someone` });
    expect(q.status).toBe(201);
    return { base, queryId: q.body.id as string };
  }

  it('with a token: full-text search for words, tag timeline for hashtags, both in the status', async () => {
    const { base, queryId } = await setup('Full text', true);
    const r = await t.app.get(ListeningService).pollSearch(queryId, 'mastodon', pollNow);
    expect(r.searches).toBe(2);
    expect(r.inserted).toBeGreaterThan(0);
    const status = (await admin.get(`${base}/watch-queries/${queryId}/listening`)).body as ListeningStatusDto[];
    expect(status.map((s) => [s.search, s.fullText, s.notice, s.lastError])).toEqual([
      ['#introuvable123', true, null, null],
      [word, true, null, null],
    ]);
    const mentions = (await admin.get(`${base}/mentions?queryId=${queryId}`)).body.items as Array<{ text: string }>;
    expect(mentions.length).toBe(r.inserted);
    for (const m of mentions) expect(m.text.toLowerCase()).toContain(word);
  });

  it('without full text (no token): searched as a hashtag, and the status says so', async () => {
    const { base, queryId } = await setup('Tags only', false);
    await t.app.get(ListeningService).pollSearch(queryId, 'mastodon', pollNow);
    const status = (await admin.get(`${base}/watch-queries/${queryId}/listening`)).body as ListeningStatusDto[];
    const w = status.find((s) => s.search === word)!;
    expect(w.fullText).toBe(false);
    expect(w.notice).toMatch(new RegExp(`cannot search full text without an access token: searched the hashtag #${word} instead of ${word}`));
  });
});
