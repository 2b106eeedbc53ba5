import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { HomeRedirect } from '../modules/auth/HomeRedirect';
import { LoginPage } from '../modules/auth/LoginPage';
import { NotFoundPage } from '../modules/auth/NotFoundPage';
import { RequireAuth } from './auth/RequireAuth';
import type { PageKey } from './pages';
import { WorkspaceLayout } from './workspace/WorkspaceLayout';

// One chunk per page: the initial bundle holds only the shell and the login page.
const CrisisPage = lazy(() => import('../modules/crisis/CrisisPage'));
const PAGE_COMPONENTS: Record<PageKey, LazyExoticComponent<ComponentType>> = {
  overview: lazy(() => import('../modules/overview/OverviewPage')),
  posts: lazy(() => import('../modules/posts/PostsPage')),
  mentions: lazy(() => import('../modules/mentions/MentionsPage')),
  alerts: lazy(() => import('../modules/alerts/AlertsPage')),
  crises: lazy(() => import('../modules/crisis/CrisesPage')),
  inbox: lazy(() => import('../modules/inbox/InboxPage')),
  veille: lazy(() => import('../modules/veille/VeillePage')),
  competitors: lazy(() => import('../modules/competitors/CompetitorsPage')),
  influencers: lazy(() => import('../modules/influencers/InfluencersPage')),
  channels: lazy(() => import('../modules/channels/ChannelsPage')),
  links: lazy(() => import('../modules/links/LinksPage')),
  reports: lazy(() => import('../modules/reports/ReportsPage')),
  settings: lazy(() => import('../modules/settings/SettingsPage')),
};

export function createRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    {
      path: '/',
      element: (
        <RequireAuth>
          <HomeRedirect />
        </RequireAuth>
      ),
    },
    {
      path: '/w/:workspaceId',
      element: (
        <RequireAuth>
          <WorkspaceLayout />
        </RequireAuth>
      ),
      children: [
        { index: true, element: <Navigate to="overview" replace /> },
        ...Object.entries(PAGE_COMPONENTS).map(([path, Page]) => ({ path, element: <Page /> })),
        { path: 'crises/:crisisId', element: <CrisisPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
    { path: '*', element: <NotFoundPage /> },
  ]);
}
