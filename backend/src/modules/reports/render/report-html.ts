import { KPI_DEFINITIONS, type KpiKey } from '@vigie/kpi';
import type { RecommendationItem, ReportFigures, ReportLanguage, SectionKey } from '../report-figures';
import { inboundTypeName, themeName } from '../summaries';
import { escapeHtml as e } from './escape-html';
import { contentTypeName, dayName, formatInstant, formatInteger, formatMinutes, formatNumber, formatPercent, formatPoints, formatSignedPercent, formatTimes, monthName, platformName } from './format';
import { reportTitle, SECTION_TITLES } from './section-titles';
import { sparklineSvg } from './sparkline-svg';

export interface ReportView {
  status: 'draft' | 'sent';
  sentAt: Date | string | null;
  figures: ReportFigures;
  recommendations: RecommendationItem[];
  summaries: Record<SectionKey, string>;
}

export interface RenderOptions {
  /** A <link> to the CSS route (web page, CSP-safe) or the CSS itself (PDF, e-mail). */
  css: { href: string } | { inline: string };
}

const T = (l: ReportLanguage, fr: string, en: string) => (l === 'fr' ? fr : en);

export function formatKpi(key: KpiKey, value: number | null, l: ReportLanguage): string {
  if (value === null) return '—';
  switch (KPI_DEFINITIONS[key].format) {
    case 'percent':
      return formatPercent(value, l);
    case 'minutes':
      return formatMinutes(value, l);
    case 'decimal':
      return formatNumber(value, l, 2);
    default:
      return formatInteger(value, l);
  }
}

/** Change column: relative change for counts, points for ratios; coloured by what is "good". */
function changeCell(key: KpiKey, d: { absolute: number | null; relative: number | null }, l: ReportLanguage): string {
  const def = KPI_DEFINITIONS[key];
  const text =
    def.format === 'percent'
      ? formatPoints(d.absolute, l)
      : def.format === 'minutes'
        ? d.absolute === null
          ? '—'
          : `${d.absolute > 0 ? '+' : d.absolute < 0 ? '−' : ''}${formatMinutes(Math.abs(d.absolute), l)}`
        : d.relative !== null
          ? formatSignedPercent(d.relative, l)
          : d.absolute !== null
            ? `${d.absolute > 0 ? '+' : ''}${formatInteger(d.absolute, l)}`
            : '—';
  let cls = '';
  if (d.absolute !== null && d.absolute !== 0 && def.higherIsBetter !== null) {
    cls = d.absolute > 0 === def.higherIsBetter ? 'up' : 'down';
  }
  return `<td class="num ${cls}">${e(text)}</td>`;
}

const label = (key: KpiKey, l: ReportLanguage) => KPI_DEFINITIONS[key].label[l];

function head(f: ReportFigures, view: ReportView): string {
  const l = f.language;
  const logo = f.brand.logoUrl && /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,/.test(f.brand.logoUrl)
    ? `<img class="logo" src="${e(f.brand.logoUrl)}" alt="${e(f.brand.name)}">`
    : `<div class="monogram" aria-hidden="true">${e(f.brand.name.trim().charAt(0).toUpperCase())}</div>`;
  const status =
    view.status === 'sent'
      ? `<span class="badge sent">${T(l, 'envoyé', 'sent')}${view.sentAt ? ` ${e(formatInstant(new Date(view.sentAt).toISOString(), l, f.workspace.timezone))}` : ''}</span>`
      : `<span class="badge">${T(l, 'brouillon', 'draft')}</span>`;
  return `<header class="report-head">${logo}<div><h1>${e(f.brand.name)} — ${e(reportTitle(l))}${status}</h1>
<p class="subtitle">${e(monthName(f.month, l))} · ${e(f.workspace.name)} · ${T(l, 'du', 'from')} ${e(dayName(f.period.from, l))} ${T(l, 'au', 'to')} ${e(dayName(f.period.to, l))} (${e(f.workspace.timezone)})</p></div></header>`;
}

function indicators(f: ReportFigures, summary: string): string {
  const l = f.language;
  const shown = f.indicators.rows.filter((r) => r.value !== null || r.previous !== null || r.series.some((v) => v !== null));
  const hidden = f.indicators.rows.filter((r) => !shown.includes(r));
  const rows = shown
    .map(
      (r) => `<tr><td>${e(label(r.key, l))}${r.partial ? ' <span class="muted">*</span>' : ''}</td>
<td class="num"><strong>${e(formatKpi(r.key, r.value, l))}</strong></td><td class="num">${e(formatKpi(r.key, r.previous, l))}</td>
${changeCell(r.key, r.delta, l)}<td>${sparklineSvg(r.series, { label: `${label(r.key, l)}: ${f.months[0]} → ${f.month}` })}</td></tr>`,
    )
    .join('\n');
  const channelKeys: KpiKey[] = ['followers', 'posts', 'reach', 'interactions', 'engagementRateByReach', 'ctr'];
  const channels = f.indicators.byChannel.length
    ? `<h3>${T(l, 'Par canal', 'By channel')}</h3><table><thead><tr><th>${T(l, 'Canal', 'Channel')}</th>${channelKeys
        .map((k) => `<th class="num">${e(label(k, l))}</th>`)
        .join('')}</tr></thead><tbody>${f.indicators.byChannel
        .map(
          (c) =>
            `<tr><td>${e(platformName(c.platform))} · ${e(c.handle)}</td>${channelKeys
              .map((k) => {
                const r = c.rows.find((x) => x.key === k);
                if (!r) return '<td class="num">—</td>';
                const d = KPI_DEFINITIONS[k].format === 'percent' ? formatPoints(r.delta.absolute, l) : formatSignedPercent(r.delta.relative, l);
                return `<td class="num">${e(formatKpi(k, r.value, l))}<br><span class="muted">${e(d)}</span></td>`;
              })
              .join('')}</tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  const types = f.indicators.byContentType.length
    ? `<h3>${T(l, 'Par format', 'By format')}</h3><table><thead><tr><th>${T(l, 'Format', 'Format')}</th><th class="num">${e(label('posts', l))}</th><th class="num">${e(label('interactions', l))}</th><th class="num">${e(label('engagementRateByReach', l))}</th></tr></thead><tbody>${f.indicators.byContentType
        .map(
          (t) =>
            `<tr><td>${e(contentTypeName(t.contentType, l))}</td><td class="num">${e(formatInteger(t.posts, l))}</td><td class="num">${e(formatInteger(t.interactions, l))}</td><td class="num">${e(formatPercent(t.engagementRateByReach, l))}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  return `<section id="indicators"><h2>${e(SECTION_TITLES.indicators[l])}</h2><p class="summary">${e(summary)}</p>
<table><thead><tr><th>${T(l, 'Indicateur', 'Indicator')}</th><th class="num">${e(monthName(f.month, l))}</th><th class="num">${e(monthName(f.months[f.months.length - 2] ?? f.month, l))}</th><th class="num">${T(l, 'Évolution', 'Change')}</th><th>${T(l, '12 mois', '12 months')}</th></tr></thead>
<tbody>${rows}</tbody></table>
${shown.some((r) => r.partial) ? `<p class="note">* ${T(l, 'Donnée partielle : certaines publications ne fournissaient pas cette mesure.', 'Partial figure: some posts did not provide this metric.')}</p>` : ''}
${hidden.length ? `<p class="note">${T(l, 'Non disponibles pour cette marque', 'Not available for this brand')} : ${hidden.map((r) => e(label(r.key, l))).join(', ')}.</p>` : ''}
${channels}${types}</section>`;
}

function postLine(p: ReportFigures['highlights']['topPosts'][number], f: ReportFigures): string {
  const l = f.language;
  const why =
    p.timesMedian !== null
      ? T(l, `${formatTimes(p.timesMedian, l)} le taux d'engagement médian du mois`, `${formatTimes(p.timesMedian, l)} the month's median engagement rate`)
      : T(l, 'taux non calculable', 'rate not computable');
  const link = p.permalink && /^https?:\/\//.test(p.permalink) ? ` · <a href="${e(p.permalink)}">${T(l, 'voir', 'open')}</a>` : '';
  return `<li><strong>${e(platformName(p.platform))}</strong> · ${e(dayName(p.publishedAt.slice(0, 10), l))} · ${e(contentTypeName(p.contentType, l))} — ${e(formatInteger(p.interactions, l))} interactions, ${e(formatPercent(p.rate, l))} (${e(why)})${link}<br><span class="muted">${e(p.excerpt)}</span></li>`;
}

const ALERT_KINDS: Record<string, Record<ReportLanguage, string>> = {
  spike: { fr: 'Pic de mentions', en: 'Mention spike' },
  crisis: { fr: 'Crise (afflux négatif)', en: 'Crisis (negative surge)' },
  first_appearance: { fr: 'Première apparition', en: 'First appearance' },
  big_account: { fr: 'Compte influent', en: 'Influential account' },
};

function alertKindName(kind: string, l: ReportLanguage): string {
  return ALERT_KINDS[kind]?.[l] ?? kind;
}

function alertEventName(event: string, count: number | null, l: ReportLanguage): string {
  switch (event) {
    case 'raised':
      return T(l, 'alerte levée', 'alert raised');
    case 'lastSeen':
      return T(l, `encore actif, ${formatInteger(count, l)} mentions`, `still active, ${formatInteger(count, l)} mentions`);
    case 'acknowledged':
      return T(l, 'prise en compte', 'acknowledged');
    case 'resolved':
      return T(l, 'résolue', 'resolved');
    default:
      return event;
  }
}

function highlights(f: ReportFigures, summary: string): string {
  const l = f.language;
  const h = f.highlights;
  const top = h.topPosts.length
    ? `<h3>${T(l, 'Publications les plus engageantes', 'Top posts')}</h3><p class="note">${T(l, 'Taux médian des', 'Median rate of the')} ${e(formatInteger(h.postsCount, l))} ${T(l, 'publications du mois', 'posts of the month')} : ${e(formatPercent(h.medianRate, l))}</p><ol>${h.topPosts.map((p) => postLine(p, f)).join('')}</ol>`
    : '';
  const records: string[] = [];
  if (h.bestDay) records.push(`${T(l, 'Meilleur jour', 'Best day')} : ${e(dayName(h.bestDay.day, l))} — ${e(formatInteger(h.bestDay.interactions, l))} interactions`);
  if (h.bestPostEver)
    records.push(
      `${T(l, 'Meilleure publication de la marque à ce jour', "Brand's best post ever")} : ${e(platformName(h.bestPostEver.platform))}, ${e(dayName(h.bestPostEver.publishedAt.slice(0, 10), l))} — ${e(formatInteger(h.bestPostEver.interactions, l))} interactions${h.bestPostEver.thisMonth ? ` <strong>(${T(l, 'ce mois-ci', 'this month')})</strong>` : ''}`,
    );
  if (h.bestMonthOfYear) records.push(T(l, 'Meilleur mois des douze derniers en interactions', 'Best month of the last twelve for interactions'));
  const alerts =
    h.alerts === null
      ? `<p class="note">${T(l, 'Alertes de veille non disponibles dans cette installation.', 'Listening alerts are not available in this install.')}</p>`
      : h.alerts.length === 0
        ? `<p class="note">${T(l, 'Aucun pic ni crise ce mois-ci.', 'No spike or crisis this month.')}</p>`
        : h.alerts
            .map(
              (a) => `<h3>${e(alertKindName(a.kind, l))} — ${e(a.title)}</h3><ol class="timeline">${a.timeline
                .map((t) => `<li>${e(formatInstant(t.at, l, f.workspace.timezone))} — ${e(alertEventName(t.event, t.count, l))}${t.by ? ` (${e(t.by)})` : ''}</li>`)
                .join('')}</ol><p class="note">${
                a.resolvedAt
                  ? `${T(l, 'Résolue le', 'Resolved on')} ${e(formatInstant(a.resolvedAt, l, f.workspace.timezone))}${a.resolvedBy ? ` ${T(l, 'par', 'by')} ${e(a.resolvedBy)}` : ''}`
                  : a.acknowledgedAt
                    ? `${T(l, 'Prise en compte le', 'Acknowledged on')} ${e(formatInstant(a.acknowledgedAt, l, f.workspace.timezone))}${a.acknowledgedBy ? ` ${T(l, 'par', 'by')} ${e(a.acknowledgedBy)}` : ''}, ${T(l, 'non résolue', 'not resolved')}`
                    : T(l, 'Non traitée', 'Not handled')
              }</p>`,
            )
            .join('');
  return `<section id="highlights"><h2>${e(SECTION_TITLES.highlights[l])}</h2><p class="summary">${e(summary)}</p>${top}
${records.length ? `<h3>${T(l, 'Records', 'Records')}</h3><ul>${records.map((r) => `<li>${r}</li>`).join('')}</ul>` : ''}
<h3>${T(l, 'Pics et crises', 'Spikes and crises')}</h3>${alerts}</section>`;
}

function inbound(f: ReportFigures, summary: string): string {
  const l = f.language;
  const i = f.inbound;
  if (i.counts === null) return `<section id="inbound"><h2>${e(SECTION_TITLES.inbound[l])}</h2><p class="summary">${e(summary)}</p></section>`;
  const counts = `<table><thead><tr><th>${T(l, 'Type de demande', 'Request type')}</th><th class="num">${e(monthName(f.month, l))}</th><th class="num">${T(l, 'Mois précédent', 'Previous month')}</th></tr></thead><tbody>${i.counts
    .map((c) => `<tr><td>${e(inboundTypeName(c.type, l))}</td><td class="num"><strong>${e(formatInteger(c.count, l))}</strong></td><td class="num">${e(formatInteger(c.previous, l))}</td></tr>`)
    .join('')}</tbody></table>`;
  const quotes = i.quotes.length
    ? `<h3>${T(l, 'Messages notables', 'Notable messages')}</h3>${i.quotes
        .map(
          (q) =>
            `<blockquote>${e(q.text)}<span class="who">${e(q.author)} · ${e(platformName(q.platform))} · ${e(dayName(q.publishedAt.slice(0, 10), l))} · ${e(inboundTypeName(q.type, l))}</span></blockquote>`,
        )
        .join('')}`
    : '';
  const services = i.services?.length
    ? `<h3>${T(l, 'Réponses par service', 'Responses per service')}</h3><table><thead><tr><th>${T(l, 'Service', 'Service')}</th><th class="num">${T(l, 'Demandes', 'Requests')}</th><th class="num">${T(l, 'Traitées', 'Answered')}</th><th class="num">${e(label('responseRate', l))}</th><th class="num">${e(label('medianFirstResponseMinutes', l))}</th></tr></thead><tbody>${i.services
        .map(
          (s) =>
            `<tr><td>${e(s.name || T(l, 'Non assignées', 'Not assigned'))}</td><td class="num">${e(formatInteger(s.requests, l))}</td><td class="num">${e(formatInteger(s.answered, l))}</td><td class="num">${e(formatPercent(s.responseRate, l, 0))}</td><td class="num">${e(formatMinutes(s.medianFirstResponseMinutes, l))}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  const th = i.themes;
  const themes = th?.items.length
    ? `<h3>${T(l, 'Sujets de conversation', 'What the community talked about')}</h3><p class="muted">${e(
        T(
          l,
          `${formatInteger(th.analysedComments, l)} commentaires de la communauté analysés, dont ${formatInteger(th.withTheme, l)} sur au moins un sujet.`,
          `${formatInteger(th.analysedComments, l)} community comments analysed, ${formatInteger(th.withTheme, l)} about at least one theme.`,
        ),
      )}</p><table id="themes"><thead><tr><th>${T(l, 'Sujet', 'Theme')}</th><th class="num">${T(l, 'Commentaires', 'Comments')}</th><th class="num">${T(l, 'Négatifs', 'Negative')}</th><th class="num">${T(l, 'Neutres', 'Neutral')}</th><th class="num">${T(l, 'Positifs', 'Positive')}</th><th class="num">${T(l, 'Mois précédent', 'Previous month')}</th></tr></thead><tbody>${th.items
        .map(
          (x) =>
            `<tr><td>${e(themeName(x.aspect, l))}</td><td class="num"><strong>${e(formatInteger(x.comments, l))}</strong></td><td class="num">${e(formatPercent(x.negative / Math.max(1, x.comments), l, 0))}</td><td class="num">${e(formatPercent(x.neutral / Math.max(1, x.comments), l, 0))}</td><td class="num">${e(formatPercent(x.positive / Math.max(1, x.comments), l, 0))}</td><td class="num">${e(formatInteger(x.previousComments, l))}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  return `<section id="inbound"><h2>${e(SECTION_TITLES.inbound[l])}</h2><p class="summary">${e(summary)}</p>${counts}${themes}${quotes}${services}</section>`;
}

function competitors(f: ReportFigures, summary: string): string {
  const l = f.language;
  const c = f.competitors;
  const sov = (now: number | null, before: number | null) =>
    now === null ? '—' : `${formatPercent(now, l, 1)}${before !== null ? ` (${formatPoints(now - before, l)})` : ''}`;
  const rate = (now: number | null, before: number | null) =>
    `${formatPercent(now, l)}${now !== null && before !== null ? ` (${formatPoints(now - before, l)})` : ''}`;
  const table = c.competitors.length
    ? `<table><thead><tr><th>${T(l, 'Marque', 'Brand')}</th><th class="num">${e(label('engagementRateByReach', l))}</th><th class="num">${e(label('interactions', l))}</th><th class="num">${e(label('posts', l))}</th><th class="num">${e(label('followers', l))}</th><th class="num">${e(label('shareOfVoice', l))}</th></tr></thead><tbody>
<tr><td><strong>${e(f.brand.name)}</strong></td><td class="num">${e(rate(c.brand.engagementRateByReach, c.brand.previousEngagementRateByReach))}</td><td class="num">${e(formatInteger(c.brand.interactions, l))}</td><td class="num">${e(formatInteger(f.indicators.rows.find((r) => r.key === 'posts')?.value ?? null, l))}</td><td class="num">${e(formatInteger(f.indicators.rows.find((r) => r.key === 'followers')?.value ?? null, l))}</td><td class="num">${e(sov(c.brand.shareOfVoice, c.brand.previousShareOfVoice))}</td></tr>
${c.competitors
  .map(
    (x) =>
      `<tr><td>${e(x.name)}</td><td class="num">${e(rate(x.engagementRateByReach, x.previousEngagementRateByReach))}</td><td class="num">${e(formatInteger(x.interactions, l))}</td><td class="num">${e(formatInteger(x.posts, l))}</td><td class="num">${e(formatInteger(x.followers, l))}</td><td class="num">${e(sov(x.shareOfVoice, x.previousShareOfVoice))}</td></tr>`,
  )
  .join('')}</tbody></table>${c.shareOfVoiceSource !== 'veille' ? `<p class="note">${T(l, 'Part de voix par concurrent non disponible (veille).', 'Share of voice per competitor is not available (listening).')}</p>` : ''}`
    : '';
  return `<section id="competitors"><h2>${e(SECTION_TITLES.competitors[l])}</h2><p class="summary">${e(summary)}</p>${table}</section>`;
}

function recommendations(f: ReportFigures, items: RecommendationItem[], summary: string): string {
  const l = f.language;
  return `<section id="recommendations"><h2>${e(SECTION_TITLES.recommendations[l])}</h2><p class="summary">${e(summary)}</p>${
    items.length ? `<ol class="recommendations">${items.map((r) => `<li>${e(r.text)}</li>`).join('')}</ol>` : ''
  }</section>`;
}

/** The whole report as one self-contained HTML document (no script; SVG sparklines). */
export function renderReportHtml(view: ReportView, opts: RenderOptions): string {
  const f = view.figures;
  const l = f.language;
  const css = 'href' in opts.css ? `<link rel="stylesheet" href="${e(opts.css.href)}">` : `<style>${opts.css.inline}</style>`;
  return `<!doctype html>
<html lang="${l}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(f.brand.name)} — ${e(reportTitle(l))} ${e(monthName(f.month, l))}</title>${css}</head>
<body><main class="page">
${head(f, view)}
${indicators(f, view.summaries.indicators)}
${highlights(f, view.summaries.highlights)}
${inbound(f, view.summaries.inbound)}
${competitors(f, view.summaries.competitors)}
${recommendations(f, view.recommendations, view.summaries.recommendations)}
<footer>${T(l, 'Généré par Vigie le', 'Generated by Vigie on')} ${e(formatInstant(f.generatedAt, l, f.workspace.timezone))}. ${T(
    l,
    'Les taux sont des ratios de sommes sur le mois (définitions : info-bulles du tableau de bord).',
    'Rates are ratios of sums over the month (definitions: the dashboard tooltips).',
  )}${f.unavailable.length ? ` ${T(l, 'Sources indisponibles', 'Unavailable sources')} : ${e(f.unavailable.join(', '))}.` : ''}</footer>
</main></body></html>`;
}

