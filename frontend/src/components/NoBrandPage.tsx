import { useTranslation } from 'react-i18next';
import { EmptyState } from './EmptyState';
import { PageHeader } from './PageHeader';

/** What a brand-scoped page shows before the CM has picked (or created) a brand. */
export function NoBrandPage({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={title} />
      <EmptyState title={t('overview.noBrandTitle')}>
        <p>{t('overview.noBrandBody')}</p>
      </EmptyState>
    </>
  );
}
