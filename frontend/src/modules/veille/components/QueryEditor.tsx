import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../lib/hooks/useLocale';
import { caretParts, checkQuery } from '../utils/query-check';

interface Props {
  value: string;
  onChange(value: string): void;
  /** An error returned by the server (400 with position) for the saved text. */
  serverError?: { message: string; position?: number } | null;
  disabled?: boolean;
}

/** Query textarea with the parser's error shown at its position, as you type. */
export function QueryEditor({ value, onChange, serverError, disabled }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const check = value.trim() ? checkQuery(value, locale) : null;
  const error = check && !check.ok ? { message: check.message ?? '', position: check.error?.position } : serverError ?? null;
  const parts = error && error.position !== undefined ? caretParts(value, error.position) : null;

  return (
    <div className="query-editor">
      <label className="field" htmlFor={id}>
        <span className="field__label">{t('veille.query')}</span>
      </label>
      <textarea
        id={id}
        className="query-editor__input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        spellCheck={false}
        rows={3}
        maxLength={2000}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help ${error ? `${id}-error` : ''}`}
        data-testid="query-input"
      />
      <p id={`${id}-help`} className="field__hint">
        {t('veille.syntaxHelp')}
      </p>
      {error ? (
        <div id={`${id}-error`} className="query-error" role="alert" data-testid="query-error" data-position={error.position ?? ''}>
          <p className="query-error__message">{error.message}</p>
          {parts ? (
            <pre className="query-error__caret" aria-hidden="true">
              {parts.before}
              <mark className="query-error__at">{parts.atEnd ? ' ' : parts.at}</mark>
              {parts.after}
            </pre>
          ) : null}
        </div>
      ) : check?.ok ? (
        <p className="query-ok" data-testid="query-ok">
          {t('veille.syntaxOk')}
        </p>
      ) : null}
    </div>
  );
}
