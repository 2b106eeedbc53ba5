import { account, get, start } from './helpers';
import type { Json, TestSandbox } from './helpers';

/** One HTTP call to the sandbox: a JSON body, or a form body, and the token as the platform wants it. */
export interface CallOptions {
  bearer?: string;
  json?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
}

export function caller(t: TestSandbox) {
  return (method: string, path: string, o: CallOptions = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.bearer) headers.authorization = `Bearer ${o.bearer}`;
    let body: string | undefined;
    if (o.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(o.json);
    } else if (o.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(o.form).toString();
    }
    return get(`${t.sb.url}${path}`, { method, headers, body });
  };
}

/** `/__sandbox/posts` ground truth of one post of an account. */
export async function truthOf(t: TestSandbox, key: string, postId: string): Promise<Json> {
  const r = await get(`${t.sb.url}/__sandbox/posts?account=${encodeURIComponent(key)}`);
  return r.body.posts.find((p: Json) => p.id === postId);
}

/** The latest posts of an own account that have community comments, per the ground truth. */
export async function postsWithComments(t: TestSandbox, platform: string, brand = 'maison-lumiere'): Promise<string[]> {
  const a = account(t.sb, platform, brand);
  const r = await get(`${t.sb.url}/__sandbox/posts?account=${encodeURIComponent(a.key)}`);
  return r.body.posts
    .filter((p: Json) => p.comments - p.fromBrand > 0)
    .map((p: Json) => p.id)
    .reverse();
}

export const LINKEDIN_HEADERS = { 'linkedin-version': '202501', 'x-restli-protocol-version': '2.0.0' };

/** The first post (of `posts`) whose read `list` holds a comment that `pick` accepts. */
export async function findComment(posts: string[], list: (post: string) => Promise<Json[]>, pick: (c: Json) => boolean): Promise<{ post: string; comment: Json }> {
  for (const post of posts) {
    const comment = (await list(post)).find(pick);
    if (comment) return { post, comment };
  }
  throw new Error('no post with a matching comment');
}

/** A sandbox for one spec file (started before its tests, closed after) and a caller on it. */
export function useSandbox(): { t: TestSandbox; call: ReturnType<typeof caller> } {
  const env = {} as { t: TestSandbox; call: ReturnType<typeof caller> };
  beforeAll(async () => {
    env.t = await start();
    env.call = caller(env.t);
  });
  afterAll(() => env.t.sb.close());
  return env;
}
