import type { CursorPage, PostPageDto, TopPostsDto } from '@vigie/contracts';
import { api } from '../../lib/api-client';
import { toPostPage, type PostRow } from './post-row';

/** `GET /workspaces/:id/posts` filters and keyset sort. */
export type PostsQuery = {
  brandId?: string;
  from?: string;
  to?: string;
  channelAccountId?: string;
  sort?: string;
  order?: 'asc' | 'desc';
  limit?: number;
  cursor?: string;
};

export type TopPostsQuery = { brandId?: string; from?: string; to?: string; metric: string; limit?: number };

/** One page of posts, normalised to the rows the table and the exports read. */
export async function listPosts(workspaceId: string, query: PostsQuery, signal?: AbortSignal): Promise<CursorPage<PostRow>> {
  return toPostPage(await api.get<PostPageDto>(`/workspaces/${workspaceId}/posts`, query, signal));
}

export async function listTopPosts(workspaceId: string, query: TopPostsQuery, signal?: AbortSignal): Promise<PostRow[]> {
  return toPostPage(await api.get<TopPostsDto>(`/workspaces/${workspaceId}/posts/top`, query, signal)).items;
}
