import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Skeleton } from '../../../components/Skeleton';
import { useApi } from '../../../lib/hooks/useApi';
import { createAlertRule, deleteAlertRule, listAlertRules, setAlertRuleActive } from '../api';
import { ALERT_TYPES, type AlertRuleDto, type AlertType, type WatchQueryDto } from '@vigie/contracts';
import { ALERT_PARAMS, parseRecipients } from '../utils/alert-rules';
import { RowButton } from '../../../components/RowButton';
import { TextField } from '../../../components/TextField';

interface Props {
  workspaceId: string;
  brandId: string | undefined;
  queries: WatchQueryDto[];
  canAct: boolean;
}

export function AlertRulesPanel({ workspaceId, brandId, queries, canAct }: Props) {
  const { t } = useTranslation();
  const rules = useApi((signal) => listAlertRules(workspaceId, signal), [workspaceId]);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [type, setType] = useState<AlertType>('volume_spike');
  const [queryId, setQueryId] = useState('');
  const [params, setParams] = useState<Record<string, string>>({});
  const [recipients, setRecipients] = useState('');
  const [webhookUrl, setWebhookUrl] = useState('');
  const [webhookFormat, setWebhookFormat] = useState<'slack' | 'teams'>('slack');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const visible = (rules.data ?? []).filter(
    (r) => !brandId || r.brandId === brandId || queries.some((q) => q.id === r.queryId),
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const p: Record<string, number> = {};
    for (const f of ALERT_PARAMS[type]) {
      const v = params[f.name];
      if (v !== undefined && v !== '') p[f.name] = Number(v);
    }
    try {
      await createAlertRule(workspaceId, {
        name: name.trim(),
        type,
        ...(queryId ? { queryId } : { brandId }),
        params: p,
        recipients: parseRecipients(recipients),
        ...(webhookUrl.trim() ? { webhookUrl: webhookUrl.trim(), webhookFormat } : {}),
      });
      setOpen(false);
      setName('');
      setParams({});
      rules.reload();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  const toggle = async (r: AlertRuleDto) => {
    try {
      await setAlertRuleActive(workspaceId, r.id, !r.active);
      rules.reload();
    } catch (err) {
      setError(err as Error);
    }
  };

  const remove = async (r: AlertRuleDto) => {
    if (!window.confirm(t('veille.rules.confirmRemove', { name: r.name }))) return;
    try {
      await deleteAlertRule(workspaceId, r.id);
      rules.reload();
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <section className="card" aria-labelledby="rules-title">
      <div className="card__head">
        <h2 className="card__title" id="rules-title">
          {t('veille.rules.title')}
        </h2>
        {canAct && !open ? (
          <button type="button" className="btn btn--secondary btn--small" onClick={() => setOpen(true)} disabled={!brandId}>
            {t('veille.rules.add')}
          </button>
        ) : null}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {open ? (
        <form onSubmit={(e) => void submit(e)} className="rule-form" data-testid="rule-form">
          <div className="form-grid">
            <TextField label={t('veille.rules.name')} value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} />
            <label className="field">
              <span className="field__label">{t('veille.rules.type')}</span>
              <select value={type} onChange={(e) => setType(e.target.value as AlertType)}>
                {ALERT_TYPES.map((ty) => (
                  <option key={ty} value={ty}>
                    {t(`alerts.type.${ty}`)}
                  </option>
                ))}
              </select>
              <span className="field__hint">{t(`veille.rules.typeHint.${type}`)}</span>
            </label>
            <label className="field">
              <span className="field__label">{t('veille.rules.scope')}</span>
              <select value={queryId} onChange={(e) => setQueryId(e.target.value)}>
                <option value="">{t('veille.rules.allQueries')}</option>
                {queries.map((q) => (
                  <option key={q.id} value={q.id}>
                    {q.name}
                  </option>
                ))}
              </select>
            </label>
            {ALERT_PARAMS[type].map((f) => (
              <label key={f.name} className="field">
                <span className="field__label">{t(`veille.rules.param.${f.name}`)}</span>
                <input
                  type="number"
                  step={f.step}
                  min={0}
                  value={params[f.name] ?? ''}
                  placeholder={String(f.default)}
                  onChange={(e) => setParams((p) => ({ ...p, [f.name]: e.target.value }))}
                />
              </label>
            ))}
            <TextField label={t('veille.rules.recipients')} value={recipients} onChange={(e) => setRecipients(e.target.value)} placeholder="cm@exemple.fr, direction@exemple.fr" />
            <TextField label={t('veille.rules.webhook')} type="url" value={webhookUrl} onChange={(e) => setWebhookUrl(e.target.value)} placeholder="https://hooks.slack.com/…" />
            {webhookUrl.trim() ? (
              <label className="field">
                <span className="field__label">{t('veille.rules.webhookFormat')}</span>
                <select value={webhookFormat} onChange={(e) => setWebhookFormat(e.target.value as 'slack' | 'teams')}>
                  <option value="slack">Slack</option>
                  <option value="teams">Microsoft Teams</option>
                </select>
              </label>
            ) : null}
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn--primary" disabled={busy || !name.trim()}>
              {t('veille.rules.save')}
            </button>
            <button type="button" className="btn btn--secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {rules.error ? <ErrorMessage error={rules.error} onRetry={rules.reload} /> : null}
      {rules.loading && !rules.data ? <Skeleton rows={2} /> : null}
      {rules.data && visible.length === 0 && !open ? <p className="muted">{t('veille.rules.empty')}</p> : null}
      {visible.length > 0 ? (
        <ul className="rule-list">
          {visible.map((r) => (
            <li key={r.id} className="rule">
              <div>
                <strong>{r.name}</strong> <span className="badge badge--neutral">{t(`alerts.type.${r.type}`)}</span>{' '}
                {!r.active ? <span className="badge badge--degraded">{t('veille.inactive')}</span> : null}
                <p className="muted">
                  {r.recipients.length ? t('veille.rules.to', { list: r.recipients.join(', ') }) : t('veille.rules.inAppOnly')}
                  {r.webhookUrl ? ` · ${t('veille.rules.viaWebhook', { format: r.webhookFormat ?? 'webhook' })}` : ''}
                </p>
              </div>
              {canAct ? (
                <div className="row-actions">
                  <RowButton target={r.name} onClick={() => void toggle(r)}>
                    {r.active ? t('veille.pause') : t('veille.resume')}
                  </RowButton>
                  <RowButton variant="danger" target={r.name} onClick={() => void remove(r)}>
                    {t('veille.delete')}
                  </RowButton>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
