import type { KpiKey } from '@vigie/kpi';
import { contentTypeName, dayName, formatInteger, formatMinutes, formatPercent, formatPoints, formatSignedPercent, formatTimes, monthName, platformName } from './render/format';
import type { InboundType, RecommendationItem, ReportFigures, ReportLanguage, SectionKey } from './report-figures';

/**
 * Each section's short written summary, generated from the frozen figures by templates (FR/EN):
 * every number comes from the figures, and a missing source is said, never filled in.
 */
export function summarize(f: ReportFigures, recommendations: RecommendationItem[]): Record<SectionKey, string> {
  const l = f.language;
  return {
    indicators: indicatorsSummary(f, l),
    highlights: highlightsSummary(f, l),
    inbound: inboundSummary(f, l),
    competitors: competitorsSummary(f, l),
    recommendations: recommendationsSummary(recommendations.length, l),
  };
}

const T = (l: ReportLanguage, fr: string, en: string) => (l === 'fr' ? fr : en);

function row(f: ReportFigures, key: KpiKey) {
  return f.indicators.rows.find((r) => r.key === key);
}

function change(f: ReportFigures, key: KpiKey, l: ReportLanguage): string {
  const r = row(f, key);
  if (!r || r.delta.relative === null) return '';
  return T(l, ` (${formatSignedPercent(r.delta.relative, l)} sur un mois)`, ` (${formatSignedPercent(r.delta.relative, l)} month on month)`);
}

function pointsChange(f: ReportFigures, key: KpiKey, l: ReportLanguage): string {
  const r = row(f, key);
  if (!r || r.delta.absolute === null) return '';
  return ` (${formatPoints(r.delta.absolute, l)})`;
}

function indicatorsSummary(f: ReportFigures, l: ReportLanguage): string {
  const v = (key: KpiKey) => row(f, key)?.value ?? null;
  const missing = (key: KpiKey) => row(f, key)?.missing ?? true;
  const month = monthName(f.month, l);
  const parts: string[] = [];
  const posts = v('posts');
  if (!posts) {
    parts.push(T(l, `Aucune publication de ${f.brand.name} en ${month}.`, `${f.brand.name} published no post in ${month}.`));
  } else {
    parts.push(
      T(
        l,
        `En ${month}, ${f.brand.name} a publié ${formatInteger(posts, l)} fois${change(f, 'posts', l)}, pour ${formatInteger(v('interactions'), l)} interactions${change(f, 'interactions', l)}.`,
        `In ${month}, ${f.brand.name} published ${formatInteger(posts, l)} posts${change(f, 'posts', l)}, which got ${formatInteger(v('interactions'), l)} interactions${change(f, 'interactions', l)}.`,
      ),
    );
    if (!missing('reach')) {
      parts.push(T(l, `Portée cumulée : ${formatInteger(v('reach'), l)}${change(f, 'reach', l)}.`, `Cumulated reach: ${formatInteger(v('reach'), l)}${change(f, 'reach', l)}.`));
    } else parts.push(T(l, 'La portée n’a pas été fournie par les plateformes.', 'The platforms did not provide reach.'));
    const rate = v('engagementRateByReach');
    if (rate !== null) {
      parts.push(T(l, `Taux d'engagement (portée) : ${formatPercent(rate, l)}${pointsChange(f, 'engagementRateByReach', l)}.`, `Engagement rate by reach: ${formatPercent(rate, l)}${pointsChange(f, 'engagementRateByReach', l)}.`));
    }
  }
  const followers = v('followers');
  if (followers !== null) {
    const net = v('netFollowers');
    parts.push(
      T(
        l,
        `Abonnés en fin de mois : ${formatInteger(followers, l)}${net !== null ? ` (${net >= 0 ? '+' : ''}${formatInteger(net, l)})` : ''}.`,
        `Followers at the end of the month: ${formatInteger(followers, l)}${net !== null ? ` (${net >= 0 ? '+' : ''}${formatInteger(net, l)})` : ''}.`,
      ),
    );
  } else parts.push(T(l, 'Aucun relevé d’abonnés ce mois-ci.', 'No follower count was recorded this month.'));
  const sentiment = v('netSentiment');
  if (sentiment !== null) parts.push(T(l, `Sentiment net : ${formatPercent(sentiment, l, 0)}.`, `Net sentiment: ${formatPercent(sentiment, l, 0)}.`));
  return parts.join(' ');
}

function highlightsSummary(f: ReportFigures, l: ReportLanguage): string {
  const h = f.highlights;
  const parts: string[] = [];
  const top = h.topPosts[0];
  if (!top) parts.push(T(l, 'Aucune publication à mettre en avant ce mois-ci.', 'No post to highlight this month.'));
  else {
    const why =
      top.timesMedian !== null
        ? T(l, `, soit ${formatTimes(top.timesMedian, l)} le taux d'engagement médian du mois`, `, ${formatTimes(top.timesMedian, l)} the month's median engagement rate`)
        : '';
    parts.push(
      T(
        l,
        `Publication la plus engageante : ${contentTypeName(top.contentType, l)} sur ${platformName(top.platform)} du ${dayName(top.publishedAt.slice(0, 10), l)}, ${formatInteger(top.interactions, l)} interactions${why}.`,
        `Most engaging post: ${platformName(top.platform)} (${top.contentType}) of ${dayName(top.publishedAt.slice(0, 10), l)}, ${formatInteger(top.interactions, l)} interactions${why}.`,
      ),
    );
  }
  if (h.bestDay) parts.push(T(l, `Meilleur jour : ${dayName(h.bestDay.day, l)} (${formatInteger(h.bestDay.interactions, l)} interactions).`, `Best day: ${dayName(h.bestDay.day, l)} (${formatInteger(h.bestDay.interactions, l)} interactions).`));
  if (h.bestPostEver?.thisMonth) parts.push(T(l, 'Record : la meilleure publication de la marque à ce jour date de ce mois.', "Record: the brand's best post ever was published this month."));
  if (h.bestMonthOfYear) parts.push(T(l, 'Meilleur mois des douze derniers en interactions.', 'Best month of the last twelve for interactions.'));
  if (h.alerts === null) parts.push(T(l, 'Alertes de veille non disponibles (veille non configurée).', 'Listening alerts are not available (listening not set up).'));
  else if (!h.alerts.length) parts.push(T(l, 'Aucun pic ni crise détecté.', 'No spike or crisis was detected.'));
  else {
    const crises = h.alerts.filter((a) => a.kind === 'crisis').length;
    const open = h.alerts.filter((a) => !a.resolvedAt).length;
    parts.push(
      T(
        l,
        `${h.alerts.length} alerte(s) dont ${crises} crise(s) ; ${open ? `${open} non résolue(s)` : 'toutes résolues'}.`,
        `${h.alerts.length} alert(s), ${crises} of them crises; ${open ? `${open} not resolved` : 'all resolved'}.`,
      ),
    );
  }
  return parts.join(' ');
}

const TYPE_NAMES: Record<InboundType, Record<ReportLanguage, string>> = {
  question: { fr: "demandes d'information", en: 'information requests' },
  lead: { fr: 'contacts commerciaux', en: 'commercial contacts' },
  job_application: { fr: 'candidatures spontanées', en: 'spontaneous applications' },
  invitation: { fr: 'invitations', en: 'invitations' },
  partnership: { fr: 'propositions de partenariat', en: 'partnership offers' },
  complaint: { fr: 'réclamations', en: 'complaints' },
  praise: { fr: 'recommandations et éloges', en: 'recommendations and praise' },
};

const THEME_NAMES: Record<string, Record<ReportLanguage, string>> = {
  price: { fr: 'Prix', en: 'Price' },
  delivery: { fr: 'Livraison', en: 'Delivery' },
  customer_service: { fr: 'Service client', en: 'Customer service' },
  product_quality: { fr: 'Qualité du produit', en: 'Product quality' },
  staff: { fr: 'Personnel', en: 'Staff' },
  app_website: { fr: 'Appli / site web', en: 'App / website' },
  availability: { fr: 'Disponibilité / stock', en: 'Availability / stock' },
  cleanliness: { fr: 'Propreté', en: 'Cleanliness' },
  waiting_time: { fr: 'Attente', en: 'Waiting time' },
};

export function themeName(aspect: string, l: ReportLanguage): string {
  return THEME_NAMES[aspect]?.[l] ?? aspect;
}

/** One sentence on the month's themes: the most talked-about and the most negative, with their figures. */
export function themesSentence(f: ReportFigures, l: ReportLanguage): string | null {
  const th = f.inbound.themes;
  if (!th || th.items.length === 0) return null;
  const top = th.items[0]!;
  const worst = [...th.items].filter((x) => x.comments >= 3).sort((a, b) => a.net - b.net)[0];
  const share = formatPercent(top.comments / Math.max(1, th.analysedComments), l, 0);
  const parts = [
    T(
      l,
      `Sujet le plus abordé : ${themeName(top.aspect, l)} (${formatInteger(top.comments, l)} commentaire${top.comments > 1 ? 's' : ''}, ${share} des commentaires analysés).`,
      `Most discussed theme: ${themeName(top.aspect, l)} (${formatInteger(top.comments, l)} comment${top.comments > 1 ? 's' : ''}, ${share} of the analysed comments).`,
    ),
  ];
  if (worst && worst.net < 0) {
    const neg = formatPercent(worst.negative / Math.max(1, worst.comments), l, 0);
    parts.push(T(l, `Le plus critiqué : ${themeName(worst.aspect, l)} (${neg} de négatifs).`, `Most criticised: ${themeName(worst.aspect, l)} (${neg} negative).`));
  }
  return parts.join(' ');
}

export function inboundTypeName(type: InboundType, l: ReportLanguage): string {
  return TYPE_NAMES[type][l];
}

function inboundSummary(f: ReportFigures, l: ReportLanguage): string {
  const i = f.inbound;
  if (i.counts === null) return T(l, 'La boîte de réception n’est pas disponible : pas de chiffres entrants.', 'The inbox is not available: no inbound figures.');
  const total = i.counts.reduce((t, c) => t + c.count, 0);
  if (total === 0) return T(l, 'Aucune demande entrante classée ce mois-ci.', 'No classified inbound message this month.');
  const top = [...i.counts].filter((c) => c.count > 0).sort((a, b) => b.count - a.count).slice(0, 3);
  const list = top.map((c) => `${formatInteger(c.count, l)} ${inboundTypeName(c.type, l)}`).join(', ');
  const parts = [T(l, `${formatInteger(total, l)} messages entrants, dont ${list}.`, `${formatInteger(total, l)} inbound messages, including ${list}.`)];
  const themes = themesSentence(f, l);
  if (themes) parts.push(themes);
  const rate = row(f, 'responseRate')?.value ?? null;
  const minutes = row(f, 'medianFirstResponseMinutes')?.value ?? null;
  if (rate !== null) {
    parts.push(
      T(
        l,
        `Taux de réponse : ${formatPercent(rate, l, 0)}${minutes !== null ? `, délai médian de première réponse : ${formatMinutes(minutes, l)}` : ''}.`,
        `Response rate: ${formatPercent(rate, l, 0)}${minutes !== null ? `, median first response: ${formatMinutes(minutes, l)}` : ''}.`,
      ),
    );
  }
  return parts.join(' ');
}

function competitorsSummary(f: ReportFigures, l: ReportLanguage): string {
  const c = f.competitors;
  if (!c.competitors.length) return T(l, 'Aucun concurrent suivi dans cet espace de travail.', 'No competitor is tracked in this workspace.');
  const parts: string[] = [];
  const rated = c.competitors.filter((x) => x.engagementRateByReach !== null);
  if (c.brand.engagementRateByReach !== null && rated.length) {
    const best = rated.reduce((a, b) => ((b.engagementRateByReach ?? 0) > (a.engagementRateByReach ?? 0) ? b : a));
    const ahead = c.brand.engagementRateByReach >= (best.engagementRateByReach ?? 0);
    parts.push(
      T(
        l,
        `Taux d'engagement : ${formatPercent(c.brand.engagementRateByReach, l)} pour ${f.brand.name}, ${ahead ? 'devant' : 'derrière'} ${best.name} (${formatPercent(best.engagementRateByReach, l)}).`,
        `Engagement rate: ${formatPercent(c.brand.engagementRateByReach, l)} for ${f.brand.name}, ${ahead ? 'ahead of' : 'behind'} ${best.name} (${formatPercent(best.engagementRateByReach, l)}).`,
      ),
    );
  } else parts.push(T(l, "Taux d'engagement non comparables ce mois-ci (portée manquante).", 'Engagement rates cannot be compared this month (reach missing).'));
  if (c.brand.shareOfVoice !== null) {
    const d = c.brand.previousShareOfVoice !== null ? ` (${formatPoints(c.brand.shareOfVoice - c.brand.previousShareOfVoice, l)})` : '';
    parts.push(T(l, `Part de voix : ${formatPercent(c.brand.shareOfVoice, l, 1)}${d}.`, `Share of voice: ${formatPercent(c.brand.shareOfVoice, l, 1)}${d}.`));
  } else parts.push(T(l, 'Part de voix non disponible (aucune mention mesurée).', 'Share of voice is not available (no mentions measured).'));
  return parts.join(' ');
}

function recommendationsSummary(count: number, l: ReportLanguage): string {
  if (!count) return T(l, 'Aucune règle ne se déclenche ce mois-ci : les chiffres ne montrent pas de levier net.', 'No rule fired this month: the figures show no clear lever.');
  return T(l, `${count} recommandation(s), chacune justifiée par le chiffre cité.`, `${count} recommendation(s), each backed by the figure it cites.`);
}
