import { round1 } from './best-format.rule';
import { THRESHOLDS, type RecommendationInput, type Rule } from './rule-types';

function judgedChannels(input: RecommendationInput) {
  if (input.brandRate === null || input.brandRate <= 0) return [];
  const judged = input.byChannel.filter((c) => c.posts >= THRESHOLDS.minPosts && c.rate !== null);
  // Comparing a channel with the brand only means something when there are several.
  return judged.length >= 2 ? judged : [];
}

/** The channel that engaged far more than the brand's average: post more there. */
export const pushChannelRule: Rule = (input) => {
  const judged = judgedChannels(input);
  if (!judged.length) return null;
  const best = judged.reduce((a, b) => ((b.rate ?? 0) > (a.rate ?? 0) ? b : a));
  const ratio = (best.rate ?? 0) / input.brandRate!;
  if (ratio < THRESHOLDS.pushLift) return null;
  return {
    key: 'pushChannel',
    params: { platform: best.platform, handle: best.handle, rate: best.rate ?? 0, brandRate: input.brandRate!, ratio: round1(ratio) },
  };
};

/** The channel that engaged far less than the brand's average: reconsider the effort. */
export const dropChannelRule: Rule = (input) => {
  const judged = judgedChannels(input);
  if (!judged.length) return null;
  const worst = judged.reduce((a, b) => ((b.rate ?? 0) < (a.rate ?? 0) ? b : a));
  const ratio = (worst.rate ?? 0) / input.brandRate!;
  if (ratio > THRESHOLDS.dropRatio) return null;
  return {
    key: 'dropChannel',
    params: { platform: worst.platform, handle: worst.handle, rate: worst.rate ?? 0, brandRate: input.brandRate!, posts: worst.posts },
  };
};
