import type { NormalizedComment, NormalizedMention, NormalizedPost } from '../channel-connector';
import { emptyMetrics } from '../facebook/facebook.mapper';
import type { JsonReader } from '../json-reader';

/** videos.list item (part=snippet,statistics,contentDetails) → post. Counts arrive as strings. */
export function mapYoutubeVideo(v: JsonReader): NormalizedPost {
  const s = v.get('statistics');
  const views = s.get('viewCount').optNum();
  const likes = s.get('likeCount').optNum();
  const comments = s.get('commentCount').optNum();
  const id = v.get('id').str();
  const sn = v.get('snippet');
  const title = sn.get('title').optStr() ?? '';
  const description = sn.get('description').optStr() ?? '';
  return {
    externalId: id,
    publishedAt: sn.get('publishedAt').isoDate(),
    contentType: 'video',
    text: description ? `${title}\n\n${description}` : title,
    permalink: `https://www.youtube.com/watch?v=${id}`,
    author: { externalId: sn.get('channelId').str(), handle: null, displayName: sn.get('channelTitle').optStr(), followers: null },
    // Data API views are public plays, not impressions: impressions stay null.
    metrics: { ...emptyMetrics(), videoViews: views, reactions: likes, comments },
    impressionsDefinition: null,
    sourceMetrics: { viewCount: views, likeCount: likes, commentCount: comments },
  };
}

function mapComment(c: JsonReader, videoId: string, parent: string | null, channelId: string | null): NormalizedComment {
  const s = c.get('snippet');
  const author = s.get('authorChannelId').get('value').optStr();
  return {
    externalId: c.get('id').str(),
    postExternalId: videoId,
    parentExternalId: parent ?? s.get('parentId').optStr(),
    author: { externalId: author ?? s.get('authorDisplayName').str(), handle: null, displayName: s.get('authorDisplayName').optStr(), followers: null },
    text: s.get('textOriginal').optStr() ?? s.get('textDisplay').optStr() ?? '',
    publishedAt: s.get('publishedAt').isoDate(),
    isFromBrand: author !== null && author === channelId,
    likes: s.get('likeCount').optNum(),
  };
}

/** commentThreads item → top-level comment + the replies included inline. */
export function mapYoutubeThread(t: JsonReader, channelId: string | null): NormalizedComment[] {
  const videoId = t.get('snippet').get('videoId').str();
  const top = mapComment(t.get('snippet').get('topLevelComment'), videoId, null, channelId);
  const replies = t.get('replies').get('comments').optArr().map((r) => mapComment(r, videoId, top.externalId, channelId));
  return [top, ...replies];
}

export function mapYoutubeReply(c: JsonReader, videoId: string, channelId: string | null): NormalizedComment {
  return mapComment(c, videoId, null, channelId);
}

/** search.list item (type=video) → mention (no counts in search results). */
export function mapYoutubeSearchItem(i: JsonReader): NormalizedMention {
  const id = i.get('id').get('videoId').str();
  const sn = i.get('snippet');
  return {
    externalId: id,
    publishedAt: sn.get('publishedAt').isoDate(),
    text: [sn.get('title').optStr(), sn.get('description').optStr()].filter(Boolean).join('\n\n'),
    permalink: `https://www.youtube.com/watch?v=${id}`,
    author: { externalId: sn.get('channelId').str(), handle: null, displayName: sn.get('channelTitle').optStr(), followers: null },
    source: 'youtube',
    metrics: {},
  };
}
