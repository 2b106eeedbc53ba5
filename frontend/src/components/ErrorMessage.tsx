import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client';

interface Props {
  error: ApiError | Error;
  onRetry?: () => void;
}

/** Says what went wrong (the server's own message) and offers a retry. */
export function ErrorMessage({ error, onRetry }: Props) {
  const { t } = useTranslation();
  const status = 'status' in error ? error.status : undefined;
  // Validation errors name the failing fields: list them rather than only the summary.
  const fields = error instanceof ApiError ? error.fieldErrors : [];
  const title =
    status === 0
      ? t('errors.network')
      : status === 403
        ? t('errors.forbidden')
        : status === 404
          ? t('errors.notFound')
          : status !== undefined && status >= 500
            ? t('errors.server')
            : t('errors.generic');
  return (
    <div className="error-message" role="alert">
      <strong>{title}</strong>
      <p className="error-message__detail">{error.message}</p>
      {fields.length ? (
        <ul className="error-message__fields">
          {fields.map((f) => (
            <li key={f.field}>
              <code>{f.field}</code>: {f.errors.join('; ')}
            </li>
          ))}
        </ul>
      ) : null}
      {onRetry ? (
        <button type="button" className="btn btn--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
