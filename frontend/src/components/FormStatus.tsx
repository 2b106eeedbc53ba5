import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './ErrorMessage';

/** Under a form: what went wrong, or what was done (announced politely to screen readers). */
export function FormStatus({ error, notice }: { error: Error | null; notice?: string | null }) {
  return (
    <>
      {error ? <ErrorMessage error={error} /> : null}
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
    </>
  );
}

/** A settings form's submit button, shown only to who may change the settings. */
export function SaveButton({ allowed }: { allowed: boolean }) {
  const { t } = useTranslation();
  return allowed ? (
    <button type="submit" className="btn btn--primary">
      {t('common.save')}
    </button>
  ) : null;
}
