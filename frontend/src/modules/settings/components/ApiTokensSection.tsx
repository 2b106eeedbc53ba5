import type { ApiTokenDto, Role } from '@vigie/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Skeleton } from '../../../components/Skeleton';
import { formatDateTime } from '../../../lib/format';
import { useApi } from '../../../lib/hooks/useApi';
import { useLocale } from '../../../lib/hooks/useLocale';
import { createApiToken, listApiTokens, revokeApiToken } from '../api-tokens.api';
import { AsyncList } from '../../../components/AsyncList';
import { RowButton } from '../../../components/RowButton';
import { DataTable } from '../../../components/DataTable';
import { TextField } from '../../../components/TextField';

const ROLES: Role[] = ['admin', 'cm', 'viewer'];
const RANK: Record<Role, number> = { viewer: 0, cm: 1, admin: 2 };

interface Props {
  workspaceId: string;
  /** The user's role in this workspace: a token may not have a higher one. */
  role: Role;
  timezone: string;
  /** Names of the user's workspaces, to label tokens of other workspaces. */
  workspaceNames: Record<string, string>;
}

export function ApiTokensSection({ workspaceId, role, timezone, workspaceNames }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const tokens = useApi((signal) => listApiTokens(signal), []);
  const allowed = ROLES.filter((r) => RANK[r] <= RANK[role]);
  const [name, setName] = useState('');
  const [tokenRole, setTokenRole] = useState<Role>(allowed.includes('viewer') ? 'viewer' : allowed[0]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [created, setCreated] = useState<ApiTokenDto | null>(null);
  const [copied, setCopied] = useState(false);
  const date = (iso: string | null | undefined) => (iso ? formatDateTime(iso, locale, timezone) : '—');

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setCreated(null);
    setCopied(false);
    try {
      const r = await createApiToken({ name: name.trim(), workspaceId, role: tokenRole });
      setCreated(r);
      setName('');
      tokens.reload();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  const copy = async (secret: string) => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setError(new Error(t('settings.tokens.copyFailed')));
    }
  };

  const revoke = async (tok: ApiTokenDto) => {
    if (!window.confirm(t('settings.tokens.confirmRevoke', { name: tok.name }))) return;
    setError(null);
    try {
      await revokeApiToken(tok.id);
      if (created?.id === tok.id) setCreated(null);
      tokens.reload();
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <section className="card settings-section" aria-labelledby="tokens-title" data-testid="api-tokens">
      <h2 className="card__title" id="tokens-title">
        {t('settings.tokens.title')}
      </h2>
      <p className="muted">{t('settings.tokens.intro')}</p>
      <AsyncList resource={tokens} skeletonRows={2} empty={t('settings.tokens.none')}>
        {(items) => (
          <DataTable
            label={t('settings.tokens.title')}
            testId="tokens-table"
            columns={[
              { label: t('settings.tokens.name') },
              { label: t('settings.tokens.workspace') },
              { label: t('settings.tokens.role') },
              { label: t('settings.tokens.created') },
              { label: t('settings.tokens.lastUsed') },
              { label: t('settings.tokens.expires') },
              { label: t('channels.col.actions'), hidden: true },
            ]}
          >
            {items.map((tok) => (
              <tr key={tok.id}>
                <td>{tok.name}</td>
                <td>{workspaceNames[tok.workspaceId] ?? tok.workspaceId}</td>
                <td>{t(`settings.members.role_${tok.role}`)}</td>
                <td>{date(tok.createdAt)}</td>
                <td>{tok.lastUsedAt ? date(tok.lastUsedAt) : t('settings.tokens.never')}</td>
                <td>{t('settings.tokens.noExpiry')}</td>
                <td>
                  {tok.revokedAt ? (
                    <span className="muted">{t('settings.tokens.revokedOn', { date: date(tok.revokedAt) })}</span>
                  ) : (
                    <RowButton variant="danger" target={tok.name} onClick={() => void revoke(tok)} testId="token-revoke">
                      {t('settings.tokens.revoke')}
                    </RowButton>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </AsyncList>
      {error ? <ErrorMessage error={error} /> : null}
      {created?.token ? (
        <div className="notice" role="status" data-testid="token-created">
          <p>{t('settings.tokens.created_once', { name: created.name })}</p>
          <p>
            <code className="secret" data-testid="token-secret">
              {created.token}
            </code>{' '}
            <button type="button" className="btn btn--small" onClick={() => void copy(created.token!)} data-testid="token-copy">
              {copied ? t('settings.tokens.copied') : t('settings.tokens.copy')}
            </button>
          </p>
          <p>
            <strong>{t('settings.tokens.onlyOnce')}</strong>
          </p>
          <button type="button" className="btn btn--small" onClick={() => setCreated(null)} data-testid="token-dismiss">
            {t('settings.tokens.dismiss')}
          </button>
        </div>
      ) : null}
      <form className="toolbar" onSubmit={(e) => void create(e)}>
        <TextField label={t('settings.tokens.name')} inline value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required data-testid="token-name" />
        <label className="field field--inline">
          <span className="field__label">{t('settings.tokens.role')}</span>
          <select value={tokenRole} onChange={(e) => setTokenRole(e.target.value as Role)} data-testid="token-role">
            {allowed.map((r) => (
              <option key={r} value={r}>
                {t(`settings.members.role_${r}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn--primary" disabled={busy || !name.trim()} data-testid="token-create">
          {t('settings.tokens.create')}
        </button>
      </form>
    </section>
  );
}
