import { type RunningSandbox, type SandboxAccountWithUrl, startSandbox } from '@vigie/platform-sandbox';
import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp } from '../../../test-utils/test-app';
import { ChannelSyncService } from '../sync/channel-sync.service';
import { rawChecksums } from './db-checksums';
import { sandboxChannelBody } from './sandbox-accounts';

const DAY = 86_400_000;
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Follower history on the first sync (Facebook page_follows, Instagram follower_count) from the
 * platform sandbox into account_daily_stats, then the KPI API's follower tiles for the default
 * period (28 days ending yesterday) through HTTP.
 */
describe('follower history through sync and the KPI API', () => {
  let t: TestApp;
  let sb: RunningSandbox;
  let client: LoggedIn;
  let ws: string;
  let brandId: string;
  const ids: Record<string, string> = {};
  // Backend days are real UTC days; the sandbox clock is frozen at 12:00 UTC today, after the
  // end of yesterday's Pacific day (08:00 UTC), so yesterday is a finished day on both sides.
  const todayStart = Date.parse(`${dayOf(Date.now())}T00:00:00Z`);
  const frozen = new Date(todayStart + 12 * 3_600_000);
  const today = dayOf(todayStart);
  const yesterday = dayOf(todayStart - DAY);

  const sandboxAccount = (brandSlug: string, platform: string): SandboxAccountWithUrl =>
    sb.accounts.find((a) => a.brandSlug === brandSlug && a.platform === platform)!;
  const sync = (key: string) => t.app.get(ChannelSyncService).run(ids[key]);
  const statRows = async (key: string) =>
    (await t.db.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, followers FROM account_daily_stats WHERE channel_account_id = $1 ORDER BY day`,
      [ids[key]],
    )) as Array<{ day: string; followers: number }>;
  /** The Page's followers_count as the sandbox reports it at instant `at`. */
  async function pageFollowersAt(at: number): Promise<number> {
    const a = sandboxAccount('maison-lumiere', 'facebook');
    sb.setClock(new Date(at));
    try {
      const r = await fetch(`${sb.baseUrls.facebook}/v21.0/${a.externalId}?fields=followers_count&access_token=${a.token}`);
      return ((await r.json()) as { followers_count: number }).followers_count;
    } finally {
      sb.setClock(frozen);
    }
  }
  /** The LinkedIn organisation's follower count (networkSizes) at instant `at`. */
  async function orgFollowersAt(at: number): Promise<number> {
    const a = sandboxAccount('maison-lumiere', 'linkedin');
    sb.setClock(new Date(at));
    try {
      const urn = encodeURIComponent(`urn:li:organization:${a.externalId.replace(/^urn:li:organization:/, '')}`);
      const r = await fetch(`${sb.baseUrls.linkedin}/rest/networkSizes/${urn}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`, {
        headers: { authorization: `Bearer ${a.token}`, 'LinkedIn-Version': '202501', 'X-Restli-Protocol-Version': '2.0.0' },
      });
      return ((await r.json()) as { firstDegreeSize: number }).firstDegreeSize;
    } finally {
      sb.setClock(frozen);
    }
  }

  beforeAll(async () => {
    sb = await startSandbox({ port: 0, now: () => frozen, rateLimits: false });
    t = await createTestApp();
    const admin = await createUser(t.db, 'followers-admin@example.test');
    ws = await createWorkspace(t.db, 'Followers', [[admin, 'admin']]);
    client = await login(t, admin);
    brandId = ((await client.post(`/api/workspaces/${ws}/brands`, { name: 'Maison Lumière', kind: 'own' })).body as { id: string }).id;
    const rival = (await client.post(`/api/workspaces/${ws}/brands`, { name: 'Éclat Paris', kind: 'competitor' })).body as { id: string };
    const add = async (key: string, brand: string, a: SandboxAccountWithUrl) => {
      const res = await client.post(`/api/workspaces/${ws}/channels`, sandboxChannelBody(sb, brand, a));
      expect(res.status).toBe(201);
      ids[key] = (res.body as { id: string }).id;
    };
    await add('facebook', brandId, sandboxAccount('maison-lumiere', 'facebook'));
    await add('instagram', brandId, sandboxAccount('maison-lumiere', 'instagram'));
    await add('linkedin', brandId, sandboxAccount('maison-lumiere', 'linkedin'));
    await add('rival', rival.id, sandboxAccount('eclat-paris', 'facebook'));
  }, 60_000);

  afterAll(async () => {
    await t.close();
    await sb.close();
  });

  it('the first sync stores 90 past days for Facebook and LinkedIn, 29 for Instagram, none for a competitor', async () => {
    expect((await sync('facebook')).followerDays).toBe(90);
    expect((await sync('instagram')).followerDays).toBe(29);
    expect((await sync('linkedin')).followerDays).toBe(90);
    expect((await sync('rival')).followerDays).toBe(0);

    const fb = await statRows('facebook');
    expect(fb).toHaveLength(91); // today − 90 … yesterday, plus today's current count
    expect([fb[0].day, fb[89].day, fb[90].day]).toEqual([dayOf(todayStart - 90 * DAY), yesterday, today]);
    // A day's count is the Page's followers when that day ended (08:00 UTC the next day).
    expect(fb[89].followers).toBe(await pageFollowersAt(todayStart + 8 * 3_600_000));
    expect(fb[0].followers).toBe(await pageFollowersAt(todayStart - 89 * DAY + 8 * 3_600_000));

    const ig = await statRows('instagram');
    expect(ig).toHaveLength(30);
    expect([ig[0].day, ig[28].day, ig[29].day]).toEqual([dayOf(todayStart - 29 * DAY), yesterday, today]);
    // Rebuilt from daily new followers backwards from the current count (today's gains unknown → 0).
    expect(ig[28].followers).toBe(ig[29].followers);
    for (let i = 1; i < ig.length; i++) expect(ig[i].followers).toBeGreaterThanOrEqual(ig[i - 1].followers);
    expect(ig[0].followers).toBeLessThan(ig[29].followers);

    // LinkedIn: net daily gains up to now walked back from the current size = the count at UTC midnight.
    const li = await statRows('linkedin');
    expect(li).toHaveLength(91);
    expect(li[89].followers).toBe(await orgFollowersAt(todayStart));
    expect(li[30].followers).toBe(await orgFollowersAt(todayStart - 59 * DAY));

    expect((await statRows('rival')).map((r) => r.day)).toEqual([today]);
    const rivalPage = sandboxAccount('eclat-paris', 'facebook').externalId;
    expect(sb.requests().filter((r) => r.path.includes(`${rivalPage}/insights`))).toEqual([]);
  });

  it('a second sync asks no history and changes nothing', async () => {
    const before = await rawChecksums(t.db);
    sb.clearRequests();
    for (const key of Object.keys(ids)) expect((await sync(key)).followerDays).toBe(0);
    expect(await rawChecksums(t.db)).toEqual(before);
    expect(sb.requests().filter((r) => r.path.endsWith('/insights') && /page_follows|follower_count/.test(r.query.metric ?? ''))).toEqual([]);
    expect(sb.requests().filter((r) => r.path.includes('FollowerStatistics'))).toEqual([]);
  });

  it('a later sync reads only the days after the last stored one', async () => {
    const cut = dayOf(todayStart - 5 * DAY);
    await t.db.query(`DELETE FROM account_daily_stats WHERE channel_account_id = $1 AND day >= $2 AND day < $3`, [ids.facebook, cut, today]);
    sb.clearRequests();
    expect((await sync('facebook')).followerDays).toBe(5);
    const asked = sb.requests().filter((r) => r.query.metric === 'page_follows');
    expect(asked).toHaveLength(1);
    expect(asked[0].query.since).toBe(String((todayStart - 5 * DAY) / 1000));
    expect(await statRows('facebook')).toHaveLength(91);
  });

  it('GET /kpis for the 28 days ending yesterday fills followers, net followers and growth', async () => {
    const from = dayOf(todayStart - 28 * DAY);
    const fbEnd = await pageFollowersAt(todayStart + 8 * 3_600_000); // end of yesterday
    const fbStart = await pageFollowersAt(todayStart - 28 * DAY + 8 * 3_600_000); // end of the day before `from`
    const one = await client.get(`/api/workspaces/${ws}/kpis?brandId=${brandId}&from=${from}&to=${yesterday}&channelAccountId=${ids.facebook}`);
    expect(one.status).toBe(200);
    expect(one.body.kpis.followers).toBe(fbEnd);
    expect(one.body.kpis.netFollowers).toBe(fbEnd - fbStart);
    expect(one.body.kpis.followerGrowthRate).toBeCloseTo((fbEnd - fbStart) / fbStart, 12);
    expect(one.body.missing).not.toContain('followers');

    const ig = await statRows('instagram');
    const li = await statRows('linkedin');
    const at = (rows: Array<{ day: string; followers: number }>, d: string) => rows.find((r) => r.day === d)!.followers;
    const before = dayOf(todayStart - 29 * DAY);
    const brand = await client.get(`/api/workspaces/${ws}/kpis?brandId=${brandId}&from=${from}&to=${yesterday}`);
    expect(brand.body.kpis.followers).toBe(fbEnd + at(ig, yesterday) + at(li, yesterday));
    expect(brand.body.kpis.netFollowers).toBe(fbEnd - fbStart + at(ig, yesterday) - at(ig, before) + at(li, yesterday) - at(li, before));
    expect(brand.body.partial).not.toContain('netFollowers'); // every account has a count before the period
  });
});
