import type { NormalizedAuthor, NormalizedComment, NormalizedMention, NormalizedPost } from '../channel-connector';
import { emptyMetrics } from '../facebook/facebook.mapper';
import { htmlToText } from '../html-to-text';
import type { JsonReader } from '../json-reader';

export function mapMastodonAccount(a: JsonReader): NormalizedAuthor {
  return { externalId: a.get('id').str(), handle: a.get('acct').optStr(), displayName: a.get('display_name').optStr() || null, followers: a.get('followers_count').optNum() };
}

function textOf(s: JsonReader): string {
  const body = htmlToText(s.get('content').optStr() ?? '');
  const cw = s.get('spoiler_text').optStr();
  return cw ? `${cw}\n\n${body}` : body;
}

export function mapMastodonStatus(s: JsonReader): NormalizedPost {
  const replies = s.get('replies_count').optNum();
  const reblogs = s.get('reblogs_count').optNum();
  const favourites = s.get('favourites_count').optNum();
  const media = s.get('media_attachments').optArr();
  const kind = media[0]?.get('type').optStr();
  return {
    externalId: s.get('id').str(),
    publishedAt: s.get('created_at').isoDate(),
    contentType: media.length > 1 ? 'carousel' : kind === 'image' ? 'photo' : kind === 'video' || kind === 'gifv' ? 'video' : s.get('card').isMissing() ? 'status' : 'link',
    text: textOf(s),
    permalink: s.get('url').optStr() ?? s.get('uri').optStr(),
    author: mapMastodonAccount(s.get('account')),
    metrics: { ...emptyMetrics(), reactions: favourites, comments: replies, shares: reblogs },
    impressionsDefinition: null,
    sourceMetrics: { favourites_count: favourites, replies_count: replies, reblogs_count: reblogs },
  };
}

/** A descendant of /statuses/:id/context; replies to the root get parent null. */
export function mapMastodonReply(s: JsonReader, rootId: string, brandAccountId: string | null): NormalizedComment {
  const parent = s.get('in_reply_to_id').optStr();
  const author = mapMastodonAccount(s.get('account'));
  return {
    externalId: s.get('id').str(),
    postExternalId: rootId,
    parentExternalId: parent === rootId ? null : parent,
    author,
    text: textOf(s),
    publishedAt: s.get('created_at').isoDate(),
    isFromBrand: brandAccountId !== null && author.externalId === brandAccountId,
    likes: s.get('favourites_count').optNum(),
  };
}

export function mapMastodonMention(s: JsonReader, instance: string): NormalizedMention {
  const p = mapMastodonStatus(s);
  return { externalId: p.externalId, publishedAt: p.publishedAt, text: p.text, permalink: p.permalink, author: p.author, source: `mastodon:${instance}`, metrics: { reactions: p.metrics.reactions, comments: p.metrics.comments, shares: p.metrics.shares } };
}

/** `max_id` of the rel="next" entry of a Link header (Mastodon pagination). */
export function nextMaxIdFromLink(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) {
      try {
        return new URL(m[1]).searchParams.get('max_id');
      } catch {
        return null;
      }
    }
  }
  return null;
}
