import type { WorkspaceDto } from '@vigie/contracts';
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../lib/i18n';
import { presetPeriod, todayIn } from '../../lib/period';
import { BRANDS, WORKSPACE } from '../../test/render';
import { AuthContext } from '../auth/auth-context';
import { WorkspaceContext } from '../workspace/workspace-context';
import { AppShell } from './AppShell';

const OTHER: WorkspaceDto = { ...WORKSPACE, id: 'ws-2', name: 'Agence B' };
const me = { user: { id: 'u', email: 'cm@example.com', name: 'CM', isInstanceAdmin: false }, memberships: [{ workspaceId: 'ws-1', role: 'cm' as const }] };

function Where() {
  const l = useLocation();
  return <output data-testid="where">{l.pathname + l.search}</output>;
}

function renderShell(path: string) {
  const i18n = initI18n('en');
  void i18n.changeLanguage('en');
  return render(
    <AuthContext.Provider value={{ state: { status: 'signed-in', me }, login: async () => me, logout: async () => undefined, refresh: async () => undefined }}>
      <I18nextProvider i18n={i18n}>
        <WorkspaceContext.Provider
          value={{ workspace: WORKSPACE, workspaces: [WORKSPACE, OTHER], brands: BRANDS, reloadBrands: () => undefined, reloadWorkspaces: () => undefined, role: 'cm', canAct: true, isAdmin: false }}
        >
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              <Route path="/w/:workspaceId" element={<AppShell />}>
                <Route path=":page" element={<Where />} />
              </Route>
            </Routes>
          </MemoryRouter>
        </WorkspaceContext.Provider>
      </I18nextProvider>
    </AuthContext.Provider>,
  );
}

describe('TopBar', () => {
  it('writes the chosen period and brand into the URL, and the navigation keeps them', () => {
    renderShell('/w/ws-1/overview');
    fireEvent.change(screen.getByTestId('period-preset'), { target: { value: '7d' } });
    const p = presetPeriod('7d', todayIn('Europe/Paris'));
    expect(screen.getByTestId('where')).toHaveTextContent(`/w/ws-1/overview?from=${p.from}&to=${p.to}`);
    fireEvent.change(screen.getByTestId('brand-switcher'), { target: { value: BRANDS[1].id } });
    expect(screen.getByTestId('nav-posts')).toHaveAttribute('href', `/w/ws-1/posts?brandId=${BRANDS[1].id}&from=${p.from}&to=${p.to}`);
  });

  it('drops the brand but keeps the period and page when switching workspace', () => {
    renderShell(`/w/ws-1/posts?brandId=${BRANDS[0].id}&from=2025-03-01&to=2025-03-07`);
    fireEvent.change(screen.getByTestId('workspace-switcher'), { target: { value: 'ws-2' } });
    expect(screen.getByTestId('where')).toHaveTextContent('/w/ws-2/posts?from=2025-03-01&to=2025-03-07');
  });

  it('ignores a brand id that is not in the workspace', () => {
    renderShell('/w/ws-1/overview?brandId=not-a-brand');
    expect(screen.getByTestId('brand-switcher')).toHaveValue(BRANDS[0].id);
  });
});
