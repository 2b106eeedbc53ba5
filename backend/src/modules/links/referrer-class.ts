export type ReferrerClass = 'social' | 'search' | 'direct' | 'email' | 'other';

// Registrable names (and short-link hosts) of the networks Vigie follows and a few others.
const SOCIAL = [
  'facebook.com', 'fb.com', 'fb.me', 'instagram.com', 'threads.net', 'x.com', 'twitter.com', 't.co',
  'linkedin.com', 'lnkd.in', 'youtube.com', 'youtu.be', 'tiktok.com', 'reddit.com', 'pinterest.com',
  'pinterest.fr', 'snapchat.com', 'bsky.app', 'mastodon.social', 'mstdn.social', 'whatsapp.com',
  'telegram.org', 't.me',
];
const SEARCH = ['google.', 'bing.com', 'duckduckgo.com', 'qwant.com', 'ecosia.org', 'search.yahoo.com',
  'yandex.', 'baidu.com', 'startpage.com', 'search.brave.com'];
const EMAIL = ['mail.google.com', 'outlook.live.com', 'outlook.office.com', 'outlook.office365.com',
  'mail.yahoo.com', 'webmail.', 'mail.', 'laposte.net', 'orange.fr', 'free.fr', 'protonmail.com', 'proton.me'];

const matchesDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/**
 * Class of a click's origin from its Referer header (only the host is looked at, never
 * stored). No Referer = direct (typed, bookmarked, or an app that strips it).
 */
export function referrerClass(referer: string | undefined | null): ReferrerClass {
  if (!referer) return 'direct';
  let host: string;
  try {
    host = new URL(referer).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return 'other';
  }
  if (!host) return 'direct';
  // Mastodon instances are many: any host named like one counts as social.
  if (SOCIAL.some((d) => matchesDomain(host, d)) || /(^|\.)(mastodon|mstdn)\./.test(host)) return 'social';
  if (EMAIL.some((d) => (d.endsWith('.') ? host.startsWith(d) : matchesDomain(host, d)))) return 'email';
  if (SEARCH.some((d) => (d.endsWith('.') ? host.startsWith(d) || host.includes(`.${d}`) : matchesDomain(host, d)))) {
    return 'search';
  }
  return 'other';
}
