import type { CrisisDetailDto, CrisisInfluencersDto } from '@vigie/contracts';
import { escapeHtml as e } from '../reports/render/escape-html';
import { formatInteger, platformName } from '../reports/render/format';
import { sparklineSvg } from '../reports/render/sparkline-svg';

export type Lang = 'fr' | 'en';
const T = (l: Lang, fr: string, en: string) => (l === 'fr' ? fr : en);

/** `YYYY-MM-DD HH:mm` in the workspace's time zone (the report's and the tests' one format). */
export function localTime(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

type Moment = CrisisDetailDto['timeline']['moments'][number];

/** A moment of the timeline in the report's language, from its fields (the DTO's label is English). */
export function momentLine(m: Moment, l: Lang, bucketMinutes: number): string {
  const n = (x: number | null) => formatInteger(x, l);
  const where = m.platform ? platformName(m.platform) : '';
  switch (m.kind) {
    case 'first_mention':
      return T(l, `Première mention (${where})`, `First mention (${where})`);
    case 'big_account':
      return T(l, `${m.author ?? '—'} (${n(m.value)} abonnés, ${where}) s'en empare`, `${m.author ?? '—'} (${n(m.value)} followers, ${where}) joined`);
    case 'statement_posted': {
      const how = m.manual ? T(l, ', publiée à la main', ', manually') : '';
      return T(l, `Déclaration publiée (${m.language ?? '—'}${how})`, `Statement posted (${m.language ?? '—'}${how})`);
    }
    case 'peak':
      return T(l, `Pic : ${n(m.count)} mentions en ${bucketMinutes} min`, `Peak: ${n(m.count)} mentions in ${bucketMinutes} min`);
    case 'decline':
      return T(
        l,
        `Décrue : moins de ${n(m.value)} mentions par ${bucketMinutes} min pendant ${n(m.minutes)} min`,
        `Decline: under ${n(m.value)} mentions per ${bucketMinutes} min for ${n(m.minutes)} min`,
      );
    default:
      return m.label;
  }
}

export interface CrisisReportView {
  crisis: CrisisDetailDto;
  influencers: CrisisInfluencersDto;
  brandNames: string[];
  timezone: string;
  language: Lang;
  sentiment: { before: Share; during: Share; after: Share | null };
  themes: Array<{ term: string; count: number }>;
  generatedAt: string;
}
type Share = { count: number; negative: number; positive: number };

const STAGE: Record<string, [string, string]> = {
  watch: ['veille', 'watch'],
  active: ['active', 'active'],
  contained: ['contenue', 'contained'],
  closed: ['close', 'closed'],
};

function eventLine(ev: CrisisDetailDto['events'][number], l: Lang): string {
  const st = (s: string | null) => (s ? STAGE[s]![l === 'fr' ? 0 : 1] : '');
  switch (ev.kind) {
    case 'opened':
      return T(l, 'Crise ouverte', 'Crisis opened');
    case 'stage_changed':
      return `${T(l, 'Étape', 'Stage')} ${st(ev.fromStage)} → ${st(ev.toStage)} : ${ev.reason ?? ''}`;
    case 'member_added':
      return `${T(l, 'Membre ajouté à la cellule', 'Member added to the cell')} (${ev.role ?? ''})`;
    case 'member_removed':
      return T(l, 'Membre retiré de la cellule', 'Member removed from the cell');
    case 'checklist_ticked':
      return `${T(l, 'Check-list cochée', 'Checklist ticked')} : ${ev.label ?? ''}`;
    case 'statement_submitted':
      return T(l, 'Déclaration soumise', 'Statement submitted');
    case 'statement_approved':
      return T(l, 'Déclaration approuvée', 'Statement approved');
    case 'statement_rejected':
      return T(l, 'Déclaration refusée', 'Statement rejected');
    case 'statement_posted':
      return `${T(l, 'Déclaration publiée', 'Statement posted')}${ev.url ? ` (${ev.url})` : ev.label ? ` (${ev.label})` : ''}`;
    default:
      return ev.kind;
  }
}

const share = (s: Share | null, l: Lang) => (s && s.count ? `${Math.round((s.negative / s.count) * 100)} % ${T(l, 'négatif', 'negative')} (${s.count} mentions)` : '—');

/** The post-crisis report page: every value escaped (texts come from members and platforms), CSS given by the caller. */
export function renderCrisisReportHtml(v: CrisisReportView, css: string): string {
  const l = v.language;
  const c = v.crisis;
  const tl = c.timeline;
  const tz = v.timezone;
  const peak = tl.moments.find((m) => m.kind === 'peak');
  const end = c.closedAt ?? v.generatedAt;
  const minutes = Math.round((Date.parse(end) - Date.parse(c.openedAt)) / 60_000);
  const duration = `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
  // The first column (a time or a label) never wraps, so each step reads on one line with its time.
  const rows = (cells: string[][]) => cells.map((r) => `<tr>${r.map((x, i) => (i === 0 ? `<td class="nowrap">${e(x)}</td>` : `<td>${e(x)}</td>`)).join('')}</tr>`).join('');
  return `<!doctype html><html lang="${l}"><head><meta charset="utf-8"><title>${e(c.title)}</title><style>${css}
td.nowrap{white-space:nowrap}</style></head><body>
<header class="report-head"><div><h1>${e(T(l, 'Bilan de crise', 'Post-crisis report'))} — ${e(c.title)}</h1>
<p class="subtitle">${e(v.brandNames.join(', '))} · ${e(T(l, 'étape', 'stage'))} ${e(STAGE[c.stage]![l === 'fr' ? 0 : 1])} · ${e(tz)}</p></div></header>
<section id="figures"><h2>${e(T(l, 'Chiffres clés', 'Key figures'))}</h2><table><tbody>${rows([
    [T(l, 'Ouverture', 'Opened'), localTime(c.openedAt, tz)],
    [T(l, 'Clôture', 'Closed'), c.closedAt ? localTime(c.closedAt, tz) : '—'],
    [T(l, 'Durée', 'Duration'), duration],
    [T(l, 'Mentions', 'Mentions'), String(tl.totals.count)],
    [T(l, 'Portée cumulée', 'Total reach'), String(tl.totals.reach)],
    [T(l, 'Pic', 'Peak'), peak ? `${localTime(peak.at, tz)} — ${peak.count} mentions / ${tl.bucketMinutes} min` : '—'],
    [T(l, 'Référence', 'Baseline'), `${tl.baseline.perBucket} mentions / ${tl.bucketMinutes} min (${T(l, 'moyenne des 7 jours avant', 'mean of the 7 days before')})`],
    [T(l, 'Sentiment avant', 'Sentiment before'), share(v.sentiment.before, l)],
    [T(l, 'Sentiment pendant', 'Sentiment during'), share(v.sentiment.during, l)],
    [T(l, 'Sentiment après', 'Sentiment after'), share(v.sentiment.after, l)],
  ])}</tbody></table></section>
<section id="timeline"><h2>${e(T(l, 'Chronologie', 'Timeline'))}</h2>
${sparklineSvg(tl.points.map((p) => p.count), { width: 640, height: 80, label: T(l, 'Mentions par intervalle', 'Mentions per interval') })}
<table><thead><tr><th>${e(T(l, 'Heure', 'Time'))}</th><th>${e(T(l, 'Moment', 'Moment'))}</th></tr></thead><tbody>${rows(tl.moments.map((m) => [localTime(m.at, tz), momentLine(m, l, tl.bucketMinutes)]))}</tbody></table></section>
<section id="actions"><h2>${e(T(l, 'Actions de la cellule', "The cell's actions"))}</h2>
<table><thead><tr><th>${e(T(l, 'Heure', 'Time'))}</th><th>${e(T(l, 'Action', 'Action'))}</th><th>${e(T(l, 'Par', 'By'))}</th><th>${e(T(l, 'Délai depuis l’ouverture', 'Since opening'))}</th></tr></thead><tbody>${rows(
    c.events.map((ev) => [localTime(ev.at, tz), eventLine(ev, l), ev.by?.email ?? '—', `${Math.round((Date.parse(ev.at) - Date.parse(c.openedAt)) / 60_000)} min`]),
  )}</tbody></table></section>
<section id="statements"><h2>${e(T(l, 'Déclarations', 'Statements'))}</h2><table><tbody>${rows(
    c.statements.map((s) => [s.postedAt ? localTime(s.postedAt, tz) : '—', s.status, s.language, s.text]),
  )}</tbody></table></section>
<section id="influencers"><h2>${e(T(l, 'Qui a relayé', 'Who spread it'))}</h2><table><thead><tr><th>${e(T(l, 'Auteur', 'Author'))}</th><th>${e(T(l, 'Plate-forme', 'Platform'))}</th><th>${e(T(l, 'Portée', 'Reach'))}</th><th>${e(T(l, 'Mentions', 'Mentions'))}</th><th>${e(T(l, 'Négatif', 'Negative'))}</th></tr></thead><tbody>${rows(
    v.influencers.items.slice(0, 10).map((i) => [i.author.name, i.platform, String(i.reach), String(i.mentions), `${Math.round(i.sentiment.negativeShare * 100)} %`]),
  )}</tbody></table></section>
<section id="themes"><h2>${e(T(l, 'Thèmes principaux', 'Top themes'))}</h2><p>${v.themes.map((t) => `${e(t.term)} (${t.count})`).join(' · ') || '—'}</p></section>
<section id="recommendations"><h2>${e(T(l, 'Recommandations', 'Recommendations'))}</h2><ul>${c.recommendations.map((r) => `<li>${e(r.text[l])}</li>`).join('') || `<li>${e(T(l, 'Aucune', 'None'))}</li>`}</ul></section>
<p class="muted">${e(T(l, 'Généré le', 'Generated'))} ${e(localTime(v.generatedAt, tz))}</p>
</body></html>`;
}
