import type { NormalizedComment, NormalizedPost } from '../channel-connector';
import { emptyMetrics } from '../facebook/facebook.mapper';
import type { DayValue } from '../follower-history';
import type { JsonReader } from '../json-reader';

/** Epoch ms → ISO; an out-of-range number is MALFORMED (Date would throw a RangeError). */
function isoFromMs(r: JsonReader): string {
  const d = new Date(r.num());
  return Number.isNaN(d.getTime()) ? r.fail() : d.toISOString();
}

/** /rest/posts element → post (publishedAt/createdAt are epoch ms). */
export function mapLinkedinPost(p: JsonReader): NormalizedPost {
  const id = p.get('id').str();
  const content = p.get('content');
  return {
    externalId: id,
    publishedAt: isoFromMs(p.get('publishedAt').isMissing() ? p.get('createdAt') : p.get('publishedAt')),
    contentType: !content.get('media').isMissing() ? 'video' : !content.get('multiImage').isMissing() ? 'carousel' : !content.get('article').isMissing() ? 'article' : 'status',
    text: p.get('commentary').optStr() ?? '',
    permalink: `https://www.linkedin.com/feed/update/${id}/`,
    author: { externalId: p.get('author').str(), handle: null, displayName: null, followers: null },
    metrics: emptyMetrics(),
    impressionsDefinition: null,
  };
}

/** organizationalEntityShareStatistics element.totalShareStatistics → metrics. */
export function applyLinkedinStats(post: NormalizedPost, s: JsonReader): NormalizedPost {
  const n = (k: string) => s.get(k).optNum();
  const raw = {
    impressionCount: n('impressionCount'),
    uniqueImpressionsCount: n('uniqueImpressionsCount'),
    likeCount: n('likeCount'),
    commentCount: n('commentCount'),
    shareCount: n('shareCount'),
    clickCount: n('clickCount'),
  };
  return {
    ...post,
    metrics: { ...post.metrics, impressions: raw.impressionCount, reach: raw.uniqueImpressionsCount, reactions: raw.likeCount, comments: raw.commentCount, shares: raw.shareCount, clicks: raw.clickCount },
    impressionsDefinition: raw.impressionCount === null ? null : 'impressions',
    sourceMetrics: raw,
  };
}

/** `urn:li:comment:(urn:li:activity:123,456)` → '456' (the comment's own id); null for anything else. */
export function commentIdOfUrn(urn: string | null): string | null {
  const m = urn ? /^urn:li:comment:\(.+,([^,()]+)\)$/.exec(urn) : null;
  return m ? m[1] : null;
}

/** The comment's URN, the target of the request that lists its replies. */
export function commentUrnOf(c: JsonReader): string | null {
  const urn = c.get('commentUrn').optStr() ?? c.get('$URN').optStr();
  if (urn) return urn;
  const object = c.get('object').optStr();
  const id = c.get('id').optStr();
  return object?.startsWith('urn:li:activity:') && id ? `urn:li:comment:(${object},${id})` : null;
}

/**
 * A comment keyed by its own id, and its parent by the parent's id: `parentComment` is a URN,
 * so the id is read out of it (else a reply would point at no stored comment).
 */
export function mapLinkedinComment(c: JsonReader, postUrn: string, orgUrn: string, parentId: string | null = null): NormalizedComment {
  const actor = c.get('actor').str();
  const parentUrn = c.get('parentComment').optStr();
  const urn = c.get('$URN').optStr() ?? c.get('commentUrn').optStr();
  return {
    externalId: c.get('id').optStr() ?? commentIdOfUrn(urn) ?? c.get('$URN').str(),
    postExternalId: postUrn,
    parentExternalId: parentUrn ? (commentIdOfUrn(parentUrn) ?? parentUrn) : parentId,
    author: { externalId: actor, handle: null, displayName: null, followers: null },
    text: c.get('message').get('text').optStr() ?? '',
    publishedAt: isoFromMs(c.get('created').get('time')),
    isFromBrand: actor === orgUrn,
    likes: c.get('likesSummary').get('totalLikes').optNum(),
  };
}

/**
 * Start of the next page of a Rest.li collection: the `next` link when the answer has links,
 * else `total` when given, else "a full page means there may be more" (`asked` items).
 * A page may hold fewer items than asked, so a short page alone never ends the list.
 */
export function nextStartOf(body: JsonReader, start: number, asked: number): number | null {
  const n = body.get('elements').optArr().length;
  const paging = body.get('paging');
  const links = paging.get('links');
  if (!links.isMissing()) {
    const next = links.optArr().find((l) => l.get('rel').optStr() === 'next');
    if (!next) return null;
    const s = Number(new URL(next.get('href').str(), 'https://api.linkedin.com').searchParams.get('start'));
    return Number.isInteger(s) && s >= 0 ? s : next.get('href').fail();
  }
  if (n === 0) return null;
  const total = paging.get('total').optNum();
  if (total !== null) return start + n < total ? start + n : null;
  return n >= asked ? start + n : null;
}

/**
 * organizationalEntityFollowerStatistics with DAY timeIntervals → the net follower gain of each
 * UTC day (timeRange.start, epoch ms): organic + paid (a missing part counts 0, both missing = no value).
 */
export function mapLinkedinFollowerGains(body: JsonReader): DayValue[] {
  const out: DayValue[] = [];
  for (const e of body.get('elements').arr()) {
    const g = e.get('followerGains');
    const organic = g.get('organicFollowerGain').optNum();
    const paid = g.get('paidFollowerGain').optNum();
    if (organic === null && paid === null) continue;
    out.push({ day: isoFromMs(e.get('timeRange').get('start')).slice(0, 10), value: (organic ?? 0) + (paid ?? 0) });
  }
  return out;
}
