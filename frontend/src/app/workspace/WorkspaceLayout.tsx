import type { MeDto, WorkspaceDto } from '@vigie/contracts';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useMe } from '../auth/auth-context';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Skeleton } from '../../components/Skeleton';
import { useApi } from '../../lib/hooks/useApi';
import { listBrands, listWorkspaces } from '../../modules/settings/api';
import { rememberWorkspace } from '../../modules/auth/HomeRedirect';
import { AppShell } from '../shell/AppShell';
import { WorkspaceContext, type WorkspaceContextValue } from './workspace-context';

function roleIn(me: MeDto, workspaceId: string, listed?: WorkspaceDto) {
  return listed?.role ?? me.memberships.find((m) => m.workspaceId === workspaceId)?.role;
}

/** Loads the workspace and its brands once, for every page under /w/:workspaceId. */
export function WorkspaceLayout() {
  const { workspaceId = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const workspaces = useApi((signal) => listWorkspaces(signal), []);
  const brands = useApi((signal) => listBrands(workspaceId, signal), [workspaceId]);

  const workspace = workspaces.data?.find((w) => w.id === workspaceId);
  const role = roleIn(me, workspaceId, workspace);
  useEffect(() => {
    if (workspace) rememberWorkspace(workspace.id);
  }, [workspace]);

  const value = useMemo<WorkspaceContextValue | null>(() => {
    if (!workspace || !brands.data || !role) return null;
    return {
      workspace,
      workspaces: workspaces.data ?? [],
      brands: brands.data,
      reloadBrands: brands.reload,
      reloadWorkspaces: workspaces.reload,
      role,
      canAct: role !== 'viewer',
      isAdmin: role === 'admin',
    };
  }, [workspace, workspaces.data, workspaces.reload, brands.data, brands.reload, role]);

  if (workspaces.error) return <ErrorMessage error={workspaces.error} onRetry={workspaces.reload} />;
  if (workspaces.data && !workspace) {
    return (
      <main className="standalone">
        <EmptyState
          title={t('workspace.notFoundTitle')}
          action={<Link to="/">{t('workspace.backHome')}</Link>}
        >
          <p>{t('workspace.notFoundBody')}</p>
        </EmptyState>
      </main>
    );
  }
  if (brands.error) return <ErrorMessage error={brands.error} onRetry={brands.reload} />;
  if (!value) return <Skeleton rows={4} />;
  return (
    <WorkspaceContext.Provider value={value}>
      <AppShell />
    </WorkspaceContext.Provider>
  );
}
