import type { NormalizedPost } from './channel-connector';
import { emptyMetrics } from './facebook/facebook.mapper';
import { PostRun } from './page-state';

const post = (externalId: string, publishedAt: string): NormalizedPost => ({
  externalId,
  publishedAt,
  contentType: 'status',
  text: externalId,
  permalink: null,
  author: null,
  metrics: emptyMetrics(),
  impressionsDefinition: null,
});

describe('PostRun cursor across pages', () => {
  const since = new Date('2024-01-01T00:00:00Z');

  it("keeps a first page's cursor extra (the newest id) on the run's last page", () => {
    const r1 = PostRun.start({ cursor: null, page: null, since }, 'test', 86_400_000);
    const p1 = r1.finish([post('30', '2024-01-03T00:00:00.000Z'), post('20', '2024-01-02T00:00:00.000Z')], 'tok-2', { sinceId: '30' });
    const r2 = PostRun.start({ cursor: null, page: p1.nextPage, since }, 'test', 86_400_000);
    const p2 = r2.finish([post('10', '2024-01-01T12:00:00.000Z')], null, {});
    expect(p2.nextPage).toBeNull();
    expect(p2.nextCursor).toEqual({ newestAt: '2024-01-03T00:00:00.000Z', newestId: '30', sinceId: '30' });
  });

  it('lets a later page override an extra', () => {
    const r1 = PostRun.start({ cursor: { newestAt: '2023-12-31T00:00:00.000Z', newestId: '5', etag: 'old' }, page: null, since }, 'test', 86_400_000);
    const p1 = r1.finish([post('30', '2024-01-03T00:00:00.000Z')], 'tok-2', { etag: 'a' });
    const p2 = PostRun.start({ cursor: null, page: p1.nextPage, since }, 'test', 86_400_000).finish([], null, { etag: 'b' });
    expect(p2.nextCursor).toMatchObject({ newestId: '30', etag: 'b' });
  });
});
