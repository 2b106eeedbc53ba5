import type { MemberDto, Role } from '@vigie/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { DataTable } from '../../../components/DataTable';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Skeleton } from '../../../components/Skeleton';
import { useAction } from '../../../lib/hooks/useAction';
import { useApi } from '../../../lib/hooks/useApi';
import { inviteMember, listMembers, removeMember, setMemberRole } from '../api';
import { RowButton } from '../../../components/RowButton';
import { TextField } from '../../../components/TextField';

const ROLES: Role[] = ['admin', 'cm', 'viewer'];

export function MembersSection({ workspaceId, isAdmin, myUserId }: { workspaceId: string; isAdmin: boolean; myUserId: string }) {
  const { t } = useTranslation();
  const members = useApi((signal) => listMembers(workspaceId, signal), [workspaceId]);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('cm');
  const { run, error } = useAction();
  const [invited, setInvited] = useState<{ email: string; temporaryPassword?: string } | null>(null);

  const invite = (e: FormEvent) => {
    e.preventDefault();
    setInvited(null);
    void run(async () => {
      const r = await inviteMember(workspaceId, { email: email.trim(), role });
      setInvited({ email: r.email, temporaryPassword: r.temporaryPassword });
      setEmail('');
      members.reload();
    });
  };

  const changeRole = (m: MemberDto, newRole: Role) =>
    run(async () => {
      await setMemberRole(workspaceId, m.id, newRole);
      members.reload();
    });

  const remove = (m: MemberDto) => {
    if (!window.confirm(t('settings.members.confirmRemove', { email: m.email }))) return;
    void run(async () => {
      await removeMember(workspaceId, m.id);
      members.reload();
    });
  };

  return (
    <Card titleId="members-title" title={t('settings.members.title')} className="settings-section">
      <p className="muted">{t('settings.members.roles')}</p>
      {members.error ? <ErrorMessage error={members.error} onRetry={members.reload} /> : null}
      {members.loading && !members.data ? <Skeleton rows={3} /> : null}
      {members.data ? (
        <DataTable
          // Not the section's own name: two landmarks must not share one.
          label={`${t('settings.members.title')} — ${t('settings.members.role')}`}
          testId="members-table"
          columns={[
            { label: t('settings.members.email') },
            { label: t('settings.members.role') },
            isAdmin && { label: t('channels.col.actions'), hidden: true },
          ]}
        >
          {members.data.map((m) => (
            <tr key={m.id}>
              <td>
                {m.email}
                {m.name && m.name !== m.email ? <span className="muted"> ({m.name})</span> : null}
              </td>
              <td>
                {isAdmin && m.userId !== myUserId ? (
                  <select
                    value={m.role}
                    onChange={(e) => void changeRole(m, e.target.value as Role)}
                    aria-label={t('settings.members.roleOf', { email: m.email })}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`settings.members.role_${r}`)}
                      </option>
                    ))}
                  </select>
                ) : (
                  t(`settings.members.role_${m.role}`)
                )}
              </td>
              {isAdmin ? (
                <td>
                  {m.userId !== myUserId ? (
                    <RowButton variant="danger" target={m.email} onClick={() => void remove(m)}>
                      {t('channels.remove')}
                    </RowButton>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {invited ? (
        <div className="notice" role="status">
          <p>{t('settings.members.invited', { email: invited.email })}</p>
          {invited.temporaryPassword ? (
            <p>
              {t('settings.members.tempPassword')} <code className="secret">{invited.temporaryPassword}</code>
            </p>
          ) : null}
        </div>
      ) : null}
      {isAdmin ? (
        <form className="toolbar" onSubmit={invite}>
          <TextField label={t('settings.members.email')} inline type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
          <label className="field field--inline">
            <span className="field__label">{t('settings.members.role')}</span>
            <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`settings.members.role_${r}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn btn--primary" disabled={!email.trim()}>
            {t('settings.members.invite')}
          </button>
        </form>
      ) : null}
    </Card>
  );
}
