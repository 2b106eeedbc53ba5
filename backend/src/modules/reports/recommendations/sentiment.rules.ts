import { THRESHOLDS, type Rule } from './rule-types';

/** More negative than positive mentions and comments. */
export const sentimentNegativeRule: Rule = (input) => {
  if (input.netSentiment === null || input.netSentiment >= 0) return null;
  return { key: 'sentimentNegative', params: { value: input.netSentiment } };
};

/** Net sentiment still positive (or zero) but fell sharply since last month. */
export const sentimentDropRule: Rule = (input) => {
  const { netSentiment: now, previousNetSentiment: before } = input;
  if (now === null || before === null || now < 0) return null;
  if (before - now < THRESHOLDS.sentimentDrop - 1e-9) return null;
  return { key: 'sentimentDrop', params: { value: now, previous: before } };
};
