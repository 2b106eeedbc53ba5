import type { ConversionWebhookSettingsDto as WebhookSettings, TrackedLinkDto } from '@vigie/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFilters } from '../../app/workspace/useFilters';
import { useWorkspace } from '../../app/workspace/workspace-context';
import { Card } from '../../components/Card';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeader } from '../../components/PageHeader';
import { Skeleton } from '../../components/Skeleton';
import { formatDecimal, formatInteger, formatPercent } from '../../lib/format';
import { useApi } from '../../lib/hooks/useApi';
import { listChannels } from '../channels/api';
import { createLink, getConversionWebhookSettings, getFunnel, listLinks } from './api';
import { useLocale } from '../../lib/hooks/useLocale';
import { safeHref } from '../posts/post-row';
import { funnelSteps } from './utils/funnel';
import '../../styles/forms.css';
import '../../styles/links.css';
import { AsyncList } from '../../components/AsyncList';
import { RowButton } from '../../components/RowButton';
import { NoBrandPage } from '../../components/NoBrandPage';
import { DataTable } from '../../components/DataTable';
import { TextField } from '../../components/TextField';

export default function LinksPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { workspace, canAct, isAdmin } = useWorkspace();
  const [filters] = useFilters();
  const period = { brandId: filters.brandId, from: filters.from, to: filters.to };
  const funnel = useApi(filters.brandId ? (signal) => getFunnel(workspace.id, period, signal) : null, [workspace.id, period]);
  const brand = { brandId: filters.brandId };
  const links = useApi((signal) => listLinks(workspace.id, brand, signal), [workspace.id, brand]);
  const channels = useApi((signal) => listChannels(workspace.id, brand, signal), [workspace.id, brand]);
  const [targetUrl, setTargetUrl] = useState('');
  const [campaign, setCampaign] = useState('');
  const [channel, setChannel] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [created, setCreated] = useState<TrackedLinkDto | null>(null);
  const [webhook, setWebhook] = useState<WebhookSettings | null>(null);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (!filters.brandId) return;
    setError(null);
    try {
      // A connected account is sent as its id; anything else ("newsletter") as a free label.
      const isAccount = (channels.data ?? []).some((c) => c.id === channel);
      const link = await createLink(workspace.id, {
        brandId: filters.brandId,
        targetUrl: targetUrl.trim(),
        campaign: campaign.trim() || undefined,
        ...(isAccount ? { channelAccountId: channel } : channel.trim() ? { channel: channel.trim() } : {}),
      });
      setCreated(link);
      setTargetUrl('');
      links.reload();
    } catch (err) {
      setError(err as Error);
    }
  };

  const showWebhook = async () => {
    try {
      setWebhook(await getConversionWebhookSettings(workspace.id));
    } catch (err) {
      setError(err as Error);
    }
  };

  const copy = (text: string) => void navigator.clipboard?.writeText(text);

  if (!filters.brandId) {
    return <NoBrandPage title={t('nav.links')} />;
  }

  const totals = funnel.data?.totals;
  return (
    <>
      <PageHeader title={t('nav.links')} subtitle={t('links.subtitle')} />
      <Card titleId="funnel-title" title={t('links.funnel')} className="links-funnel">
        {funnel.error ? <ErrorMessage error={funnel.error} onRetry={funnel.reload} /> : null}
        {funnel.loading && !funnel.data ? <Skeleton rows={4} /> : null}
        {totals ? (
          totals.clicks === 0 && totals.impressions === null ? (
            <p className="muted">{t('links.noClicks')}</p>
          ) : (
            <>
              <ol className="funnel" data-testid="funnel">
                {funnelSteps(totals).map((s) => (
                  <li key={s.key} className="funnel__step" data-step={s.key} data-value={s.value}>
                    <span className="funnel__label">{t(`links.step.${s.key}`)}</span>
                    <span className="funnel__bar-wrap">
                      <span className="funnel__bar" style={{ width: `${Math.max(s.width * 100, 0.5)}%` }} />
                    </span>
                    <span className="funnel__value">{formatInteger(s.value, locale)}</span>
                    <span className="funnel__drop muted">
                      {s.dropOff !== null ? t('links.dropOff', { value: formatPercent(s.dropOff, locale) }) : ''}
                    </span>
                  </li>
                ))}
              </ol>
              <p>
                {t('links.conversionRate')} <strong data-testid="kpi-conversionRate" data-value={totals.conversionRate ?? ''}>{formatPercent(totals.conversionRate, locale)}</strong>
                {totals.conversionValue > 0 ? ` · ${t('links.value', { value: formatDecimal(totals.conversionValue, locale, 2) })}` : ''}
              </p>
              {funnel.data && funnel.data.rows.length > 0 ? (
                <DataTable
                  label={t('links.conversionRate')}
                  testId="funnel-by-channel"
                  columns={[
                    { label: t('links.channel') },
                    { label: t('links.campaign') },
                    { label: t('links.step.clicks'), numeric: true },
                    { label: t('links.step.uniqueClicks'), numeric: true },
                    { label: t('links.step.conversions'), numeric: true },
                    { label: t('links.conversionRate'), numeric: true },
                  ]}
                >
                  {funnel.data.rows.map((r, i) => (
                    <tr key={`${r.channelAccountId ?? r.channel}-${r.campaign}-${i}`}>
                      <th scope="row">{r.handle ? `${r.platform} · ${r.handle}` : (r.channel ?? '—')}</th>
                      <td>{r.campaign ?? '—'}</td>
                      <td className="num">{formatInteger(r.clicks, locale)}</td>
                      <td className="num">{formatInteger(r.uniqueClicks, locale)}</td>
                      <td className="num">{formatInteger(r.conversions, locale)}</td>
                      <td className="num">{formatPercent(r.conversionRate, locale)}</td>
                    </tr>
                  ))}
                </DataTable>
              ) : null}
            </>
          )
        ) : null}
      </Card>

      <Card titleId="links-title" title={t('links.tracked')}>
        {canAct ? (
          <form className="toolbar" onSubmit={(e) => void create(e)} data-testid="link-form">
            <label className="field field--inline links-url">
              <span className="field__label">{t('links.target')}</span>
              <input type="url" required value={targetUrl} onChange={(e) => setTargetUrl(e.target.value)} placeholder="https://" />
            </label>
            <TextField label={t('links.campaign')} inline value={campaign} onChange={(e) => setCampaign(e.target.value)} maxLength={100} />
            <label className="field field--inline">
              <span className="field__label">{t('links.channel')}</span>
              <input list="link-channels" value={channel} onChange={(e) => setChannel(e.target.value)} maxLength={40} />
              <datalist id="link-channels">
                {(channels.data ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.platform} · {c.handle}
                  </option>
                ))}
              </datalist>
            </label>
            <button type="submit" className="btn btn--primary" disabled={!targetUrl.trim()}>
              {t('links.create')}
            </button>
          </form>
        ) : null}
        {error ? <ErrorMessage error={error} /> : null}
        {created ? (
          <p className="notice" role="status">
            {t('links.created')} <code className="secret">{created.shortUrl}</code>{' '}
            <button type="button" className="btn btn--secondary btn--small" onClick={() => copy(created.shortUrl)}>
              {t('links.copy')}
            </button>
          </p>
        ) : null}
        <AsyncList resource={links} empty={t('links.none')}>
          {(items) => (
            <DataTable
              label={t('links.title')}
              testId="links-table"
              columns={[
                { label: t('links.short') },
                { label: t('links.target') },
                { label: t('links.campaign') },
                { label: t('links.step.clicks'), numeric: true },
                { label: t('links.step.uniqueClicks'), numeric: true },
                { label: t('links.step.conversions'), numeric: true },
              ]}
            >
              {items.map((l) => (
                <tr key={l.id}>
                  <td>
                    <code>{l.shortUrl}</code>{' '}
                    <RowButton target={l.shortUrl} onClick={() => copy(l.shortUrl)}>
                      {t('links.copy')}
                    </RowButton>
                  </td>
                  <td className="links-target">
                    {safeHref(l.targetUrl) ? (
                      <a href={safeHref(l.targetUrl)!} target="_blank" rel="noopener noreferrer">
                        {l.targetUrl}
                      </a>
                    ) : (
                      l.targetUrl
                    )}
                  </td>
                  <td>
                    {l.campaign ?? '—'}
                    {l.channel || l.platform ? <span className="muted"> · {l.channel ?? l.platform}</span> : null}
                  </td>
                  <td className="num">{formatInteger(l.clicks, locale)}</td>
                  <td className="num">{formatInteger(l.uniqueClicks, locale)}</td>
                  <td className="num">{formatInteger(l.conversions, locale)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </AsyncList>
      </Card>

      {isAdmin ? (
        <Card titleId="webhook-title" title={t('links.webhookTitle')}>
          <p className="muted">{t('links.webhookIntro')}</p>
          {webhook ? (
            <dl className="webhook">
              <dt>URL</dt>
              <dd>
                <code>{webhook.webhookUrl}</code>
              </dd>
              <dt>{t('links.secret')}</dt>
              <dd>
                <code className="secret">{webhook.webhookSecret}</code>
              </dd>
              <dt>{t('links.headers')}</dt>
              <dd>
                <code>{webhook.signatureHeader}</code>
                <br />
                <code>{webhook.timestampHeader}</code>
              </dd>
            </dl>
          ) : (
            <button type="button" className="btn btn--secondary" onClick={() => void showWebhook()}>
              {t('links.showWebhook')}
            </button>
          )}
        </Card>
      ) : null}
    </>
  );
}
