/** The dashboard's pages, in navigation order; `key` is the URL segment and the i18n key. */
export const PAGES = [
  'overview',
  'posts',
  'mentions',
  'alerts',
  'crises',
  'inbox',
  'veille',
  'competitors',
  'influencers',
  'channels',
  'links',
  'reports',
  'settings',
] as const;

export type PageKey = (typeof PAGES)[number];

/** Pages where the period picker applies. */
export const PERIOD_PAGES: ReadonlySet<PageKey> = new Set([
  'overview',
  'posts',
  'mentions',
  'competitors',
  'influencers',
  'links',
]);
