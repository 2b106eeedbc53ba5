import { PLATFORMS as METRIC_PLATFORMS } from '@vigie/kpi';

/**
 * Every platform Vigie connects to, in display order: the platforms with a metric-name table
 * (@vigie/kpi) plus RSS feeds (texts only, no metrics).
 */
export type Platform = (typeof METRIC_PLATFORMS)[number] | 'rss';
export const PLATFORMS: readonly Platform[] = [...METRIC_PLATFORMS, 'rss'];

const PLATFORM_SET: ReadonlySet<string> = new Set(PLATFORMS);
export function isPlatform(value: string): value is Platform {
  return PLATFORM_SET.has(value);
}

/** Normalised content types of a post (connectors map each platform's own kinds onto these). */
export const CONTENT_TYPES = [
  'photo',
  'video',
  'reel',
  'story',
  'link',
  'status',
  'carousel',
  'article',
  'other',
] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];
