import { THRESHOLDS, type Rule } from './rule-types';

/** The format whose posts engaged clearly more than the brand's average this month. */
export const bestFormatRule: Rule = (input) => {
  const { brandRate } = input;
  if (brandRate === null || brandRate <= 0) return null;
  const judged = input.byContentType.filter((t) => t.posts >= THRESHOLDS.minPosts && t.rate !== null);
  if (judged.length < 2) return null;
  const best = judged.reduce((a, b) => ((b.rate ?? 0) > (a.rate ?? 0) ? b : a));
  const ratio = (best.rate ?? 0) / brandRate;
  if (ratio < THRESHOLDS.formatLift) return null;
  return {
    key: 'bestFormat',
    params: { format: best.contentType, rate: best.rate ?? 0, brandRate, posts: best.posts, ratio: round1(ratio) },
  };
};

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
