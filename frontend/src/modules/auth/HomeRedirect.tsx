import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Skeleton } from '../../components/Skeleton';
import { useAuth } from '../../app/auth/auth-context';
import { useApi } from '../../lib/hooks/useApi';
import { listWorkspaces } from '../settings/api';

const LAST_WORKSPACE_KEY = 'vigie.lastWorkspace';

export function rememberWorkspace(id: string): void {
  try {
    window.localStorage.setItem(LAST_WORKSPACE_KEY, id);
  } catch {
    /* ignore */
  }
}

/** `/` opens the last workspace used, else the first one. */
export function HomeRedirect() {
  const { t } = useTranslation();
  const { logout } = useAuth();
  const { data, error, reload } = useApi((signal) => listWorkspaces(signal), []);
  if (error) return <ErrorMessage error={error} onRetry={reload} />;
  if (!data) return <Skeleton rows={3} />;
  if (data.length === 0) {
    return (
      <main className="standalone">
        <EmptyState
          title={t('workspace.noneTitle')}
          action={
            <button type="button" className="btn btn--secondary" onClick={() => void logout()}>
              {t('shell.logout')}
            </button>
          }
        >
          <p>{t('workspace.noneBody')}</p>
        </EmptyState>
      </main>
    );
  }
  let last: string | null = null;
  try {
    last = window.localStorage.getItem(LAST_WORKSPACE_KEY);
  } catch {
    last = null;
  }
  const target = data.find((w) => w.id === last) ?? data[0];
  return <Navigate to={`/w/${target.id}/overview`} replace />;
}
