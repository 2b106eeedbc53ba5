import type { NormalizedAuthor, NormalizedComment, NormalizedMention, NormalizedPost } from '../channel-connector';
import { emptyMetrics } from '../facebook/facebook.mapper';
import type { JsonReader } from '../json-reader';

export const X_TWEET_FIELDS = 'created_at,public_metrics,conversation_id,author_id,referenced_tweets,attachments,in_reply_to_user_id';
export const X_USER_FIELDS = 'username,name,public_metrics';

/** `includes.users` → id → author. */
export function xUsersById(body: JsonReader): Map<string, NormalizedAuthor> {
  const out = new Map<string, NormalizedAuthor>();
  for (const u of body.get('includes').get('users').optArr()) {
    const id = u.get('id').str();
    out.set(id, { externalId: id, handle: u.get('username').optStr(), displayName: u.get('name').optStr(), followers: u.at('public_metrics.followers_count').optNum() });
  }
  return out;
}

export function mapXTweet(t: JsonReader, users: Map<string, NormalizedAuthor>, fallbackAuthor: NormalizedAuthor | null): NormalizedPost {
  const pm = t.get('public_metrics');
  const likes = pm.get('like_count').optNum();
  const replies = pm.get('reply_count').optNum();
  const retweets = pm.get('retweet_count').optNum();
  const quotes = pm.get('quote_count').optNum();
  const bookmarks = pm.get('bookmark_count').optNum();
  const impressions = pm.get('impression_count').optNum();
  const clicks = t.at('non_public_metrics.url_link_clicks').optNum();
  const id = t.get('id').str();
  const authorId = t.get('author_id').optStr();
  const author = (authorId && users.get(authorId)) || fallbackAuthor;
  return {
    externalId: id,
    publishedAt: t.get('created_at').isoDate(),
    contentType: t.at('attachments.media_keys').isMissing() ? 'status' : 'other',
    text: t.get('text').optStr() ?? '',
    permalink: author?.handle ? `https://x.com/${author.handle}/status/${id}` : `https://x.com/i/web/status/${id}`,
    author,
    metrics: {
      ...emptyMetrics(),
      impressions,
      reactions: likes,
      comments: replies,
      // Reposts and quotes both re-share the post.
      shares: retweets === null && quotes === null ? null : (retweets ?? 0) + (quotes ?? 0),
      saves: bookmarks,
      clicks,
    },
    impressionsDefinition: impressions === null ? null : 'impressions',
    sourceMetrics: {
      like_count: likes,
      reply_count: replies,
      retweet_count: retweets,
      quote_count: quotes,
      bookmark_count: bookmarks,
      impression_count: impressions,
      ...(clicks !== null ? { url_link_clicks: clicks } : {}),
    },
  };
}

/** A reply found by `conversation_id:` search; parent = the tweet it replied to. */
export function mapXReply(t: JsonReader, conversationId: string, users: Map<string, NormalizedAuthor>, brandUserId: string | null): NormalizedComment {
  const parent = t.get('referenced_tweets').optArr().find((r) => r.get('type').optStr() === 'replied_to');
  const authorId = t.get('author_id').optStr();
  const parentId = parent ? parent.get('id').str() : null;
  return {
    externalId: t.get('id').str(),
    postExternalId: conversationId,
    parentExternalId: parentId === conversationId ? null : parentId,
    author: (authorId && users.get(authorId)) || (authorId ? { externalId: authorId, handle: null, displayName: null, followers: null } : null),
    text: t.get('text').optStr() ?? '',
    publishedAt: t.get('created_at').isoDate(),
    isFromBrand: authorId !== null && authorId === brandUserId,
    likes: t.at('public_metrics.like_count').optNum(),
  };
}

export function mapXMention(t: JsonReader, users: Map<string, NormalizedAuthor>): NormalizedMention {
  const p = mapXTweet(t, users, null);
  const { impressions, reactions, comments, shares } = p.metrics;
  return { externalId: p.externalId, publishedAt: p.publishedAt, text: p.text, permalink: p.permalink, author: p.author, source: 'x', metrics: { impressions, reactions, comments, shares } };
}
