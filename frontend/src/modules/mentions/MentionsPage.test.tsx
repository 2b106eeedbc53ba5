import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BRANDS, renderPage, stubApi } from '../../test/render';
import MentionsPage from './MentionsPage';
import type { MentionDto } from '@vigie/contracts';

const m = (id: string, text: string): MentionDto => ({
  id,
  platform: 'bluesky',
  source: 'bsky.app',
  externalId: null,
  kind: 'post',
  origin: 'search',
  text,
  url: 'https://bsky.app/post/1',
  author: { externalId: 'a', handle: 'lecteur.bsky.social', name: 'Lecteur', followers: 1234 },
  reach: 1234,
  engagement: 5,
  language: 'fr',
  sentiment: { label: 'negative', score: -0.6 },
  isOwnContent: false,
  publishedAt: '2025-03-02T09:00:00Z',
  matchedAt: '2025-03-02T09:01:00Z',
  queryIds: ['q1'],
  brandIds: [],
});

afterEach(() => vi.unstubAllGlobals());

describe('MentionsPage', () => {
  it('highlights the matched words with the shared matcher and pages with the cursor', async () => {
    const calls = stubApi((url) => {
      if (url.pathname === '/api/workspaces/ws-1/watch-queries') return { body: [{ id: 'q1', brandId: BRANDS[0].id, kind: 'brand', name: 'Marque', query: 'café', active: true }] };
      if (url.pathname === '/api/workspaces/ws-1/mentions') {
        return url.searchParams.get('cursor')
          ? { body: { items: [m('2', 'Encore un café <script>alert(1)</script>')], nextCursor: null } }
          : { body: { items: [m('1', 'Ce café est trop cher')], nextCursor: 'c1' } };
      }
      return undefined;
    });
    const { container } = renderPage(<MentionsPage />, {
      path: `/w/ws-1/mentions?brandId=${BRANDS[0].id}&from=2025-03-01&to=2025-03-07&sentiment=negative`,
    });
    const feed = await screen.findByTestId('mention-feed');
    await waitFor(() => expect(within(feed).getByText('café').tagName).toBe('MARK'));
    const first = calls.find((c) => c.url.pathname.endsWith('/mentions'))!;
    expect(first.url.searchParams.get('sentiment')).toBe('negative');
    expect(first.url.searchParams.get('from')).toBe('2025-03-01');

    fireEvent.click(screen.getByRole('button', { name: 'Load more mentions' }));
    await waitFor(() => expect(screen.getAllByTestId('mention')).toHaveLength(2));
    expect(screen.getByText(/<script>alert\(1\)<\/script>/)).toBeInTheDocument();
    expect(container.querySelector('script')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Load more mentions' })).toBeNull();
  });
});
