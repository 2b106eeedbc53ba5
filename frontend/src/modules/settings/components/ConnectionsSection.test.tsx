import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage, stubApi } from '../../../test/render';
import type { ConnectPlatformDto } from '@vigie/contracts';
import { ConnectionsSection } from './ConnectionsSection';

const base = { scopes: [], baseUrl: null };
const PLATFORMS: ConnectPlatformDto[] = [
  { ...base, platform: 'facebook', method: 'oauth', ready: false, appSource: null, clientId: null, redirectUri: 'http://localhost:3000/api/connect/callback/facebook', consoleUrl: 'https://developers.facebook.com/apps' },
  { ...base, platform: 'mastodon', method: 'instance-oauth', ready: true, appSource: null, clientId: null, redirectUri: 'http://localhost:3000/api/connect/callback/mastodon', consoleUrl: null },
  { ...base, platform: 'bluesky', method: 'app-password', ready: true, appSource: null, clientId: null, redirectUri: null, consoleUrl: 'https://bsky.app/settings/app-passwords' },
];

afterEach(() => vi.unstubAllGlobals());

describe('ConnectionsSection', () => {
  it('lists each platform with the exact redirect URI to register, and saves a workspace app', async () => {
    let rows = PLATFORMS;
    const calls = stubApi((url, init) => {
      if (url.pathname === '/api/workspaces/ws-1/connect/platforms/facebook/app' && init?.method === 'PUT') {
        const body = JSON.parse(String(init.body)) as { clientId: string };
        rows = rows.map((r) => (r.platform === 'facebook' ? { ...r, ready: true, appSource: 'workspace', clientId: body.clientId } : r));
        return { body: rows[0] };
      }
      if (url.pathname === '/api/workspaces/ws-1/connect/platforms') return { body: rows };
      return undefined;
    });
    renderPage(<ConnectionsSection workspaceId="ws-1" isAdmin />, { path: '/w/ws-1/settings', role: 'admin' });
    expect((await screen.findByTestId('redirect-facebook')).textContent).toBe('http://localhost:3000/api/connect/callback/facebook');
    expect(screen.getByTestId('redirect-mastodon').textContent).toBe('http://localhost:3000/api/connect/callback/mastodon');
    expect(screen.queryByTestId('redirect-bluesky')).toBeNull();
    expect(screen.getByTestId('connection-facebook').textContent).toContain('App not configured');
    fireEvent.click(screen.getByText('Configure the app'));
    fireEvent.change(screen.getByLabelText('Client id'), { target: { value: 'meta-123' } });
    fireEvent.change(screen.getByLabelText('Client secret'), { target: { value: 's3cret' } });
    fireEvent.click(screen.getByText('Save'));
    await waitFor(() => expect(screen.getByTestId('connection-facebook').textContent).toContain('client id meta-123'));
    const put = calls.find((c) => c.init?.method === 'PUT')!;
    expect(JSON.parse(String(put.init!.body))).toEqual({ clientId: 'meta-123', clientSecret: 's3cret' });
    expect(document.body.textContent).not.toContain('s3cret');
  });

  it('shows nothing to a non-admin', () => {
    const { container } = renderPage(<ConnectionsSection workspaceId="ws-1" isAdmin={false} />, { path: '/w/ws-1/settings', role: 'cm' });
    expect(container.querySelector('[data-testid="connections"]')).toBeNull();
  });
});
