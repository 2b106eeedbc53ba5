import type { CrisisDetailDto, CrisisStage, CrisisStatementDto } from '@vigie/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useWorkspace } from '../../app/workspace/workspace-context';
import { AsyncList } from '../../components/AsyncList';
import { Card } from '../../components/Card';
import { ChartDataTable } from '../../components/ChartDataTable';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormStatus } from '../../components/FormStatus';
import { PageHeader } from '../../components/PageHeader';
import { Skeleton } from '../../components/Skeleton';
import { LineChart } from '../../lib/chart/LineChart';
import { formatDateTime, formatInteger, formatPercent } from '../../lib/format';
import { useAction } from '../../lib/hooks/useAction';
import { useApi } from '../../lib/hooks/useApi';
import { useLocale } from '../../lib/hooks/useLocale';
import { changeCrisisStage, crisisReportUrl, decideStatement, getCrisis, getCrisisInfluencers, postStatement, submitStatement, tickChecklistItem } from './api';
import { personLabel } from './components/personLabel';
import { StageBadge } from './components/StageBadge';
import '../../styles/crisis.css';

/**
 * One crisis room: where it stands (stage, recommendation with its figures), the live timeline
 * against the usual baseline, the cell, the playbook's checklist, the brand's statements (submit →
 * the lead approves → post through the inbox's answer path), who spreads it, and the report.
 * Every text from the platforms is rendered as text.
 */
export default function CrisisPage() {
  const { t } = useTranslation();
  const { crisisId = '' } = useParams();
  const { workspace, brands } = useWorkspace();
  const res = useApi((signal) => getCrisis(workspace.id, crisisId, signal), [workspace.id, crisisId]);
  const c = res.data;
  const update = (next: CrisisDetailDto) => res.setData(() => next);

  return (
    <>
      <PageHeader
        title={c ? `${t('crisis.room')} — ${c.title}` : t('crisis.room')}
        subtitle={c ? c.brandIds.map((id) => brands.find((b) => b.id === id)?.name ?? '—').join(', ') : undefined}
        actions={
          c ? (
            <div className="row-actions">
              <a className="btn btn--secondary" href={crisisReportUrl(workspace.id, c.id, 'html')} target="_blank" rel="noopener noreferrer" data-testid="crisis-report-html">
                {t('crisis.reportHtml')}
              </a>
              <a className="btn btn--secondary" href={crisisReportUrl(workspace.id, c.id, 'pdf')} data-testid="crisis-report-pdf">
                {t('crisis.reportPdf')}
              </a>
            </div>
          ) : null
        }
      />
      <p>
        <Link to={`/w/${workspace.id}/crises`}>← {t('crisis.backToList')}</Link>
      </p>
      {res.error ? <ErrorMessage error={res.error} onRetry={res.reload} /> : null}
      {res.loading && !c ? <Skeleton rows={8} /> : null}
      {c ? (
        <div className="crisis" data-testid="crisis-room">
          <StagePanel crisis={c} onChanged={update} />
          <Recommendations crisis={c} />
          <Timeline crisis={c} />
          <div className="grid-2">
            <Checklist crisis={c} onChanged={update} />
            <Cell crisis={c} />
          </div>
          <Statements crisis={c} onChanged={update} />
          <Influencers crisisId={c.id} />
          <Events crisis={c} />
        </div>
      ) : null}
    </>
  );
}

function StagePanel({ crisis: c, onChanged }: { crisis: CrisisDetailDto; onChanged(c: CrisisDetailDto): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { workspace, canAct } = useWorkspace();
  const [to, setTo] = useState<CrisisStage | ''>('');
  const [reason, setReason] = useState('');
  const move = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!to) return;
    void move.run(async () => {
      onChanged(await changeCrisisStage(workspace.id, c.id, to, reason.trim()));
      setTo('');
      setReason('');
    });
  };
  return (
    <Card titleId="crisis-stage-title" title={<>{t('crisis.stageTitle')} <StageBadge stage={c.stage} /></>} className="crisis-stage">
      <p className="muted">
        {t('crisis.openedLine', { at: formatDateTime(c.openedAt, locale, workspace.timezone), by: personLabel(c.openedBy) })}
        {c.closedAt ? ` · ${t('crisis.closedLine', { at: formatDateTime(c.closedAt, locale, workspace.timezone) })}` : ''}
      </p>
      {canAct && c.nextStages.length > 0 ? (
        <form onSubmit={submit} className="form-grid" data-testid="crisis-stage-form">
          <label className="field">
            <span className="field__label">{t('crisis.moveTo')}</span>
            <select value={to} onChange={(e) => setTo(e.target.value as CrisisStage)} required data-testid="crisis-next-stage">
              <option value="">—</option>
              {c.nextStages.map((s) => (
                <option key={s} value={s}>
                  {t(`crisis.stage.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('crisis.reason')}</span>
            <input value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} maxLength={2000} data-testid="crisis-stage-reason" />
          </label>
          <div className="form-actions">
            <button type="submit" className="btn btn--primary" disabled={move.busy || !to} data-testid="crisis-stage-submit">
              {t('crisis.move')}
            </button>
          </div>
        </form>
      ) : null}
      <FormStatus error={move.error} />
    </Card>
  );
}

function Recommendations({ crisis: c }: { crisis: CrisisDetailDto }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card titleId="crisis-reco-title" title={t('crisis.whenToIntervene')} testId="crisis-recommendations">
      {c.recommendations.length === 0 ? <p className="muted">{t('crisis.noRecommendation')}</p> : null}
      <ul className="crisis-recos">
        {c.recommendations.map((r) => (
          <li key={r.key} className={`crisis-reco crisis-reco--${r.level}`} data-key={r.key}>
            <span className={`badge badge--${r.level === 'act' ? 'failing' : r.level === 'watch' ? 'degraded' : 'neutral'}`}>{t(`crisis.level.${r.level}`)}</span> {r.text[locale]}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Timeline({ crisis: c }: { crisis: CrisisDetailDto }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { workspace } = useWorkspace();
  const tl = c.timeline;
  const time = (iso: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: workspace.timezone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  const labels = tl.points.map((p) => time(p.start));
  // The server's label is English plain text; the figures are rebuilt here in the reader's language.
  const momentDetail = (m: CrisisDetailDto['timeline']['moments'][number]) =>
    m.kind === 'peak' && m.count !== null
      ? ` — ${t('crisis.peakDetail', { count: m.count, bucket: tl.bucketMinutes })}`
      : m.kind === 'big_account'
        ? ` — ${t('crisis.bigAccountDetail', { author: m.author ?? '—', followers: formatInteger(m.value, locale), platform: m.platform ?? '' })}`
        : '';
  const data = {
    labels,
    datasets: [
      { label: t('crisis.mentions'), data: tl.points.map((p) => p.count), borderColor: '#1f6feb', backgroundColor: '#1f6feb', pointRadius: 0, tension: 0.2 },
      { label: t('crisis.negative'), data: tl.points.map((p) => p.negative), borderColor: '#c62828', backgroundColor: '#c62828', pointRadius: 0, tension: 0.2 },
      { label: t('crisis.baseline'), data: tl.points.map((p) => p.baseline), borderColor: '#9e9e9e', backgroundColor: '#9e9e9e', borderDash: [4, 4], pointRadius: 0 },
    ],
  };
  return (
    <Card titleId="crisis-timeline-title" title={t('crisis.timeline')} testId="crisis-timeline">
      <p className="muted" data-testid="crisis-totals">
        {t('crisis.totals', {
          count: tl.totals.count,
          negative: formatPercent(tl.totals.negativeShare, locale, 0),
          reach: formatInteger(tl.totals.reach, locale),
          bucket: tl.bucketMinutes,
          baseline: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(tl.baseline.perBucket),
          baselineNegative: formatPercent(tl.baseline.negativeShare, locale, 0),
        })}
      </p>
      {tl.points.length > 0 ? (
        <>
          <LineChart data={data} label={t('crisis.timelineLabel')} height={240} />
          <ChartDataTable labels={labels} datasets={data.datasets.map((d) => ({ label: d.label, data: d.data }))} format={(v) => formatInteger(v, locale)} />
        </>
      ) : (
        <p className="muted">{t('crisis.noMentions')}</p>
      )}
      {tl.moments.length > 0 ? (
        <ol className="crisis-moments" data-testid="crisis-moments">
          {tl.moments.map((m, i) => (
            <li key={i} data-kind={m.kind}>
              <time dateTime={m.at}>{time(m.at)}</time> · <strong>{t(`crisis.moment.${m.kind}`)}</strong>
              {momentDetail(m)}
            </li>
          ))}
        </ol>
      ) : null}
    </Card>
  );
}

function Checklist({ crisis: c, onChanged }: { crisis: CrisisDetailDto; onChanged(c: CrisisDetailDto): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { workspace, canAct } = useWorkspace();
  const tick = useAction();
  return (
    <Card titleId="crisis-checklist-title" title={t('crisis.checklist')} testId="crisis-checklist">
      {c.checklist.length === 0 ? <p className="muted">{t('crisis.noChecklist')}</p> : null}
      <ul className="plain-list">
        {c.checklist.map((item) => (
          <li key={`${item.stage}-${item.id}`} className="plain-list__row">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={item.ticked !== null}
                disabled={!canAct || item.ticked !== null || tick.busy}
                onChange={() => void tick.run(async () => onChanged(await tickChecklistItem(workspace.id, c.id, item.id)))}
              />{' '}
              <span className="muted">{t(`crisis.stage.${item.stage}`)} ·</span> {item.label}
            </label>
            {item.ticked ? (
              <span className="muted">
                {' '}
                — {personLabel(item.ticked.by)}, {formatDateTime(item.ticked.at, locale, workspace.timezone)}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <FormStatus error={tick.error} />
    </Card>
  );
}

function Cell({ crisis: c }: { crisis: CrisisDetailDto }) {
  const { t } = useTranslation();
  return (
    <Card titleId="crisis-cell-title" title={t('crisis.cell')} testId="crisis-cell">
      {c.members.length === 0 ? <p className="muted">{t('crisis.noMembers')}</p> : null}
      <ul className="plain-list">
        {c.members.map((m) => (
          <li key={m.userId} className="plain-list__row">
            <span className="badge badge--neutral">{t(`crisis.role.${m.role}`, { defaultValue: m.role })}</span> {m.name ?? m.email}
            {m.name ? <span className="muted"> ({m.email})</span> : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Statements({ crisis: c, onChanged }: { crisis: CrisisDetailDto; onChanged(c: CrisisDetailDto): void }) {
  const { t } = useTranslation();
  const { workspace, canAct } = useWorkspace();
  const [language, setLanguage] = useState<'fr' | 'en'>(workspace.language === 'en' ? 'en' : 'fr');
  const [text, setText] = useState('');
  const act = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void act.run(async () => {
      onChanged(await submitStatement(workspace.id, c.id, { language, text: text.trim() }));
      setText('');
    });
  };
  return (
    <Card titleId="crisis-statements-title" title={t('crisis.statements')} testId="crisis-statements">
      {c.statements.length === 0 ? <p className="muted">{t('crisis.noStatement')}</p> : null}
      <ul className="crisis-statements">
        {c.statements.map((s) => (
          <StatementRow key={s.id} crisisId={c.id} statement={s} onChanged={onChanged} />
        ))}
      </ul>
      {canAct && c.stage !== 'closed' ? (
        <form onSubmit={submit} data-testid="crisis-statement-form">
          {c.holdingStatements.length > 0 ? (
            <label className="field">
              <span className="field__label">{t('crisis.holdingStatement')}</span>
              <select
                value=""
                onChange={(e) => {
                  const h = c.holdingStatements.find((x) => x.id === e.target.value);
                  if (h) {
                    setText(h.text);
                    setLanguage(h.language === 'en' ? 'en' : 'fr');
                  }
                }}
                data-testid="crisis-holding-pick"
              >
                <option value="">{t('crisis.holdingPick')}</option>
                {c.holdingStatements.map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.title} ({h.language})
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label className="field">
            <span className="field__label">{t('crisis.statementText')}</span>
            <textarea value={text} onChange={(e) => setText(e.target.value)} rows={4} maxLength={5000} required data-testid="crisis-statement-text" />
          </label>
          <label className="field field--inline">
            <span className="field__label">{t('crisis.language')}</span>
            <select value={language} onChange={(e) => setLanguage(e.target.value as 'fr' | 'en')}>
              <option value="fr">FR</option>
              <option value="en">EN</option>
            </select>
          </label>
          <div className="form-actions">
            <button type="submit" className="btn btn--primary" disabled={act.busy || !text.trim()} data-testid="crisis-statement-submit">
              {t('crisis.submitStatement')}
            </button>
          </div>
        </form>
      ) : null}
      <FormStatus error={act.error} />
    </Card>
  );
}

function StatementRow({ crisisId, statement: s, onChanged }: { crisisId: string; statement: CrisisStatementDto; onChanged(c: CrisisDetailDto): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { workspace, canAct } = useWorkspace();
  const [target, setTarget] = useState('');
  const act = useAction();
  const post = (e: FormEvent) => {
    e.preventDefault();
    const v = target.trim();
    void act.run(async () => onChanged(await postStatement(workspace.id, crisisId, s.id, /^https?:\/\//.test(v) ? { url: v } : { inboxItemId: v })));
  };
  return (
    <li className="crisis-statement" data-testid="crisis-statement" data-status={s.status}>
      <p className="crisis-statement__text">{s.text}</p>
      <p className="muted">
        {t(`crisis.statementStatus.${s.status}`)} · {s.language.toUpperCase()} · {t('crisis.submittedBy', { who: personLabel(s.submittedBy), at: formatDateTime(s.submittedAt, locale, workspace.timezone) })}
        {s.approvedAt ? ` · ${t('crisis.approvedBy', { who: personLabel(s.approvedBy), at: formatDateTime(s.approvedAt, locale, workspace.timezone) })}` : ''}
        {s.postedAt ? ` · ${t('crisis.postedBy', { who: personLabel(s.postedBy), at: formatDateTime(s.postedAt, locale, workspace.timezone) })}` : ''}
        {s.url ? (
          <>
            {' · '}
            <a href={s.url} target="_blank" rel="noopener noreferrer">
              {t('crisis.openPosted')}
            </a>
          </>
        ) : null}
      </p>
      {canAct && s.status === 'pending_approval' ? (
        <div className="row-actions">
          <button type="button" className="btn btn--primary btn--small" disabled={act.busy} onClick={() => void act.run(async () => onChanged(await decideStatement(workspace.id, crisisId, s.id, 'approve')))} data-testid="crisis-statement-approve">
            {t('crisis.approve')}
          </button>
          <button type="button" className="btn btn--secondary btn--small" disabled={act.busy} onClick={() => void act.run(async () => onChanged(await decideStatement(workspace.id, crisisId, s.id, 'reject')))}>
            {t('crisis.reject')}
          </button>
        </div>
      ) : null}
      {canAct && s.status === 'approved' ? (
        <form onSubmit={post} className="form-grid" data-testid="crisis-statement-post-form">
          <label className="field">
            <span className="field__label">{t('crisis.postTarget')}</span>
            <input value={target} onChange={(e) => setTarget(e.target.value)} required placeholder={t('crisis.postTargetHint')} data-testid="crisis-statement-target" />
          </label>
          <div className="form-actions">
            <button type="submit" className="btn btn--primary btn--small" disabled={act.busy || !target.trim()} data-testid="crisis-statement-post">
              {t('crisis.post')}
            </button>
          </div>
        </form>
      ) : null}
      <FormStatus error={act.error} />
    </li>
  );
}

function Influencers({ crisisId }: { crisisId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { workspace } = useWorkspace();
  const res = useApi((signal) => getCrisisInfluencers(workspace.id, crisisId, signal).then((r) => r.items), [workspace.id, crisisId]);
  return (
    <Card titleId="crisis-influencers-title" title={t('crisis.influencers')} testId="crisis-influencers">
      <AsyncList resource={res} skeletonRows={3} empty={t('crisis.noInfluencers')}>
        {(items) => (
          <DataTable
            label={`${t('crisis.influencers')} — ${t('crisis.col.reach')}`}
            columns={[
              { label: t('crisis.col.author') },
              { label: t('crisis.col.mentions'), numeric: true },
              { label: t('crisis.col.reach'), numeric: true },
              { label: t('crisis.col.engagement'), numeric: true },
              { label: t('crisis.col.negative'), numeric: true },
              { label: t('crisis.col.before') },
            ]}
          >
            {items.map((x, i) => (
              <tr key={`${x.platform}-${x.author.name}-${i}`}>
                <th scope="row">
                  <span className="badge badge--neutral">{t(`platform.${x.platform}`, { defaultValue: x.platform })}</span> {x.author.name}
                  {x.bigAccount ? <span className="badge badge--degraded"> {t('crisis.bigAccount')}</span> : null}
                </th>
                <td className="num">{formatInteger(x.mentions, locale)}</td>
                <td className="num">{formatInteger(x.reach, locale)}</td>
                <td className="num">{formatInteger(x.engagement, locale)}</td>
                <td className="num">{formatPercent(x.sentiment.negativeShare, locale, 0)}</td>
                <td>{x.talkedBefore ? t('crisis.talkedBefore', { count: x.priorMentions }) : t('crisis.newVoice')}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </AsyncList>
    </Card>
  );
}

function Events({ crisis: c }: { crisis: CrisisDetailDto }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { workspace } = useWorkspace();
  return (
    <Card titleId="crisis-events-title" title={t('crisis.actions')} testId="crisis-events">
      <ol className="crisis-events">
        {c.events.map((e) => (
          <li key={e.id} data-kind={e.kind}>
            <time dateTime={e.at}>{formatDateTime(e.at, locale, workspace.timezone)}</time> · <strong>{t(`crisis.event.${e.kind}`)}</strong>
            {e.toStage ? ` → ${t(`crisis.stage.${e.toStage}`)}` : ''}
            {e.label ? ` — ${e.label}` : ''}
            {e.reason ? ` — « ${e.reason} »` : ''} <span className="muted">({personLabel(e.by)})</span>
          </li>
        ))}
      </ol>
    </Card>
  );
}
