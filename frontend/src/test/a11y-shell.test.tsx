import axe from 'axe-core';
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthContext } from '../app/auth/auth-context';
import { initI18n } from '../lib/i18n';
import { LoginPage } from '../modules/auth/LoginPage';
import { renderShell } from './render-shell';

const rules = { 'color-contrast': { enabled: false } };
const me = { user: { id: 'u', email: 'cm@example.com', name: 'CM', isInstanceAdmin: false }, memberships: [{ workspaceId: 'ws-1', role: 'cm' as const }] };

afterEach(() => vi.unstubAllGlobals());

describe('accessibility of the shell', () => {
  it('login page', async () => {
    const i18n = initI18n('fr');
    const { container } = render(
      <AuthContext.Provider value={{ state: { status: 'anonymous' }, login: async () => me, logout: async () => undefined, refresh: async () => undefined }}>
        <I18nextProvider i18n={i18n}>
          <MemoryRouter initialEntries={['/login']}>
            <LoginPage />
          </MemoryRouter>
        </I18nextProvider>
      </AuthContext.Provider>,
    );
    expect(screen.getByLabelText('Mot de passe')).toHaveAttribute('type', 'password');
    expect((await axe.run(container, { rules })).violations.map((v) => v.id)).toEqual([]);
  });

  it('app shell with navigation, switchers and period picker', async () => {
    const { container } = renderShell('/w/ws-1/overview?from=2025-03-01&to=2025-03-02', <h1>Overview</h1>);
    expect(screen.getByTestId('nav-overview')).toHaveAttribute('aria-current', 'page');
    // Links keep the filters of the URL.
    expect(screen.getByTestId('nav-posts')).toHaveAttribute('href', '/w/ws-1/posts?from=2025-03-01&to=2025-03-02');
    expect(screen.getByTestId('period-preset')).toHaveValue('custom');
    expect((await axe.run(container, { rules })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  });
});
