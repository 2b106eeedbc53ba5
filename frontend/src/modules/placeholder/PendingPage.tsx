import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { PageKey } from '../../app/pages';
import { filterSearch } from '../../app/workspace/useFilters';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

/**
 * A page whose API is not available yet: says what will appear here and what to do meanwhile.
 * It never shows invented figures.
 */
export function PendingPage({ page }: { page: PageKey }) {
  const { t } = useTranslation();
  const { workspaceId = '' } = useParams();
  const location = useLocation();
  const search = filterSearch(new URLSearchParams(location.search));
  return (
    <>
      <PageHeader title={t(`nav.${page}`)} />
      <EmptyState
        title={t('pending.title')}
        testId={`pending-${page}`}
        action={
          <Link className="btn btn--secondary" to={`/w/${workspaceId}/channels${search}`}>
            {t('pending.toChannels')}
          </Link>
        }
      >
        <p>{t(`pending.${page}.what`)}</p>
        <p>{t(`pending.${page}.next`)}</p>
      </EmptyState>
    </>
  );
}
