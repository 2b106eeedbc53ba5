import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { filterSearch } from '../../../app/workspace/useFilters';
import type { AlertDto, CursorPage } from '@vigie/contracts';
import { useApi } from '../../../lib/hooks/useApi';
import { listAlerts } from '../../alerts/api';
import { listInbox } from '../../inbox/api';

/**
 * What needs the CM now, shown before any figure: open alerts and messages waiting for an answer.
 * A source whose API is not available on this server is simply left out.
 */
export function AttentionBar({ workspaceId, brandId }: { workspaceId: string; brandId: string | undefined }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { workspaceId: ws = workspaceId } = useParams();
  const search = filterSearch(new URLSearchParams(location.search));
  const inbox = useApi(
    (signal) => listInbox(ws, { view: 'attention', status: 'open,assigned', brandId, limit: 100 }, signal),
    [ws, brandId],
  );
  // A bare list today; a page's shape is read too.
  const alerts = useApi<AlertDto[] | CursorPage<AlertDto>>((signal) => listAlerts(ws, { status: 'open', brandId }, signal), [ws, brandId]);

  const inboxCount = inbox.data ? `${inbox.data.items.length}${inbox.data.nextCursor ? '+' : ''}` : null;
  const alertItems = alerts.data ? (Array.isArray(alerts.data) ? alerts.data : alerts.data.items) : null;
  const alertCount = alertItems
    ? `${alertItems.length}${!Array.isArray(alerts.data) && alerts.data?.nextCursor ? '+' : ''}`
    : null;

  if (inboxCount === null && alertCount === null) return null;
  return (
    <section className="attention" aria-label={t('overview.attention')} data-testid="attention-bar">
      {alertCount !== null ? (
        <Link
          to={`/w/${ws}/alerts${search}`}
          className={alertItems && alertItems.length > 0 ? 'attention__item attention__item--hot' : 'attention__item'}
          data-testid="open-alerts"
          data-value={alertItems?.length ?? 0}
        >
          <strong>{alertCount}</strong> {t('overview.openAlerts', { count: alertItems?.length ?? 0 })}
        </Link>
      ) : null}
      {inboxCount !== null ? (
        <Link
          to={`/w/${ws}/inbox${search}`}
          className="attention__item"
          data-testid="inbox-count"
          data-value={inbox.data?.items.length ?? 0}
        >
          <strong>{inboxCount}</strong> {t('overview.inboxWaiting', { count: inbox.data?.items.length ?? 0 })}
        </Link>
      ) : null}
    </section>
  );
}
