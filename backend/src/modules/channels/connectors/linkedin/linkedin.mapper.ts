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

export function mapLinkedinComment(c: JsonReader, postUrn: string, orgUrn: string): NormalizedComment {
  const actor = c.get('actor').str();
  const parent = c.get('parentComment').optStr();
  return {
    externalId: c.get('$URN').optStr() ?? c.get('id').str(),
    postExternalId: postUrn,
    parentExternalId: parent,
    author: { externalId: actor, handle: null, displayName: null, followers: null },
    text: c.get('message').get('text').optStr() ?? '',
    publishedAt: isoFromMs(c.get('created').get('time')),
    isFromBrand: actor === orgUrn,
    likes: c.get('likesSummary').get('totalLikes').optNum(),
  };
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
