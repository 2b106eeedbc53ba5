import type { WorkspaceDto } from '@vigie/contracts';
import type { ReactElement } from 'react';
import { Route } from 'react-router-dom';
import { AppShell } from '../app/shell/AppShell';
import { renderRoutes } from './render';

/** Renders `page` inside the app shell (navigation, switchers, period picker) at `path`, as a CM. */
export function renderShell(path: string, page: ReactElement, workspaces?: WorkspaceDto[]) {
  return renderRoutes(
    <Route path="/w/:workspaceId" element={<AppShell />}>
      <Route path=":page" element={page} />
    </Route>,
    { path, role: 'cm', workspaces },
  );
}
