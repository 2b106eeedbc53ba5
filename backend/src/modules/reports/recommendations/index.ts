import { bestFormatRule } from './best-format.rule';
import { bestTimeRule } from './best-time.rule';
import { dropChannelRule, pushChannelRule } from './channel.rules';
import { responseRateRule, responseTimeRule } from './response.rules';
import type { RecommendationInput, Rule, RuleResult } from './rule-types';
import { sentimentDropRule, sentimentNegativeRule } from './sentiment.rules';
import { topicRule } from './topic.rule';

export * from './rule-types';
export { renderRecommendation } from './templates';

/** Every rule, in the order its sentence appears in the report. */
export const RULES: readonly Rule[] = [
  bestFormatRule,
  bestTimeRule,
  pushChannelRule,
  dropChannelRule,
  topicRule,
  responseTimeRule,
  responseRateRule,
  sentimentNegativeRule,
  sentimentDropRule,
];

export function recommend(input: RecommendationInput): RuleResult[] {
  return RULES.map((rule) => rule(input)).filter((r): r is RuleResult => r !== null);
}
