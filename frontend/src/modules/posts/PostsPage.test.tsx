import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BRANDS, renderPage, stubApi } from '../../test/render';
import PostsPage from './PostsPage';

const post = (id: string, text: string, interactions: number) => ({
  id,
  channelAccountId: 'c1',
  platform: 'instagram',
  handle: 'cafetest',
  publishedAt: '2025-03-02T09:00:00.000Z',
  contentType: 'photo',
  text,
  permalink: 'https://instagram.com/p/' + id,
  metrics: { impressions: 1000, reach: 500, reactions: interactions, comments: 0, shares: 0, saves: 0, clicks: 3, videoViews: null, interactions },
  rates: { engagementRateByReach: interactions / 500, engagementRateByImpressions: interactions / 1000, ctr: 0.003 },
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('PostsPage', () => {
  it('sorts on the server from the URL, opens a post and exports every page as CSV', async () => {
    const calls = stubApi((url) => {
      if (url.pathname === '/api/workspaces/ws-1/channels') return { body: [] };
      if (url.pathname === '/api/workspaces/ws-1/posts') {
        return url.searchParams.get('cursor')
          ? { body: { items: [post('2', 'Deuxième', 10)], nextCursor: null } }
          : { body: { items: [post('1', 'Premier', 50)], nextCursor: 'next' } };
      }
      return undefined;
    });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:x';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);

    renderPage(<PostsPage />, { path: `/w/ws-1/posts?brandId=${BRANDS[0].id}&from=2025-03-01&to=2025-03-07`, locale: 'fr' });
    const table = await screen.findByTestId('posts-table');
    const cells = [...table.querySelectorAll('tbody td')].map((td) => td.textContent);
    expect(cells).toContain('10\u00a0%'); // 50 / 500

    fireEvent.click(screen.getByTestId('sort-interactions'));
    await waitFor(() => {
      const last = calls.filter((c) => c.url.pathname.endsWith('/posts')).at(-1)!;
      expect(last.url.searchParams.get('sort')).toBe('interactions');
      expect(last.url.searchParams.get('order')).toBe('desc');
    });
    await screen.findByTestId('posts-table');
    expect(screen.getByTestId('sort-interactions').closest('th')).toHaveAttribute('aria-sort', 'descending');

    fireEvent.click(screen.getByTestId('open-post'));
    expect(await screen.findByTestId('post-detail')).toHaveTextContent('Premier');

    fireEvent.click(screen.getByTestId('export-csv'));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const csv = await blobs[0].text();
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(3); // header + both pages
    expect(lines[1]).toContain('Premier');
    expect(lines[2]).toContain('Deuxième');
  });
});
