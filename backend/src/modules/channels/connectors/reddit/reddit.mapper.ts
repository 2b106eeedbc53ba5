import type { NormalizedComment, NormalizedMention, NormalizedPost } from '../channel-connector';
import { emptyMetrics } from '../facebook/facebook.mapper';
import type { JsonReader } from '../json-reader';

/** A `t3` link → post. `score` (ups − downs) stands for reactions; num_comments for comments. */
export function mapRedditLink(t3: JsonReader): NormalizedPost {
  const d = t3.get('data');
  const score = d.get('score').optNum();
  const comments = d.get('num_comments').optNum();
  const views = d.get('view_count').optNum();
  const selftext = d.get('selftext').optStr() ?? '';
  const title = d.get('title').optStr() ?? '';
  const author = d.get('author').optStr();
  return {
    externalId: d.get('id').str(),
    publishedAt: d.get('created_utc').isoDate(),
    contentType: d.get('is_video').optBool() ? 'video' : d.get('is_self').optBool() ? 'status' : 'link',
    text: selftext ? `${title}\n\n${selftext}` : title,
    permalink: `https://www.reddit.com${d.get('permalink').str()}`,
    author: author ? { externalId: d.get('author_fullname').optStr() ?? author, handle: author, displayName: null, followers: null } : null,
    metrics: { ...emptyMetrics(), reactions: score, comments, shares: d.get('num_crossposts').optNum(), videoViews: views },
    impressionsDefinition: null,
    sourceMetrics: { score, num_comments: comments, num_crossposts: d.get('num_crossposts').optNum(), upvote_ratio: d.get('upvote_ratio').optNum() },
  };
}

/** The comments Listing of /comments/:id, flattened depth-first; `more` stubs are skipped. */
export function flattenRedditComments(listing: JsonReader, postId: string, brandUser: string | null): NormalizedComment[] {
  const out: NormalizedComment[] = [];
  const walk = (l: JsonReader) => {
    for (const child of l.get('data').get('children').optArr()) {
      if (child.get('kind').optStr() !== 't1') continue;
      const d = child.get('data');
      const author = d.get('author').optStr();
      const parent = d.get('parent_id').optStr();
      out.push({
        externalId: d.get('id').str(),
        postExternalId: postId,
        parentExternalId: parent && parent.startsWith('t1_') ? parent.slice(3) : null,
        author: author && author !== '[deleted]' ? { externalId: d.get('author_fullname').optStr() ?? author, handle: author, displayName: null, followers: null } : null,
        text: d.get('body').optStr() ?? '',
        publishedAt: d.get('created_utc').isoDate(),
        isFromBrand: brandUser !== null && author !== null && author.toLowerCase() === brandUser.toLowerCase(),
        likes: d.get('score').optNum(),
      });
      // `replies` is '' when there are none, else a Listing.
      if (typeof d.get('replies').value === 'object') walk(d.get('replies'));
    }
  };
  walk(listing);
  return out;
}

export function mapRedditMention(t3: JsonReader): NormalizedMention {
  const p = mapRedditLink(t3);
  return { externalId: p.externalId, publishedAt: p.publishedAt, text: p.text, permalink: p.permalink, author: p.author, source: `reddit:${t3.get('data').get('subreddit_name_prefixed').optStr() ?? 'reddit'}`, metrics: { reactions: p.metrics.reactions, comments: p.metrics.comments } };
}
