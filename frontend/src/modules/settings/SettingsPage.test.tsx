import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage, stubApi } from '../../test/render';
import SettingsPage from './SettingsPage';

const MEMBERS = [
  { id: 'm1', userId: 'u-me', email: 'me@example.com', name: 'Me', role: 'admin', createdAt: '' },
  { id: 'm2', userId: 'u-2', email: 'cm@example.com', name: 'CM', role: 'cm', createdAt: '' },
];

function api() {
  return stubApi((url, init) => {
    const p = url.pathname;
    if (p === '/api/workspaces/ws-1/members' && init?.method === 'POST')
      return { status: 201, body: { id: 'm3', userId: 'u-3', email: 'new@example.com', role: 'viewer', temporaryPassword: 'Tmp-123-xyz' } };
    if (p === '/api/workspaces/ws-1/members') return { body: MEMBERS };
    if (p === '/api/workspaces/ws-1/services') return { body: [{ id: 's1', name: 'SAV', email: 'sav@example.com', kind: 'sav' }] };
    if (p === '/api/workspaces/ws-1/privacy') return { body: { pseudonymizeAuthors: true, retentionDays: 365 } };
    return undefined;
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('SettingsPage', () => {
  it('lets an admin invite a user and shows the one-time password', async () => {
    const calls = api();
    renderPage(<SettingsPage />, { path: '/w/ws-1/settings', role: 'admin' });
    const table = await screen.findByTestId('members-table');
    // No role change or removal for oneself.
    expect(within(table).getAllByRole('combobox')).toHaveLength(1);
    fireEvent.change(screen.getAllByLabelText('Email').at(-1)!, { target: { value: 'new@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Invite' }));
    expect(await screen.findByText('Tmp-123-xyz')).toBeInTheDocument();
    const post = calls.find((c) => c.init?.method === 'POST' && c.url.pathname.endsWith('/members'))!;
    expect(JSON.parse(String(post.init?.body))).toEqual({ email: 'new@example.com', role: 'cm' });
  });

  it('shows a viewer the settings without any control that changes them', async () => {
    api();
    renderPage(<SettingsPage />, { path: '/w/ws-1/settings', role: 'viewer' });
    await screen.findByTestId('members-table');
    await waitFor(() => expect(screen.getByText('SAV')).toBeInTheDocument());
    // Personal API tokens are the viewer's own (a viewer may mint viewer tokens): the workspace's settings have no control.
    const tokens = screen.getByTestId('api-tokens');
    expect(screen.queryAllByRole('button').filter((b) => !tokens.contains(b))).toHaveLength(0);
    expect(screen.getByText('Only administrators can change these settings.')).toBeInTheDocument();
  });
});
