import { type RunningSandbox, startSandbox } from '../index';

describe('instagram business discovery (how competitors are read)', () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await startSandbox({ port: 0, seed: 1, rateLimits: false });
  });
  afterAll(() => sb.close());

  it('reads a competitor public profile and pages through its media without private insights', async () => {
    const own = sb.accounts.find((a) => a.platform === 'instagram' && a.brandKind === 'own')!;
    const rival = sb.accounts.find((a) => a.platform === 'instagram' && a.brandKind === 'competitor')!;
    const fields = (after = '') =>
      `business_discovery.username(${rival.handle}){id,username,followers_count,media.limit(10)${after}{id,caption,like_count,comments_count,timestamp}}`;
    const url = (f: string) =>
      `${sb.baseUrls.instagram}/v21.0/${own.externalId}?fields=${encodeURIComponent(f)}&access_token=${own.token}`;
    const first = (await (await fetch(url(fields()))).json()) as {
      business_discovery: { id: string; username: string; followers_count: number; media: { data: Array<Record<string, unknown>>; paging?: { cursors: { after: string }; next: string } } };
    };
    const d = first.business_discovery;
    expect(d.id).toBe(rival.externalId);
    expect(d.username).toBe(rival.handle);
    expect(d.followers_count).toBeGreaterThan(0);
    expect(d.media.data).toHaveLength(10);
    expect(Object.keys(d.media.data[0]).sort()).toEqual(['caption', 'comments_count', 'id', 'like_count', 'timestamp']);
    const after = d.media.paging!.cursors.after;
    const second = (await (await fetch(url(fields(`.after(${after})`)))).json()) as typeof first;
    const ids = new Set(d.media.data.map((m) => m.id));
    expect(second.business_discovery.media.data.some((m) => ids.has(m.id))).toBe(false);
  });

  it('answers an unknown username with a Graph error', async () => {
    const own = sb.accounts.find((a) => a.platform === 'instagram' && a.brandKind === 'own')!;
    const res = await fetch(
      `${sb.baseUrls.instagram}/v21.0/${own.externalId}?fields=${encodeURIComponent('business_discovery.username(nobody){id}')}&access_token=${own.token}`,
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: number } }).error.code).toBe(110);
  });
});
