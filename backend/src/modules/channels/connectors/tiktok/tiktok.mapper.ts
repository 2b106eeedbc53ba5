import type { NormalizedPost } from '../channel-connector';
import { emptyMetrics } from '../facebook/facebook.mapper';
import type { JsonReader } from '../json-reader';

export const TIKTOK_VIDEO_FIELDS = 'id,create_time,title,video_description,share_url,duration,like_count,comment_count,share_count,view_count';
export const TIKTOK_USER_FIELDS = 'open_id,union_id,display_name,username,follower_count,following_count,likes_count,video_count';

/** Display API /v2/video/list/ video → post (create_time is epoch seconds). */
export function mapTiktokVideo(v: JsonReader, owner: string | null): NormalizedPost {
  const likes = v.get('like_count').optNum();
  const comments = v.get('comment_count').optNum();
  const shares = v.get('share_count').optNum();
  const views = v.get('view_count').optNum();
  return {
    externalId: v.get('id').str(),
    publishedAt: v.get('create_time').isoDate(),
    contentType: 'video',
    text: v.get('video_description').optStr() ?? v.get('title').optStr() ?? '',
    permalink: v.get('share_url').optStr(),
    author: owner ? { externalId: owner, handle: null, displayName: null, followers: null } : null,
    metrics: { ...emptyMetrics(), reactions: likes, comments, shares, videoViews: views },
    impressionsDefinition: null,
    sourceMetrics: { like_count: likes, comment_count: comments, share_count: shares, view_count: views },
  };
}
