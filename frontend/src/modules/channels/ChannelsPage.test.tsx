import type { ChannelDto } from '@vigie/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BRANDS, renderPage, stubApi } from '../../test/render';
import ChannelsPage from './ChannelsPage';

const channel: ChannelDto = {
  id: 'c1',
  brandId: BRANDS[0].id,
  platform: 'facebook',
  handle: 'cafetest',
  externalId: '123',
  displayName: 'Café Test',
  baseUrl: null,
  status: 'failing',
  lastError: 'facebook: token expired (code 190)',
  lastErrorAt: '2025-03-01T10:00:00Z',
  lastSuccessAt: null,
  lastSyncAt: null,
  tokenExpiresAt: null,
  createdAt: '2025-01-01T00:00:00Z',
};

afterEach(() => vi.unstubAllGlobals());

describe('ChannelsPage', () => {
  it('shows the status and last error, and queues a sync with the CSRF-protected POST', async () => {
    const calls = stubApi((url, init) => {
      if (url.pathname === '/api/workspaces/ws-1/channels') return { body: [channel] };
      if (url.pathname === '/api/workspaces/ws-1/channels/c1/sync' && init?.method === 'POST')
        return { status: 202, body: { queued: true, channelAccountId: 'c1' } };
      return undefined;
    });
    renderPage(<ChannelsPage />, { path: '/w/ws-1/channels', role: 'cm' });
    const row = await screen.findByTestId('channel-c1');
    expect(within(row).getByTestId('channel-status')).toHaveAttribute('data-status', 'failing');
    expect(row).toHaveTextContent('facebook: token expired (code 190)');
    // cm may sync but not remove accounts or connect new ones (admin only).
    expect(within(row).queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(screen.queryByTestId('add-channel')).toBeNull();
    fireEvent.click(within(row).getByTestId('sync-now'));
    await screen.findByText(/Synchronisation of cafetest queued/);
    expect(calls.some((c) => c.url.pathname.endsWith('/c1/sync') && c.init?.method === 'POST')).toBe(true);
  });

  it('shows a viewer no action at all', async () => {
    stubApi((url) => (url.pathname === '/api/workspaces/ws-1/channels' ? { body: [channel] } : undefined));
    renderPage(<ChannelsPage />, { path: '/w/ws-1/channels', role: 'viewer' });
    await screen.findByTestId('channel-c1');
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(screen.queryByTestId('import-form')).toBeNull();
  });

  it('uploads a CSV, polls the import and lists rejected rows', async () => {
    let polls = 0;
    const calls = stubApi((url, init) => {
      if (url.pathname === '/api/workspaces/ws-1/channels') return { body: [] };
      if (url.pathname === '/api/workspaces/ws-1/imports' && init?.method === 'POST') return { status: 201, body: { id: 'imp1' } };
      if (url.pathname === '/api/workspaces/ws-1/imports/imp1') {
        polls += 1;
        return {
          body: {
            status: 'done',
            progress: 1,
            rowsTotal: 3,
            rowsImported: 2,
            rowsSkipped: 1,
            errors: [{ row: 3, column: 'Lifetime Post Total Reach', reason: 'not a number: "abc"' }],
            notes: ['Unknown column ignored: Foo'],
          },
        };
      }
      return undefined;
    });
    renderPage(<ChannelsPage />, { path: '/w/ws-1/channels', role: 'admin' });
    await screen.findByText('No account connected yet');
    const file = new File(['a,b\n1,2\n'], 'export.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const status = await screen.findByTestId('import-status');
    await waitFor(() => expect(status).toHaveAttribute('data-status', 'done'));
    expect(polls).toBe(1); // finished: no more polling
    expect(screen.getByTestId('import-errors')).toHaveTextContent('not a number: "abc"');
    expect(status).toHaveTextContent('2 rows imported, 1 skipped, out of 3.');
    expect(status).toHaveTextContent('Unknown column ignored: Foo');
    const post = calls.find((c) => c.url.pathname.endsWith('/imports'))!;
    const body = post.init?.body as FormData;
    // The server streams the upload and needs the fields before the file.
    expect([...body.keys()]).toEqual(['format', 'brandId', 'file']);
    expect(body.get('format')).toBe('facebook-insights');
    expect(body.get('brandId')).toBe(BRANDS[0].id);
    expect((body.get('file') as File).name).toBe('export.csv');
  });
});
