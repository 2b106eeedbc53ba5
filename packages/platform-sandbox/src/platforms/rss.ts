import { SANDBOX_ACCOUNTS, SANDBOX_FEEDS } from '../accounts';
import { splitPath } from '../http/context';
import type { Ctx, Reply } from '../http/context';
import type { PlatformModule } from '../http/platform-module';
import { hash32 } from '../rng';
import type { Item } from '../world/model';
import type { World } from '../world/world';

interface FeedInfo {
  name: string;
  title: string;
  language: string;
  link: string;
}

function feedInfo(name: string): FeedInfo | undefined {
  const news = SANDBOX_FEEDS.find((f) => f.name === name);
  if (news) return { name, title: news.title, language: news.language, link: `https://news.example/${name}/` };
  const blog = SANDBOX_ACCOUNTS.find((a) => a.platform === 'rss' && a.externalId === name);
  if (blog) return { name, title: `Le blog ${blog.displayName}`, language: 'fr', link: `https://blog.${blog.brandSlug}.example/` };
  return undefined;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const slug = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

/** The items a feed shows: its 30 latest, like most CMSs. */
function feedItems(world: World, name: string, now: number): Item[] {
  return world
    .visible('rss', now)
    .filter((i) => i.channel === name)
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, 30);
}

/** The guid (and link) of a brand blog's item as its feed shows it. */
export function rssGuidOf(item: Item): string {
  const info = item.channel ? feedInfo(item.channel) : undefined;
  return info ? linkOf(info, item) : item.pid;
}

/** Whether a feed still shows this item (it is among the feed's latest). */
export function inFeed(world: World, item: Item, now: number): boolean {
  return !!item.channel && feedItems(world, item.channel, now).includes(item);
}

function linkOf(info: FeedInfo, item: Item): string {
  return `${info.link}${new Date(item.createdAt).toISOString().slice(0, 10).replace(/-/g, '/')}/${slug(item.title ?? item.text)}-${hash32(item.uid) % 100000}`;
}

function rss(info: FeedInfo, items: Item[], lastModified: number): string {
  const entries = items
    .map(
      (i) => `    <item>
      <title>${esc(i.title ?? i.text.slice(0, 80))}</title>
      <link>${linkOf(info, i)}</link>
      <description>${esc(`<p>${i.text}</p>`)}</description>
      <category>${esc(i.brand.name)}</category>
      <dc:creator>${i.account ? esc(i.account.displayName) : 'La rédaction'}</dc:creator>
      <pubDate>${new Date(i.createdAt).toUTCString()}</pubDate>
      <guid isPermaLink="true">${linkOf(info, i)}</guid>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" version="2.0">
  <channel>
    <title>${esc(info.title)}</title>
    <link>${info.link}</link>
    <description>${esc(info.title)}</description>
    <language>${info.language}</language>
    <lastBuildDate>${new Date(lastModified).toUTCString()}</lastBuildDate>
    <atom:link href="${info.link}feed.xml" rel="self" type="application/rss+xml"/>
${entries}
  </channel>
</rss>
`;
}

function atom(info: FeedInfo, items: Item[], lastModified: number): string {
  const entries = items
    .map(
      (i) => `  <entry>
    <title type="text">${esc(i.title ?? i.text.slice(0, 80))}</title>
    <id>${linkOf(info, i)}</id>
    <updated>${new Date(i.createdAt).toISOString()}</updated>
    <published>${new Date(i.createdAt).toISOString()}</published>
    <link rel="alternate" type="text/html" href="${linkOf(info, i)}"/>
    <author><name>${i.account ? esc(i.account.displayName) : 'La rédaction'}</name></author>
    <summary type="html">${esc(i.text)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${info.language}">
  <title type="text">${esc(info.title)}</title>
  <id>${info.link}</id>
  <updated>${new Date(lastModified).toISOString()}</updated>
  <link rel="self" type="application/atom+xml" href="${info.link}feed.atom"/>
  <link rel="alternate" type="text/html" href="${info.link}"/>
${entries}
</feed>
`;
}

function handle(ctx: Ctx): Reply {
  // A feed is read-only.
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD')
    return { status: 405, body: '<html><body><h1>405 Method Not Allowed</h1></body></html>', contentType: 'text/html; charset=utf-8', headers: { allow: 'GET, HEAD' } };
  const s = splitPath(ctx.path);
  const file = s[s.length - 1] ?? '';
  const m = /^(.+)\.(xml|rss|atom)$/.exec(file);
  const info = m ? feedInfo(m[1]) : undefined;
  if (!m || !info) return { status: 404, body: '<html><body><h1>404 Not Found</h1></body></html>', contentType: 'text/html; charset=utf-8' };
  const items = feedItems(ctx.world, info.name, ctx.now);
  const lastModified = items[0]?.createdAt ?? ctx.world.historyStart;
  const isAtom = m[2] === 'atom';
  const body = isAtom ? atom(info, items, lastModified) : rss(info, items, lastModified);
  const etag = `"${hash32(body).toString(16)}-${items.length}"`;
  const lm = new Date(Math.floor(lastModified / 1000) * 1000).toUTCString();
  const headers = { etag, 'last-modified': lm, 'cache-control': 'max-age=300' };
  const inm = ctx.headers['if-none-match'];
  const ims = ctx.headers['if-modified-since'];
  const notModified = inm !== undefined ? inm.split(',').map((x) => x.trim()).includes(etag) : ims !== undefined && Date.parse(ims) >= Date.parse(lm);
  if (notModified) return { status: 304, body: '', headers };
  return { status: 200, body, headers, contentType: isAtom ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8' };
}

export const rssModule: PlatformModule = {
  auth: 'none',
  handle,
  authError: () => ({ status: 403, body: '<html><body><h1>403 Forbidden</h1></body></html>', contentType: 'text/html; charset=utf-8' }),
  rateLimitError: () => ({ status: 429, body: '<html><body><h1>429 Too Many Requests</h1></body></html>', contentType: 'text/html; charset=utf-8' }),
  serverError: () => ({ status: 500, body: '<html><body><h1>500 Internal Server Error</h1></body></html>', contentType: 'text/html; charset=utf-8' }),
};
