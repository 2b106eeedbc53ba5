import { COUNT_KEYS, KPI_KEYS, type CountKey, type DerivedKpiKey, type KpiKey } from './kpi-keys';
import {
  add,
  divide,
  fromInput,
  known,
  MISSING,
  subtract,
  UNDEFINED,
  type NullableValue,
} from './nullable-value';
import { median, percentile } from './stats';
import { assertFiniteOrNull, type CountRecord } from './sum-counts';

/** Everything the formulas need for one period (one brand / channel / content type…). */
export interface KpiInput {
  /** Period sums (see sumCounts). null or absent = the source did not give this count. */
  counts: CountRecord;
  /** Count keys whose sum lacked some rows (sumCounts().partial); propagated to the KPIs. */
  partial?: readonly CountKey[];
  /** Follower count at the end of the day before the period starts (null when none was stored then). */
  followersStart?: number | null;
  /** Follower snapshot on the last day of the period. */
  followersEnd?: number | null;
  /**
   * Minutes from the first inbound message to the brand's first human reply, one entry per
   * answered request of the period. null/absent = not measured; [] = nothing answered.
   */
  firstResponseMinutes?: readonly number[] | null;
}

/**
 * Data-quality signals; the KPIs are still computed.
 * - reachExceedsImpressions: reach > impressions, impossible for one set of posts (seen in 4
 *   rows of the UCI Facebook export) — usually mixed definitions or a bad import.
 * - answeredExceedsRequests: more answered requests than requests.
 */
export type KpiWarning = 'reachExceedsImpressions' | 'answeredExceedsRequests';

export interface KpiResult {
  /** Every KPI; ratios are fractions (0.125, not 12.5); null = not computable. */
  values: Record<KpiKey, number | null>;
  /** Keys that are null because an input was not provided (not because of a 0 denominator). */
  missing: KpiKey[];
  /** Keys computed from sums where some rows lacked an input: a lower bound / mixed data. */
  partial: KpiKey[];
  warnings: KpiWarning[];
}

const INTERACTION_COMPONENTS = ['reactions', 'comments', 'shares', 'saves'] as const;

function interactionsOf(count: (key: CountKey) => NullableValue): NullableValue {
  const present = INTERACTION_COMPONENTS.map(count).filter((component) => !component.missing);
  if (present.length === 0) return count('interactions');
  return known(
    present.reduce((total, component) => total + (component.value ?? 0), 0),
    present.some((component) => component.partial),
  );
}

function durationStat(minutes: readonly number[] | null | undefined, p: number): NullableValue {
  if (minutes === null || minutes === undefined) return MISSING;
  const value = p === 50 ? median(minutes) : percentile(minutes, p);
  return value === null ? UNDEFINED : known(value);
}

/** The rates a set of posts has from its own counts, whatever else is known (one post has them too). */
function ownRates(count: (key: CountKey) => NullableValue, interactions: NullableValue) {
  return {
    engagementRateByReach: divide(interactions, count('reach')),
    engagementRateByImpressions: divide(interactions, count('impressions')),
    ctr: divide(count('clicks'), count('impressions')),
  } satisfies Partial<Record<DerivedKpiKey, NullableValue>>;
}

/** One post's interactions and rates: what a posts list shows per row. */
export interface PostRates {
  interactions: number | null;
  engagementRateByReach: number | null;
  engagementRateByImpressions: number | null;
  ctr: number | null;
}

/**
 * computeKpis' values of these four keys for one post's counts, by the same formulas, without
 * working out the other KPIs (a posts page asks this of every row, on every request).
 */
export function computePostRates(counts: CountRecord): PostRates {
  for (const key of Object.keys(counts) as CountKey[]) assertFiniteOrNull(key, counts[key]);
  const count = (key: CountKey): NullableValue => fromInput(counts[key], false);
  const interactions = interactionsOf(count);
  const rates = ownRates(count, interactions);
  return {
    interactions: interactions.value,
    engagementRateByReach: rates.engagementRateByReach.value,
    engagementRateByImpressions: rates.engagementRateByImpressions.value,
    ctr: rates.ctr.value,
  };
}

/** Checks totals that cannot be right; exported so importers can check single rows too. */
export function checkCounts(counts: CountRecord): KpiWarning[] {
  const warnings: KpiWarning[] = [];
  const { reach, impressions, communityRequests, communityRequestsAnswered } = counts;
  if (reach != null && impressions != null && reach > impressions) {
    warnings.push('reachExceedsImpressions');
  }
  if (
    communityRequests != null &&
    communityRequestsAnswered != null &&
    communityRequestsAnswered > communityRequests
  ) {
    warnings.push('answeredExceedsRequests');
  }
  return warnings;
}

/**
 * All KPIs of one period from its totals. Pure: same input, same output.
 * Period ratios are ratios of sums (Σinteractions / Σreach), never means of per-post ratios.
 */
export function computeKpis(input: KpiInput): KpiResult {
  const partialInputs = new Set<CountKey>(input.partial ?? []);
  for (const key of COUNT_KEYS) assertFiniteOrNull(key, input.counts[key]);
  assertFiniteOrNull('followersStart', input.followersStart);
  assertFiniteOrNull('followersEnd', input.followersEnd);

  const count = (key: CountKey): NullableValue =>
    fromInput(input.counts[key], partialInputs.has(key));
  const followersStart = fromInput(input.followersStart, false);
  const followersEnd = fromInput(input.followersEnd, false);

  const computed = {} as Record<KpiKey, NullableValue>;
  for (const key of COUNT_KEYS) computed[key] = count(key);
  const interactions = interactionsOf(count);
  computed.interactions = interactions;

  const posts = count('posts');
  const perPostPerFollower = (numerator: NullableValue): NullableValue =>
    divide(divide(numerator, posts), followersEnd);
  const netFollowers = subtract(followersEnd, followersStart);
  const positive = count('sentimentPositive');
  const negative = count('sentimentNegative');
  const brandMentions = count('brandMentions');

  const derived: Record<DerivedKpiKey, NullableValue> = {
    ...ownRates(count, interactions),
    engagementRateByFollowers: perPostPerFollower(interactions),
    amplificationRate: perPostPerFollower(count('shares')),
    applauseRate: perPostPerFollower(count('reactions')),
    conversationRate: perPostPerFollower(count('comments')),
    followers: followersEnd,
    netFollowers,
    followerGrowthRate: divide(netFollowers, followersStart),
    conversionRate: divide(count('conversions'), count('trackedLinkClicks')),
    responseRate: divide(count('communityRequestsAnswered'), count('communityRequests')),
    medianFirstResponseMinutes: durationStat(input.firstResponseMinutes, 50),
    p90FirstResponseMinutes: durationStat(input.firstResponseMinutes, 90),
    netSentiment: divide(subtract(positive, negative), add(positive, negative)),
    shareOfVoice: divide(brandMentions, add(brandMentions, count('competitorMentions'))),
  };
  Object.assign(computed, derived);

  const values = {} as Record<KpiKey, number | null>;
  const missing: KpiKey[] = [];
  const partial: KpiKey[] = [];
  for (const key of KPI_KEYS) {
    const { value, missing: isMissing, partial: isPartial } = computed[key];
    values[key] = value;
    if (isMissing) missing.push(key);
    if (isPartial && value !== null) partial.push(key);
  }
  return { values, missing, partial, warnings: checkCounts(input.counts) };
}
