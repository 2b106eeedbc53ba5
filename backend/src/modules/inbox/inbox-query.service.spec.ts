import { BadRequestException, NotFoundException } from '@nestjs/common';
import type { ChannelAccountsRepository } from '../channels/channel-accounts.repository';
import { itemRow } from './__tests__/item-row';
import type { KpiActivityMarksRepository } from '../kpi/kpi-activity-marks.repository';
import type { ItemDetailRow } from './inbox-item-view';
import type { InboxItemsRepository, InboxPageQuery, WorkspaceContextRow } from './inbox-items.repository';
import type { InboxNotesRepository } from './inbox-notes.repository';
import type { InboxRepliesService } from './inbox-replies.service';
import { decodeCursor, encodeCursor, InboxQueryService } from './inbox-query.service';
import type { TypeCorrectionsRepository } from './type-corrections.repository';

const WS = '00000000-0000-4000-8000-000000000001';

function row(id: string, at: string): ItemDetailRow {
  return itemRow({ id, published_at: new Date(at), cursor_ts: at, type: 'question', classified_type: 'question', text: `message ${id}`, display_name: 'Jeanne Martin', pseudonym: 'Lecteur 7' });
}

function setup(stored: ItemDetailRow[], ctx: Partial<WorkspaceContextRow> = {}) {
  const pages: InboxPageQuery[] = [];
  const items = {
    workspaceContext: jest.fn(async () => ({ timezone: 'Europe/Paris', language: 'fr' as const, pseudo: null, brand_found: true, ...ctx })),
    page: jest.fn(async (q: InboxPageQuery) => {
      pages.push(q);
      return stored.slice(0, q.take);
    }),
    findInWorkspace: jest.fn(async (_ws: string, id: string) => stored.find((r) => r.id === id)),
  } satisfies Partial<InboxItemsRepository>;
  const channels = { findInWorkspace: jest.fn(async () => null) } satisfies Partial<ChannelAccountsRepository>;
  // The brand activity version: a test raises it to stand for a write.
  const activity: { current: string; version: jest.Mock<Promise<string>, []> } = { current: '1', version: jest.fn(async (): Promise<string> => activity.current) };
  const service = new InboxQueryService(
    items as unknown as InboxItemsRepository,
    { listForItem: jest.fn(async () => []) } as unknown as InboxNotesRepository,
    { listForItem: jest.fn(async () => []) } as unknown as TypeCorrectionsRepository,
    channels as unknown as ChannelAccountsRepository,
    {} as unknown as InboxRepliesService,
    activity as unknown as KpiActivityMarksRepository,
  );
  return { service, pages, items, activity };
}

describe('inbox cursor', () => {
  it('round-trips the position of the last item', () => {
    expect(decodeCursor(encodeCursor('2025-03-01 10:00:00+00', '42'))).toEqual(['2025-03-01 10:00:00+00', '42']);
  });

  it.each([
    ['not base64 JSON', 'nope'],
    ['a forged id', Buffer.from(JSON.stringify(['2025-03-01', '1 OR 1=1'])).toString('base64url')],
    ['a bad date', Buffer.from(JSON.stringify(['yesterday', '1'])).toString('base64url')],
    ['a wrong shape', Buffer.from(JSON.stringify({ ts: '2025-03-01', id: '1' })).toString('base64url')],
  ])('refuses %s with a 400 naming the cursor', (_label, cursor) => {
    let err: unknown;
    try {
      decodeCursor(cursor);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BadRequestException);
    expect((err as BadRequestException).getResponse()).toMatchObject({ details: [{ field: 'cursor' }] });
  });
});

describe('InboxQueryService.list (repository fakes)', () => {
  const three = [row('3', '2025-03-03T10:00:00Z'), row('2', '2025-03-02T10:00:00Z'), row('1', '2025-03-01T10:00:00Z')];

  it('reads one row more than the page and gives a cursor only when there is a next page', async () => {
    const { service, pages } = setup(three);
    const first = await service.list(WS, { limit: 2 });
    expect(pages[0]).toMatchObject({ take: 3, newest: true, after: null });
    expect(first.items.map((i) => i.id)).toEqual(['3', '2']);
    expect(decodeCursor(first.nextCursor!)).toEqual([three[1].cursor_ts, '2']);

    const all = await service.list(WS, { limit: 3 });
    expect(all.nextCursor).toBeNull();
  });

  it('passes the decoded cursor and the sort order on to the repository', async () => {
    const { service, pages } = setup(three);
    await service.list(WS, { limit: 2, sort: 'oldest', cursor: encodeCursor('2025-03-02 10:00:00+00', '2') });
    expect(pages[0]).toMatchObject({ newest: false, after: ['2025-03-02 10:00:00+00', '2'] });
    expect(pages[0].filters).not.toHaveProperty('cursor');
  });

  it.each`
    pseudo   | name
    ${null}  | ${'Lecteur 7'}
    ${true}  | ${'Lecteur 7'}
    ${false} | ${'Jeanne Martin'}
  `('shows authors pseudonymised unless the workspace turned it off (setting $pseudo → $name)', async ({ pseudo, name }) => {
    const { service } = setup(three, { pseudo });
    const page = await service.list(WS, {});
    expect(page.items[0].author?.name).toBe(name);
  });

  it('reads a page once while the activity version holds, again after a write; ages and pseudonyms made each time', async () => {
    const { service, pages, items, activity } = setup(three);
    await service.list(WS, { limit: 2 });
    await service.list(WS, { limit: 2 });
    expect(pages).toHaveLength(1);
    // Another question is another page.
    await service.list(WS, { limit: 2, status: ['open'] });
    expect(pages).toHaveLength(2);
    activity.current = '2';
    await service.list(WS, { limit: 2 });
    expect(pages).toHaveLength(3);
    // The pseudonymisation setting is read on every request and applied to the kept rows.
    items.workspaceContext.mockResolvedValueOnce({ timezone: 'Europe/Paris', language: 'fr', pseudo: false, brand_found: true });
    expect((await service.list(WS, { limit: 2 })).items[0].author?.name).toBe('Jeanne Martin');
    expect(pages).toHaveLength(3);
  });

  it('404s on a brand of another workspace and on a channel account it does not hold', async () => {
    await expect(setup(three, { brand_found: false }).service.list(WS, { brandId: 'b2' })).rejects.toBeInstanceOf(NotFoundException);
    await expect(setup(three).service.list(WS, { channelAccountId: 'c2' })).rejects.toBeInstanceOf(NotFoundException);
  });

  it('404s on an item id that is not one (before any query)', async () => {
    const { service, items } = setup(three);
    await expect(service.row(WS, '1; DROP TABLE inbox_items')).rejects.toBeInstanceOf(NotFoundException);
    expect(items.findInWorkspace).not.toHaveBeenCalled();
  });
});
