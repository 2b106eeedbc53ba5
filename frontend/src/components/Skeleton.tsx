import { useTranslation } from 'react-i18next';

/** Grey blocks in the shape of what is loading; announced once to screen readers. */
export function Skeleton({ rows = 3, variant = 'lines' }: { rows?: number; variant?: 'lines' | 'tiles' | 'chart' }) {
  const { t } = useTranslation();
  return (
    <div className={`skeleton skeleton--${variant}`} role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">{t('common.loading')}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton__block" aria-hidden="true" />
      ))}
    </div>
  );
}
