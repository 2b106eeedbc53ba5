import type { BrandDto, Role, WorkspaceDto } from '@vigie/contracts';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { vi } from 'vitest';
import { AuthContext } from '../app/auth/auth-context';
import { WorkspaceContext } from '../app/workspace/workspace-context';
import { initI18n } from '../lib/i18n';
import type { AppLocale } from '../lib/format';

export const WORKSPACE: WorkspaceDto = {
  id: 'ws-1',
  name: 'Maison Test',
  timezone: 'Europe/Paris',
  language: 'fr',
  settings: {},
  isDemo: false,
  repliesNeedApproval: false,
  createdAt: '2025-01-01T00:00:00Z',
  role: 'admin',
};

export const BRANDS: BrandDto[] = [
  { id: '11111111-1111-4111-8111-111111111111', workspaceId: 'ws-1', name: 'Café Test', kind: 'own', logoUrl: null, createdAt: '2025-01-01T00:00:00Z' },
  { id: '22222222-2222-4222-8222-222222222222', workspaceId: 'ws-1', name: 'Rival', kind: 'competitor', logoUrl: null, createdAt: '2025-01-01T00:00:00Z' },
];

interface Options {
  path: string;
  role?: Role;
  locale?: AppLocale;
  brands?: BrandDto[];
  /** The workspace switcher's list (the current workspace is WORKSPACE). */
  workspaces?: WorkspaceDto[];
}

/** Renders a workspace page at `path` (e.g. '/w/ws-1/overview?from=…') with the app's providers. */
export function renderPage(page: ReactElement, options: Options) {
  return renderRoutes(<Route path="/w/:workspaceId/:page" element={page} />, options);
}

/** The app's providers (signed-in user, i18n, workspace, router at `path`) around `routes`. */
export function renderRoutes(routes: ReactElement, { path, role = 'admin', locale = 'en', brands = BRANDS, workspaces = [WORKSPACE] }: Options) {
  const i18n = initI18n(locale);
  void i18n.changeLanguage(locale);
  const me = { user: { id: 'u-me', email: 'me@example.com', name: 'Me', isInstanceAdmin: false }, memberships: [{ workspaceId: WORKSPACE.id, role }] };
  const auth = {
    state: { status: 'signed-in' as const, me },
    login: async () => me,
    logout: async () => undefined,
    refresh: async () => undefined,
  };
  return render(
    <AuthContext.Provider value={auth}>
    <I18nextProvider i18n={i18n}>
      <WorkspaceContext.Provider
        value={{
          workspace: WORKSPACE,
          workspaces,
          brands,
          reloadBrands: () => undefined,
          reloadWorkspaces: () => undefined,
          role,
          canAct: role !== 'viewer',
          isAdmin: role === 'admin',
        }}
      >
        <MemoryRouter initialEntries={[path]}>
          <Routes>{routes}</Routes>
        </MemoryRouter>
      </WorkspaceContext.Provider>
    </I18nextProvider>
    </AuthContext.Provider>,
  );
}

type Handler = (url: URL, init: RequestInit | undefined) => { status?: number; body?: unknown } | undefined;

/** Stubs fetch with a router over pathname; unknown routes answer 404 like Nest does. */
export function stubApi(handler: Handler) {
  const calls: Array<{ url: URL; init: RequestInit | undefined }> = [];
  const fn = vi.fn(async (input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://localhost');
    calls.push({ url, init });
    const r = handler(url, init) ?? { status: 404, body: { statusCode: 404, message: `Cannot GET ${url.pathname}` } };
    const status = r.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(r.body ?? null), { status });
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}
