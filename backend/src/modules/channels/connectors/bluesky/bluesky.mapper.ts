import type { NormalizedAuthor, NormalizedComment, NormalizedMention, NormalizedPost } from '../channel-connector';
import { emptyMetrics } from '../facebook/facebook.mapper';
import type { JsonReader } from '../json-reader';

function authorOf(a: JsonReader): NormalizedAuthor {
  return { externalId: a.get('did').str(), handle: a.get('handle').optStr(), displayName: a.get('displayName').optStr() || null, followers: a.get('followersCount').optNum() };
}

/** https://bsky.app/profile/{handle}/post/{rkey} from an at:// uri. */
export function blueskyPermalink(uri: string, handle: string | null): string | null {
  const m = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/]+)$/.exec(uri);
  return m ? `https://bsky.app/profile/${handle ?? m[1]}/post/${m[2]}` : null;
}

/** app.bsky.feed.defs#postView → post. The AT URI is the external id. */
export function mapBlueskyPost(p: JsonReader): NormalizedPost {
  const likes = p.get('likeCount').optNum();
  const replies = p.get('replyCount').optNum();
  const reposts = p.get('repostCount').optNum();
  const quotes = p.get('quoteCount').optNum();
  const uri = p.get('uri').str();
  const author = authorOf(p.get('author'));
  const embed = p.get('embed').get('$type').optStr() ?? '';
  return {
    externalId: uri,
    publishedAt: p.get('record').get('createdAt').isoDate(),
    contentType: embed.startsWith('app.bsky.embed.images') ? 'photo' : embed.startsWith('app.bsky.embed.video') ? 'video' : embed.startsWith('app.bsky.embed.external') ? 'link' : 'status',
    text: p.get('record').get('text').optStr() ?? '',
    permalink: blueskyPermalink(uri, author.handle),
    author,
    metrics: { ...emptyMetrics(), reactions: likes, comments: replies, shares: reposts === null && quotes === null ? null : (reposts ?? 0) + (quotes ?? 0) },
    impressionsDefinition: null,
    sourceMetrics: { likeCount: likes, replyCount: replies, repostCount: reposts, quoteCount: quotes },
  };
}

/**
 * getPostThread → the replies tree flattened depth-first; each reply's parent is the post it
 * answers (null for direct replies to the root). Blocked / not-found nodes are skipped.
 */
export function flattenBlueskyThread(thread: JsonReader, brandDid: string | null): NormalizedComment[] {
  const rootUri = thread.get('post').get('uri').str();
  const out: NormalizedComment[] = [];
  const walk = (node: JsonReader, parentUri: string) => {
    for (const r of node.get('replies').optArr()) {
      if (r.get('post').isMissing()) continue;
      const p = r.get('post');
      const uri = p.get('uri').str();
      const author = authorOf(p.get('author'));
      out.push({
        externalId: uri,
        postExternalId: rootUri,
        parentExternalId: parentUri === rootUri ? null : parentUri,
        author,
        text: p.get('record').get('text').optStr() ?? '',
        publishedAt: p.get('record').get('createdAt').isoDate(),
        isFromBrand: brandDid !== null && author.externalId === brandDid,
        likes: p.get('likeCount').optNum(),
      });
      walk(r, uri);
    }
  };
  walk(thread, rootUri);
  return out;
}

export function mapBlueskyMention(p: JsonReader): NormalizedMention {
  const post = mapBlueskyPost(p);
  return { externalId: post.externalId, publishedAt: post.publishedAt, text: post.text, permalink: post.permalink, author: post.author, source: 'bluesky', metrics: { reactions: post.metrics.reactions, comments: post.metrics.comments, shares: post.metrics.shares } };
}
