import { THRESHOLDS, type Rule } from './rule-types';

/** Median first response slower than the threshold. */
export const responseTimeRule: Rule = (input) => {
  const minutes = input.medianFirstResponseMinutes;
  if (minutes === null || minutes <= THRESHOLDS.slowResponseMinutes) return null;
  return { key: 'responseTime', params: { minutes, targetMinutes: THRESHOLDS.slowResponseMinutes } };
};

/** Too many community requests left without a reply. */
export const responseRateRule: Rule = (input) => {
  const rate = input.responseRate;
  if (rate === null || !input.communityRequests || rate >= THRESHOLDS.minResponseRate) return null;
  const unanswered = Math.round(input.communityRequests * (1 - rate));
  return { key: 'responseRate', params: { rate, requests: input.communityRequests, unanswered } };
};
