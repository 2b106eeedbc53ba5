import { round1 } from './best-format.rule';
import { THRESHOLDS, type Rule } from './rule-types';

/** The hashtag whose posts engaged clearly more than the brand's average. */
export const topicRule: Rule = (input) => {
  const { brandRate } = input;
  if (brandRate === null || brandRate <= 0) return null;
  const judged = input.topics.filter((t) => t.posts >= THRESHOLDS.minPosts && t.rate !== null);
  if (!judged.length) return null;
  // Ties: the topic with more posts, then alphabetical, so the output is stable.
  const best = [...judged].sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0) || b.posts - a.posts || a.topic.localeCompare(b.topic))[0];
  const ratio = (best.rate ?? 0) / brandRate;
  if (ratio < THRESHOLDS.topicLift) return null;
  return { key: 'topic', params: { topic: best.topic, rate: best.rate ?? 0, brandRate, posts: best.posts, ratio: round1(ratio) } };
};
