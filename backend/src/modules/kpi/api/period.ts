// Moved to common/http/day-period.ts (also used by the posts and links APIs).
export { checkPeriod, DAY_PATTERN, MAX_PERIOD_DAYS } from '../../../common/http/day-period';
