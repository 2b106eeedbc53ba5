import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <main className="standalone">
      <EmptyState title={t('notFound.title')} action={<Link to="/">{t('notFound.home')}</Link>}>
        <p>{t('notFound.body')}</p>
      </EmptyState>
    </main>
  );
}
