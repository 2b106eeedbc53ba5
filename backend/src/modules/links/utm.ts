export interface UtmTags {
  source: string;
  medium: string;
  campaign: string | null;
}

/** Query parameter carrying the click id, for conversions reported with `clickId`. */
export const CLICK_ID_PARAM = 'vigie_click';

/**
 * The target URL with utm_source / utm_medium / utm_campaign added. Tags the target already
 * carries win: the site owner may have set them on purpose. The fragment stays last.
 */
export function withUtm(targetUrl: string, tags: UtmTags, clickId?: string): string {
  const url = new URL(targetUrl);
  const add = (name: string, value: string | null) => {
    if (value && !url.searchParams.has(name)) url.searchParams.set(name, value);
  };
  add('utm_source', tags.source);
  add('utm_medium', tags.medium);
  add('utm_campaign', tags.campaign);
  if (clickId) url.searchParams.set(CLICK_ID_PARAM, clickId);
  return url.toString();
}
