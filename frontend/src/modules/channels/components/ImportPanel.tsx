import type { BrandDto } from '@vigie/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { ApiError } from '../../../lib/api-client';
import { createImport, getImport } from '../api';
import { formatInteger, formatPercent } from '../../../lib/format';
import { useLocale } from '../../../lib/hooks/useLocale';
import { IMPORT_FORMATS, isFailed, isFinished, notesList, progressFraction, type ImportStatusDto } from '../utils/import-status';
import { brandOptions, SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';

const POLL_MS = 1000;

interface Props {
  workspaceId: string;
  brands: BrandDto[];
  defaultBrandId: string | undefined;
  canAct: boolean;
}

export function ImportPanel({ workspaceId, brands, defaultBrandId, canAct }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const fileRef = useRef<HTMLInputElement>(null);
  const [format, setFormat] = useState<string>('facebook-insights');
  const [brandId, setBrandId] = useState(defaultBrandId ?? brands[0]?.id ?? '');
  const [importId, setImportId] = useState<string | null>(null);
  const [status, setStatus] = useState<ImportStatusDto | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [busy, setBusy] = useState(false);

  // Poll the import until it finishes.
  useEffect(() => {
    if (!importId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const s = await getImport(workspaceId, importId);
        if (stopped) return;
        setStatus(s);
        if (!isFinished(s)) timer = setTimeout(() => void tick(), POLL_MS);
      } catch (err) {
        if (!stopped) setError(err instanceof Error ? err : new Error(String(err)));
      }
    };
    void tick();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [importId, workspaceId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setError(new Error(t('channels.import.noFile')));
      return;
    }
    // The server streams the upload: the fields must come before the file.
    const form = new FormData();
    form.append('format', format);
    form.append('brandId', brandId);
    form.append('file', file);
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const { id } = await createImport(workspaceId, form);
      setImportId(id);
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 404 ? new Error(t('channels.import.unavailable')) : (err as Error),
      );
    } finally {
      setBusy(false);
    }
  };

  const fraction = status ? progressFraction(status) : null;
  const notes = status ? notesList(status.notes) : [];

  return (
    <Card titleId="import-title" title={t('channels.import.title')}>
      <p className="muted">{t('channels.import.intro')}</p>
      {canAct ? (
        <form className="toolbar" onSubmit={(e) => void submit(e)} data-testid="import-form">
          <TextField label={t('channels.import.file')} inline ref={fileRef} type="file" accept=".csv,text/csv" data-testid="import-file" />
          <label className="field field--inline">
            <span className="field__label">{t('channels.import.format')}</span>
            <select value={format} onChange={(e) => setFormat(e.target.value)}>
              {IMPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`channels.import.formats.${f}`)}
                </option>
              ))}
            </select>
          </label>
          <SelectField label={t('channels.form.brand')} inline value={brandId} onChange={setBrandId} options={brandOptions(brands)} />
          <button type="submit" className="btn btn--primary" disabled={busy || (status !== null && !isFinished(status))}>
            {t('channels.import.submit')}
          </button>
        </form>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {status ? (
        <div className="import-status" data-testid="import-status" data-status={status.status}>
          <label className="field">
            <span className="field__label">
              {t(`channels.import.status.${status.status}`, { defaultValue: status.status })}
              {fraction !== null ? ` — ${formatPercent(fraction, locale, 0)}` : ''}
            </span>
            <progress className="progress" max={1} value={fraction ?? undefined} />
          </label>
          <p>
            {t('channels.import.counts', {
              imported: formatInteger(status.rowsImported ?? 0, locale),
              skipped: formatInteger(status.rowsSkipped ?? 0, locale),
              total: status.rowsTotal === null ? '?' : formatInteger(status.rowsTotal, locale),
            })}
          </p>
          {isFailed(status) ? (
            <p className="error-message" role="alert">
              {t('channels.import.failed')}
              {status.failure ? ` ${status.failure}` : ''}
            </p>
          ) : null}
          {notes.length ? (
            <ul className="import-notes">
              {notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
          {status.errors.length ? (
            <div className="table-wrap">
              <table className="table" data-testid="import-errors">
                <caption className="table-caption">{t('channels.import.errorsTitle', { count: status.errors.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t('channels.import.row')}
                    </th>
                    <th scope="col">{t('channels.import.column')}</th>
                    <th scope="col">{t('channels.import.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {status.errors.map((e, i) => (
                    <tr key={`${e.row}-${e.column ?? ''}-${i}`}>
                      <td className="num">{e.row}</td>
                      <td>{e.column ?? '—'}</td>
                      <td>{e.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
