import { XMLParser } from 'fast-xml-parser';
import type { NormalizedMention } from '../channel-connector';
import { ConnectorError, ConnectorErrorCode, snippetOf } from '../connector-error';
import { htmlToText } from '../html-to-text';
import { isRecord } from '../json-reader';

export interface FeedItem {
  id: string;
  title: string;
  link: string | null;
  publishedAt: string | null;
  text: string;
  author: string | null;
}

export interface ParsedFeed {
  title: string | null;
  items: FeedItem[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  cdataPropName: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'link', 'category'].includes(name),
});

function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (isRecord(v)) return text(v['#text']);
  return null;
}

function date(v: unknown): string | null {
  const s = text(v);
  if (!s) return null;
  const d = new Date(s.trim());
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Atom `<link rel="alternate" href>` (or the first link); RSS `<link>text</link>`. */
function linkOf(v: unknown): string | null {
  const links = Array.isArray(v) ? v : v === undefined ? [] : [v];
  const alt = links.find((l) => isRecord(l) && (l['@_rel'] === undefined || l['@_rel'] === 'alternate')) ?? links[0];
  if (isRecord(alt) && typeof alt['@_href'] === 'string') return alt['@_href'];
  return text(alt)?.trim() || null;
}

function authorOf(v: unknown): string | null {
  if (isRecord(v) && v.name !== undefined) return text(v.name);
  return text(v);
}

/** RSS 2.0 (`rss > channel > item`), RSS 1.0/RDF (`rdf:RDF > item`) and Atom (`feed > entry`). */
export function parseFeed(xml: string, what = 'rss feed'): ParsedFeed {
  let doc: unknown;
  try {
    doc = parser.parse(xml, true);
  } catch (e) {
    throw new ConnectorError(ConnectorErrorCode.MALFORMED, `${what}: not well-formed XML (${e instanceof Error ? e.message.split('\n')[0] : 'parse error'})`, {
      path: '$',
      snippet: snippetOf(xml.slice(0, 80)),
    });
  }
  const root = isRecord(doc) ? doc : {};
  const rss = isRecord(root.rss) ? root.rss : null;
  const rdf = isRecord(root['rdf:RDF']) ? root['rdf:RDF'] : null;
  const feed = isRecord(root.feed) ? root.feed : null;
  if (rss || rdf) {
    const channel = rss && isRecord(rss.channel) ? rss.channel : rdf && isRecord(rdf.channel) ? rdf.channel : {};
    const rawItems = (rss ? channel.item : rdf?.item) ?? [];
    const items = (Array.isArray(rawItems) ? rawItems : [rawItems]).filter(isRecord).map((i): FeedItem => {
      const link = linkOf(i.link);
      const html = text(i['content:encoded']) ?? text(i.description) ?? '';
      const title = htmlToText(text(i.title) ?? '');
      return {
        id: text(i.guid)?.trim() || link || `${title}|${text(i.pubDate) ?? ''}`,
        title,
        link,
        publishedAt: date(i.pubDate) ?? date(i['dc:date']),
        text: htmlToText(html),
        author: authorOf(i['dc:creator']) ?? authorOf(i.author),
      };
    });
    return { title: text(channel.title), items };
  }
  if (feed) {
    const entries = Array.isArray(feed.entry) ? feed.entry : [];
    const items = entries.filter(isRecord).map((e): FeedItem => {
      const link = linkOf(e.link);
      const title = htmlToText(text(e.title) ?? '');
      return {
        id: text(e.id)?.trim() || link || title,
        title,
        link,
        publishedAt: date(e.published) ?? date(e.updated),
        text: htmlToText(text(e.content) ?? text(e.summary) ?? ''),
        author: authorOf(e.author),
      };
    });
    return { title: text(feed.title), items };
  }
  throw ConnectorError.malformed(what, '$', xml.slice(0, 80));
}

export function feedItemToMention(item: FeedItem, source: string): NormalizedMention | null {
  if (!item.publishedAt) return null;
  return {
    externalId: item.id,
    publishedAt: item.publishedAt,
    text: item.text && item.text !== item.title ? `${item.title}\n\n${item.text}` : item.title,
    permalink: item.link,
    author: item.author ? { externalId: item.author, handle: null, displayName: item.author, followers: null } : null,
    source,
    metrics: {},
  };
}

/** Charset from Content-Type, else the XML declaration, else UTF-8. */
export function decodeFeed(bytes: Uint8Array, contentType: string | null): string {
  const fromHeader = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  const head = new TextDecoder('latin1').decode(bytes.slice(0, 200));
  const fromDecl = /<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(head)?.[1];
  const charset = fromHeader ?? fromDecl ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
