import { ClickRecorder } from './click-recorder.service';
import type { ClickAttributionRow, LinkClickRow, LinkClickSaltRow, LinkClicksRepository } from './link-clicks.repository';

type Surface<T> = { [K in keyof T]: T[K] };

/** link_clicks / link_click_salts in memory. */
class FakeLinkClicks implements Surface<LinkClicksRepository> {
  clicks: LinkClickRow[] = [];
  salts = new Map<string, Buffer>();
  saltReads = 0;
  deletedBefore: string[] = [];

  async insert(click: Omit<LinkClickRow, 'id'>): Promise<string> {
    const id = `click-${this.clicks.length + 1}`;
    this.clicks.push({ id, ...click });
    return id;
  }

  async findWithLink(): Promise<ClickAttributionRow | undefined> {
    return undefined;
  }

  async insertSalt(row: LinkClickSaltRow): Promise<void> {
    if (!this.salts.has(row.day)) this.salts.set(row.day, row.salt);
  }

  async deleteSaltsBefore(day: string): Promise<void> {
    this.deletedBefore.push(day);
  }

  async salt(day: string): Promise<Buffer> {
    this.saltReads++;
    const salt = this.salts.get(day);
    if (!salt) throw new Error(`no salt for ${day}`);
    return salt;
  }
}

describe('ClickRecorder', () => {
  const build = () => {
    const repo = new FakeLinkClicks();
    return { repo, recorder: new ClickRecorder(repo as unknown as LinkClicksRepository) };
  };

  it('stores a salted visitor hash, never the IP, and reads the day salt once per day', async () => {
    const { repo, recorder } = build();
    const day = new Date('2026-03-01T10:00:00Z');
    const a = await recorder.record('link-1', 'social', '203.0.113.7', 'Firefox', day);
    const b = await recorder.record('link-1', 'social', '203.0.113.7', 'Firefox', new Date('2026-03-01T18:00:00Z'));
    expect([a, b]).toEqual(['click-1', 'click-2']);
    expect(repo.saltReads).toBe(1);
    expect(repo.clicks[0]).toMatchObject({ link_id: 'link-1', referrer_class: 'social', clicked_at: day });
    expect(repo.clicks[0].visitor_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(repo.clicks)).not.toContain('203.0.113.7');
    // Same visitor the same day: same hash (unique clicks per day).
    expect(repo.clicks[1].visitor_hash).toBe(repo.clicks[0].visitor_hash);
  });

  it('draws a new salt the next day (old salts deleted), so hashes cannot be linked across days', async () => {
    const { repo, recorder } = build();
    await recorder.record('link-1', 'direct', '203.0.113.7', 'Firefox', new Date('2026-03-01T10:00:00Z'));
    await recorder.record('link-1', 'direct', '203.0.113.7', 'Firefox', new Date('2026-03-02T10:00:00Z'));
    expect(repo.saltReads).toBe(2);
    expect(repo.deletedBefore).toEqual(['2026-03-01', '2026-03-02']);
    expect(repo.clicks[1].visitor_hash).not.toBe(repo.clicks[0].visitor_hash);
  });

  it('uses the salt another replica stored first', async () => {
    const { repo, recorder } = build();
    repo.salts.set('2026-03-01', Buffer.alloc(32, 7));
    await recorder.record('link-1', 'email', '198.51.100.1', 'Safari', new Date('2026-03-01T10:00:00Z'));
    const other = build();
    other.repo.salts.set('2026-03-01', Buffer.alloc(32, 7));
    await other.recorder.record('link-1', 'email', '198.51.100.1', 'Safari', new Date('2026-03-01T11:00:00Z'));
    expect(other.repo.clicks[0].visitor_hash).toBe(repo.clicks[0].visitor_hash);
  });
});
