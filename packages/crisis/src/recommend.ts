import type { CrisisStage } from './stages';
import { round, slope } from './timeline';

/** The figures the rules read; every recommendation cites some of them, nothing else. */
export interface CrisisFigures {
  stage: CrisisStage;
  /** Mentions per minute over the last 60 minutes, oldest first (60 values; fewer early on). */
  lastHourPerMinute: readonly number[];
  /** Mean mentions per minute of the baseline (the 7 days before opening). */
  baselinePerMinute: number;
  /** Last 60 minutes. */
  lastHour: { count: number; negative: number };
  /** Baseline negative share (null when the baseline has no mention). */
  baselineNegativeShare: number | null;
  /** Authors over the big-account threshold among the crisis's mentions. */
  bigAccounts: { count: number; maxFollowers: number | null; threshold: number };
  /** The brand's last posted statement and the mentions before / after it (same length windows). */
  lastStatement: { postedAt: string; before: { count: number; negative: number }; after: { count: number; negative: number } } | null;
}

export type RecommendationLevel = 'act' | 'watch' | 'info';

export interface Recommendation {
  key: string;
  level: RecommendationLevel;
  /** The numbers it rests on (also interpolated into the texts). */
  params: Record<string, number | string>;
  text: { fr: string; en: string };
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
const pctEn = (x: number) => `${Math.round(x * 100)}%`;
// Decimals and thousands as each language writes them: 0,13 and 12 000 in French, 0.13 and 12,000 in English.
const frNumber = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 });
const enNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });
const nFr = (x: number | null) => (x === null ? '—' : frNumber.format(x));
const nEn = (x: number | null) => (x === null ? '—' : enNumber.format(x));

/** Negative share lift (points) over the baseline that calls for an answer. */
export const NEGATIVE_LIFT = 0.15;
/** Minimum mentions in the last hour before a share is read at all. */
export const MIN_COUNT = 10;
/** Volume ratio over the baseline that still counts as a crisis. */
export const HIGH_RATIO = 3;

/**
 * Plain-language advice from rules over the figures, most urgent first. Rules:
 * - trend: last 30 min vs the 30 before (±20 %) and the least-squares slope of the last 30 / 60 min;
 * - volume vs baseline: ≥ 3× → still a crisis; < 1.5× while active → consider "contained";
 * - negative share ≥ baseline + 15 points (≥ 10 mentions) → answer;
 * - big accounts involved → answer them first;
 * - reception of the last statement: negative share after vs before (±10 points); no statement yet
 *   while negative or big accounts → post the holding statement.
 */
export function recommend(f: CrisisFigures): Recommendation[] {
  const out: Recommendation[] = [];
  const series = f.lastHourPerMinute;
  const last30 = sum(series.slice(-30));
  const prev30 = sum(series.slice(-60, -30));
  const slope30 = round(slope(series.slice(-30)), 3);
  const slope60 = round(slope(series), 3);
  const negShare = f.lastHour.count > 0 ? f.lastHour.negative / f.lastHour.count : null;
  const ratio = f.baselinePerMinute > 0 ? round(f.lastHour.count / (f.baselinePerMinute * 60), 1) : null;

  if (f.stage === 'closed') return [];

  if (negShare !== null && f.lastHour.count >= MIN_COUNT && f.baselineNegativeShare !== null && negShare - f.baselineNegativeShare >= NEGATIVE_LIFT) {
    out.push({
      key: 'negative.high',
      level: 'act',
      params: { negativeShare: round(negShare, 3), baselineNegativeShare: round(f.baselineNegativeShare, 3), count: f.lastHour.count },
      text: {
        fr: `Intervenir : ${pct(negShare)} des ${f.lastHour.count} mentions de la dernière heure sont négatives, contre ${pct(f.baselineNegativeShare)} d'habitude.`,
        en: `Step in: ${pctEn(negShare)} of the last hour's ${f.lastHour.count} mentions are negative, against ${pctEn(f.baselineNegativeShare)} usually.`,
      },
    });
  }
  if (f.bigAccounts.count > 0) {
    const max = f.bigAccounts.maxFollowers ?? 0;
    out.push({
      key: 'bigAccounts.involved',
      level: 'act',
      params: { count: f.bigAccounts.count, maxFollowers: max, threshold: f.bigAccounts.threshold },
      text: {
        fr: `${f.bigAccounts.count} compte(s) de plus de ${nFr(f.bigAccounts.threshold)} abonnés relaient le sujet (le plus suivi : ${nFr(max)}) : leur répondre en priorité.`,
        en: `${f.bigAccounts.count} account(s) with over ${nEn(f.bigAccounts.threshold)} followers spread it (largest: ${nEn(max)}): answer them first.`,
      },
    });
  }
  if (!f.lastStatement && (out.length > 0 || (ratio !== null && ratio >= HIGH_RATIO))) {
    out.push({
      key: 'statement.none',
      level: 'act',
      params: { count: f.lastHour.count, ...(ratio !== null ? { ratio } : {}) },
      text: {
        fr: `Aucune prise de parole publiée : publier la déclaration d'attente approuvée (${f.lastHour.count} mentions dans la dernière heure).`,
        en: `No statement posted yet: post the approved holding statement (${f.lastHour.count} mentions in the last hour).`,
      },
    });
  }
  if (f.lastStatement) {
    const { before, after } = f.lastStatement;
    if (after.count >= MIN_COUNT && before.count > 0) {
      const b = before.negative / before.count;
      const a = after.negative / after.count;
      if (a - b >= 0.1) {
        out.push({
          key: 'statement.badReception',
          level: 'act',
          params: { negativeBefore: round(b, 3), negativeAfter: round(a, 3), countAfter: after.count },
          text: {
            fr: `La déclaration est mal reçue : ${pct(a)} de mentions négatives depuis (${after.count} mentions), contre ${pct(b)} avant. Préciser ou corriger le message.`,
            en: `The statement is badly received: ${pctEn(a)} negative since (${after.count} mentions), against ${pctEn(b)} before. Clarify or correct it.`,
          },
        });
      } else if (b - a >= 0.1) {
        out.push({
          key: 'statement.goodReception',
          level: 'info',
          params: { negativeBefore: round(b, 3), negativeAfter: round(a, 3), countAfter: after.count },
          text: {
            fr: `La déclaration est bien reçue : ${pct(a)} de mentions négatives depuis, contre ${pct(b)} avant. Ne pas surenchérir.`,
            en: `The statement is well received: ${pctEn(a)} negative since, against ${pctEn(b)} before. Do not add more.`,
          },
        });
      }
    }
  }
  if (series.length >= 2) {
    if (last30 > prev30 * 1.2 && slope30 > 0) {
      out.push({
        key: 'volume.rising',
        level: 'watch',
        params: { last30, prev30, slope30, slope60 },
        text: {
          fr: `Le volume monte encore : ${last30} mentions sur les 30 dernières minutes contre ${prev30} les 30 précédentes (pente ${nFr(slope30)}/min²).`,
          en: `Volume is still rising: ${last30} mentions in the last 30 min against ${prev30} in the 30 before (slope ${nEn(slope30)}/min²).`,
        },
      });
    } else if (last30 < prev30 * 0.8) {
      out.push({
        key: 'volume.decaying',
        level: 'info',
        params: { last30, prev30, slope30, slope60 },
        text: {
          fr: `Le volume décroît : ${last30} mentions sur les 30 dernières minutes contre ${prev30} les 30 précédentes.`,
          en: `Volume is decaying: ${last30} mentions in the last 30 min against ${prev30} in the 30 before.`,
        },
      });
    }
  }
  if (ratio !== null && f.stage === 'active' && ratio < 1.5) {
    out.push({
      key: 'stage.considerContained',
      level: 'info',
      params: { ratio, count: f.lastHour.count },
      text: {
        fr: `Retour près de la normale (${nFr(ratio)}× le volume habituel sur la dernière heure) : envisager le passage en « contenue ».`,
        en: `Back near normal (${nEn(ratio)}× the usual volume over the last hour): consider moving to "contained".`,
      },
    });
  } else if (ratio !== null && ratio >= HIGH_RATIO) {
    out.push({
      key: 'volume.aboveBaseline',
      level: 'watch',
      params: { ratio, count: f.lastHour.count },
      text: {
        fr: `Volume à ${nFr(ratio)}× l'habitude sur la dernière heure (${f.lastHour.count} mentions).`,
        en: `Volume at ${nEn(ratio)}× the usual over the last hour (${f.lastHour.count} mentions).`,
      },
    });
  }
  const rank: Record<RecommendationLevel, number> = { act: 0, watch: 1, info: 2 };
  return out.sort((a, b) => rank[a.level] - rank[b.level]);
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
