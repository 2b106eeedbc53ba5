import { round1 } from './best-format.rule';
import { THRESHOLDS, type Rule } from './rule-types';

/** The weekday × hour slot where posts got the most interactions per post. */
export const bestTimeRule: Rule = (input) => {
  const posts = input.heatmap.reduce((t, c) => t + c.posts, 0);
  const interactions = input.heatmap.reduce((t, c) => t + c.interactions, 0);
  if (posts === 0 || interactions === 0) return null;
  const average = interactions / posts;
  const judged = input.heatmap.filter((c) => c.posts >= THRESHOLDS.minSlotPosts);
  // A single judged slot holding every post says nothing about timing.
  if (judged.length < 2) return null;
  const best = judged.reduce((a, b) => (b.interactions / b.posts > a.interactions / a.posts ? b : a));
  const perPost = best.interactions / best.posts;
  if (perPost < average * THRESHOLDS.slotLift) return null;
  return {
    key: 'bestTime',
    params: {
      weekday: best.weekday,
      hour: best.hour,
      perPost: Math.round(perPost),
      average: Math.round(average),
      posts: best.posts,
      ratio: round1(perPost / average),
    },
  };
};
