import { account, get, start, START } from './helpers';
import type { Json, TestSandbox } from './helpers';

const DAY = 86_400_000;
const unix = (iso: string) => Date.parse(iso) / 1000;

/**
 * Follower history of owned accounts: Facebook `page_follows` (a count per day) and Instagram
 * `follower_count` (new followers per day), both from the world's followers(t), complete days only.
 */
describe('follower history insights', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await start();
  });
  afterAll(() => t.sb.close());
  afterEach(() => {
    t.clock.t = START.getTime();
  });
  const url = (p: string) => `${t.sb.url}${p}`;
  /** followers_count as the object itself reports it at instant `at` (the clock moved there). */
  async function followersAt(platform: 'facebook' | 'instagram', at: number): Promise<number> {
    const a = account(t.sb, platform);
    const saved = t.clock.t;
    t.clock.t = at;
    const r = await get(url(`/${platform}/v21.0/${a.externalId}?fields=followers_count&access_token=${a.token}`));
    t.clock.t = saved;
    return r.body.followers_count;
  }

  it('Facebook page_follows: one count per day, stamped with the day end (08:00 UTC), the unfinished day left out', async () => {
    const fb = account(t.sb, 'facebook');
    // Clock 2025-12-01 10:00 UTC: the Pacific day of Nov 30 ended at 08:00 UTC today.
    const q = `metric=page_follows&period=day&since=${unix('2025-11-01T00:00:00Z')}&until=${unix('2025-12-01T00:00:00Z')}`;
    const r = await get(url(`/facebook/v21.0/${fb.externalId}/insights?${q}&access_token=${fb.token}`));
    expect(r.status).toBe(200);
    const values: Json[] = r.body.data[0].values;
    expect(r.body.data[0]).toMatchObject({ name: 'page_follows', period: 'day', id: `${fb.externalId}/insights/page_follows/day` });
    expect(values).toHaveLength(31); // end_times Nov 1 08:00 … Dec 1 08:00
    expect(values[0].end_time).toBe('2025-11-01T08:00:00+0000');
    expect(values[30].end_time).toBe('2025-12-01T08:00:00+0000');
    for (const v of [values[0], values[17], values[30]]) {
      expect(v.value).toBe(await followersAt('facebook', Date.parse(v.end_time.replace('+0000', 'Z'))));
    }
    // At 07:00 UTC the day of Nov 30 is not over yet: it is not served.
    t.clock.t = Date.parse('2025-12-01T07:00:00Z');
    const early = await get(url(`/facebook/v21.0/${fb.externalId}/insights?${q}&access_token=${fb.token}`));
    expect(early.body.data[0].values.map((v: Json) => v.end_time).pop()).toBe('2025-11-30T08:00:00+0000');
  });

  it('Facebook refuses more than 93 days per query and another brand’s Page', async () => {
    const fb = account(t.sb, 'facebook');
    const long = await get(
      url(`/facebook/v21.0/${fb.externalId}/insights?metric=page_follows&period=day&since=${unix('2025-08-01T00:00:00Z')}&until=${unix('2025-12-01T00:00:00Z')}&access_token=${fb.token}`),
    );
    expect([long.status, long.body.error.code]).toEqual([400, 100]);
    const rival = account(t.sb, 'facebook', 'eclat-paris');
    const denied = await get(url(`/facebook/v21.0/${rival.externalId}/insights?metric=page_follows&period=day&access_token=${fb.token}`));
    expect([denied.status, denied.body.error.code]).toEqual([403, 10]);
  });

  it('Instagram follower_count: new followers of each finished day (07:00 UTC ends), at most 30 days', async () => {
    const ig = account(t.sb, 'instagram');
    const now = START.getTime();
    const r = await get(
      url(`/instagram/v21.0/${ig.externalId}/insights?metric=follower_count&period=day&since=${unix('2025-11-02T00:00:00Z')}&until=${now / 1000}&access_token=${ig.token}`),
    );
    expect(r.status).toBe(200);
    const values: Json[] = r.body.data[0].values;
    expect(values).toHaveLength(29); // days Nov 2 … Nov 30 (ends Nov 3 07:00 … Dec 1 07:00); Dec 1 is unfinished
    expect(values[0].end_time).toBe('2025-11-03T07:00:00+0000');
    expect(values[28].end_time).toBe('2025-12-01T07:00:00+0000');
    expect(values.reduce((s: number, v: Json) => s + v.value, 0)).toBeGreaterThan(0);
    for (const v of [values[0], values[28]]) {
      const end = Date.parse(v.end_time.replace('+0000', 'Z'));
      const gain = (await followersAt('instagram', end)) - (await followersAt('instagram', end - DAY));
      expect(v.value).toBe(Math.max(0, gain));
    }
    const long = await get(
      url(`/instagram/v21.0/${ig.externalId}/insights?metric=follower_count&period=day&since=${unix('2025-10-30T00:00:00Z')}&until=${now / 1000}&access_token=${ig.token}`),
    );
    expect([long.status, long.body.error.code]).toEqual([400, 100]);
  });
});
