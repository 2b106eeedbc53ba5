import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage, stubApi } from '../../../test/render';
import { ApiTokensSection } from './ApiTokensSection';

const OLD = { id: 't-old', name: 'Zapier', workspaceId: 'ws-1', role: 'viewer', createdAt: '2025-01-02T10:00:00Z', lastUsedAt: null, revokedAt: null };

function section(role: 'admin' | 'cm' | 'viewer' = 'cm') {
  return renderPage(<ApiTokensSection workspaceId="ws-1" role={role} timezone="Europe/Paris" workspaceNames={{ 'ws-1': 'Maison Test' }} />, {
    path: '/w/ws-1/settings',
    role,
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('ApiTokensSection', () => {
  it('creates a token, shows its secret once with a copy button, and the secret is gone after closing', async () => {
    let tokens = [OLD];
    const calls = stubApi((url, init) => {
      if (url.pathname === '/api/auth/tokens' && init?.method === 'POST') {
        const body = JSON.parse(String(init.body)) as { name: string; role: string; workspaceId: string };
        const row = { id: 't-new', ...body, createdAt: '2025-02-01T09:00:00Z' };
        tokens = [{ ...row, lastUsedAt: null, revokedAt: null }, ...tokens];
        return { status: 201, body: { ...row, token: 'vgt_SECRET123' } };
      }
      if (url.pathname === '/api/auth/tokens') return { body: tokens };
      return undefined;
    });
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    section('cm');
    expect((await screen.findAllByText('Zapier')).length).toBeGreaterThan(0);
    // a CM cannot mint an admin token
    const roles = Array.from(screen.getByTestId<HTMLSelectElement>('token-role').options).map((o) => o.value);
    expect(roles).toEqual(['cm', 'viewer']);
    fireEvent.change(screen.getByTestId('token-name'), { target: { value: 'Script export' } });
    fireEvent.change(screen.getByTestId('token-role'), { target: { value: 'cm' } });
    fireEvent.click(screen.getByTestId('token-create'));
    expect((await screen.findByTestId('token-secret')).textContent).toBe('vgt_SECRET123');
    expect(screen.getByText(/You will not see this token again/)).toBeTruthy();
    const post = calls.find((c) => c.init?.method === 'POST')!;
    expect(JSON.parse(String(post.init!.body))).toEqual({ name: 'Script export', workspaceId: 'ws-1', role: 'cm' });
    fireEvent.click(screen.getByTestId('token-copy'));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('vgt_SECRET123'));
    expect(await screen.findByText('Copied')).toBeTruthy();
    expect((await screen.findAllByText('Script export')).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByTestId('token-dismiss'));
    expect(screen.queryByTestId('token-secret')).toBeNull();
    expect(document.body.textContent).not.toContain('vgt_SECRET123');
  });

  it('revokes after confirmation with DELETE, and shows the server error precisely', async () => {
    let revoked = false;
    const calls = stubApi((url, init) => {
      if (url.pathname === '/api/auth/tokens/t-old' && init?.method === 'DELETE') {
        revoked = true;
        return { status: 204 };
      }
      if (url.pathname === '/api/auth/tokens' && init?.method === 'POST')
        return { status: 403, body: { statusCode: 403, message: 'A token cannot have a higher role than yours (viewer)' } };
      if (url.pathname === '/api/auth/tokens') return { body: [revoked ? { ...OLD, revokedAt: '2025-02-03T08:00:00Z' } : OLD] };
      return undefined;
    });
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    section('viewer');
    fireEvent.click(await screen.findByTestId('token-revoke'));
    expect(confirm).toHaveBeenCalled();
    await waitFor(() => expect(calls.some((c) => c.init?.method === 'DELETE' && c.url.pathname === '/api/auth/tokens/t-old')).toBe(true));
    expect(await screen.findByText(/Revoked/)).toBeTruthy();
    expect(screen.queryByTestId('token-revoke')).toBeNull();
    fireEvent.change(screen.getByTestId('token-name'), { target: { value: 'x' } });
    fireEvent.click(screen.getByTestId('token-create'));
    expect(await screen.findByText(/higher role than yours \(viewer\)/)).toBeTruthy();
  });

  it('does not revoke when the confirmation is declined', async () => {
    const calls = stubApi((url) => (url.pathname === '/api/auth/tokens' ? { body: [OLD] } : undefined));
    vi.stubGlobal('confirm', vi.fn(() => false));
    section('admin');
    fireEvent.click(await screen.findByTestId('token-revoke'));
    expect(calls.some((c) => c.init?.method === 'DELETE')).toBe(false);
  });
});
