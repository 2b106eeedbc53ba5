import type { ReportLanguage } from '../report-figures';
import {
  contentTypeName,
  formatInteger,
  formatMinutes,
  formatPercent,
  formatTimes,
  platformName,
  weekdayName,
} from '../render/format';
import type { RecommendationKey, RuleResult } from './rule-types';

type P = Record<string, string | number>;
const n = (p: P, k: string) => Number(p[k]);
const s = (p: P, k: string) => String(p[k]);

/** One sentence per rule and language; each cites the figure that justifies it. */
const TEMPLATES: Record<RecommendationKey, Record<ReportLanguage, (p: P, l: ReportLanguage) => string>> = {
  bestFormat: {
    fr: (p, l) =>
      `Publier davantage de ${contentTypeName(s(p, 'format'), l)} : leur taux d'engagement a atteint ${formatPercent(n(p, 'rate'), l)} contre ${formatPercent(n(p, 'brandRate'), l)} en moyenne (${formatTimes(n(p, 'ratio'), l)}, ${formatInteger(n(p, 'posts'), l)} publications).`,
    en: (p, l) =>
      `Publish more ${contentTypeName(s(p, 'format'), l)}: their engagement rate reached ${formatPercent(n(p, 'rate'), l)} against ${formatPercent(n(p, 'brandRate'), l)} on average (${formatTimes(n(p, 'ratio'), l)}, ${formatInteger(n(p, 'posts'), l)} posts).`,
  },
  bestTime: {
    fr: (p, l) =>
      `Programmer les publications le ${weekdayName(n(p, 'weekday'), l)} vers ${n(p, 'hour')} h : ${formatInteger(n(p, 'perPost'), l)} interactions par publication sur ce créneau contre ${formatInteger(n(p, 'average'), l)} en moyenne sur le mois.`,
    en: (p, l) =>
      `Schedule posts on ${weekdayName(n(p, 'weekday'), l)} around ${String(n(p, 'hour')).padStart(2, '0')}:00: ${formatInteger(n(p, 'perPost'), l)} interactions per post in that slot against ${formatInteger(n(p, 'average'), l)} on average this month.`,
  },
  pushChannel: {
    fr: (p, l) =>
      `Renforcer ${platformName(s(p, 'platform'))} (${s(p, 'handle')}) : taux d'engagement de ${formatPercent(n(p, 'rate'), l)}, soit ${formatTimes(n(p, 'ratio'), l)} la moyenne de la marque (${formatPercent(n(p, 'brandRate'), l)}).`,
    en: (p, l) =>
      `Invest more in ${platformName(s(p, 'platform'))} (${s(p, 'handle')}): engagement rate of ${formatPercent(n(p, 'rate'), l)}, ${formatTimes(n(p, 'ratio'), l)} the brand's average (${formatPercent(n(p, 'brandRate'), l)}).`,
  },
  dropChannel: {
    fr: (p, l) =>
      `Revoir l'effort sur ${platformName(s(p, 'platform'))} (${s(p, 'handle')}) : ${formatInteger(n(p, 'posts'), l)} publications pour un taux d'engagement de ${formatPercent(n(p, 'rate'), l)}, moins de la moitié de la moyenne de la marque (${formatPercent(n(p, 'brandRate'), l)}).`,
    en: (p, l) =>
      `Reconsider the effort on ${platformName(s(p, 'platform'))} (${s(p, 'handle')}): ${formatInteger(n(p, 'posts'), l)} posts for an engagement rate of ${formatPercent(n(p, 'rate'), l)}, less than half the brand's average (${formatPercent(n(p, 'brandRate'), l)}).`,
  },
  topic: {
    fr: (p, l) =>
      `Développer le thème ${s(p, 'topic')} : les ${formatInteger(n(p, 'posts'), l)} publications qui l'abordent ont engagé ${formatTimes(n(p, 'ratio'), l)} la moyenne (${formatPercent(n(p, 'rate'), l)} contre ${formatPercent(n(p, 'brandRate'), l)}).`,
    en: (p, l) =>
      `Develop the ${s(p, 'topic')} topic: the ${formatInteger(n(p, 'posts'), l)} posts about it engaged ${formatTimes(n(p, 'ratio'), l)} the average (${formatPercent(n(p, 'rate'), l)} against ${formatPercent(n(p, 'brandRate'), l)}).`,
  },
  responseTime: {
    fr: (p, l) =>
      `Répondre plus vite à la communauté : délai médian de première réponse de ${formatMinutes(n(p, 'minutes'), l)}, au-delà de l'objectif de ${formatMinutes(n(p, 'targetMinutes'), l)}.`,
    en: (p, l) =>
      `Answer the community faster: the median first response time was ${formatMinutes(n(p, 'minutes'), l)}, above the ${formatMinutes(n(p, 'targetMinutes'), l)} target.`,
  },
  responseRate: {
    fr: (p, l) =>
      `Traiter toutes les demandes : seules ${formatPercent(n(p, 'rate'), l, 0)} des ${formatInteger(n(p, 'requests'), l)} demandes ont reçu une réponse (${formatInteger(n(p, 'unanswered'), l)} sans réponse).`,
    en: (p, l) =>
      `Handle every request: only ${formatPercent(n(p, 'rate'), l, 0)} of the ${formatInteger(n(p, 'requests'), l)} requests got a reply (${formatInteger(n(p, 'unanswered'), l)} unanswered).`,
  },
  sentimentNegative: {
    fr: (p, l) =>
      `Surveiller le climat des échanges : le sentiment net est négatif (${formatPercent(n(p, 'value'), l, 0)}) ; identifier les sujets de mécontentement et y répondre.`,
    en: (p, l) =>
      `Watch the tone of the conversation: net sentiment is negative (${formatPercent(n(p, 'value'), l, 0)}); find the causes of dissatisfaction and address them.`,
  },
  sentimentDrop: {
    fr: (p, l) =>
      `Le sentiment net a reculé de ${formatPercent(n(p, 'previous'), l, 0)} à ${formatPercent(n(p, 'value'), l, 0)} : vérifier ce qui a changé ce mois-ci.`,
    en: (p, l) =>
      `Net sentiment fell from ${formatPercent(n(p, 'previous'), l, 0)} to ${formatPercent(n(p, 'value'), l, 0)}: check what changed this month.`,
  },
};

export function renderRecommendation(result: RuleResult, lang: ReportLanguage): string {
  return TEMPLATES[result.key][lang](result.params, lang);
}
