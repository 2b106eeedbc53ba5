import { createHash } from 'node:crypto';
import type { AnswerTarget, ChannelConnector, ConnectorAccount, ListPostsRequest, NormalizedAccountStats, NormalizedComment, NormalizedMention, Page, PostedReply, PostsPage } from '../channel-connector';
import { write } from '../answer';
import { ConnectorError, ConnectorErrorCode, isConnectorError } from '../connector-error';
import { baseOf, buildUrl, type Query } from '../base-url';
import { optionalBearer, optionalCredential, requireCredential } from '../credentials';
import { HttpConnector, openNetworkWithOwnAnswers } from '../http-connector';
import { JsonReader } from '../json-reader';
import { assertNewToken, PostRun } from '../page-state';
import { DAY_MS, utcDay } from '../sync-window';
import { flattenBlueskyThread, mapBlueskyMention, mapBlueskyPost } from './bluesky.mapper';

/**
 * Bluesky through the public AppView (default https://public.api.bsky.app + /xrpc/…); no
 * credentials needed (optional `{ accessToken }` for an authenticated AppView/PDS).
 * `handle` = the actor (handle or DID). Re-reads 7 days.
 */
export class BlueskyConnector extends HttpConnector implements ChannelConnector {
  readonly platform = 'bluesky' as const;
  /** Replies and likes are records in the account's own repo. */
  readonly capabilities = openNetworkWithOwnAnswers();
  /** ~3,000 requests / 5 min per IP: a 15-minute sync is gentle. */
  readonly syncIntervalMs = 15 * 60 * 1000;
  static readonly REFRESH_WINDOW_MS = 7 * DAY_MS;

  private async xrpc(account: ConnectorAccount, what: string, method: string, query: Query): Promise<JsonReader> {
    const token = optionalCredential(account, 'accessToken');
    const url = buildUrl(baseOf(account, 'https://public.api.bsky.app'), `/xrpc/${method}`, query);
    const r = await this.http.json({ url, what, ...optionalBearer(token) });
    return JsonReader.root(r.body, what);
  }

  private actor(account: ConnectorAccount): string {
    return account.externalId ?? account.handle.replace(/^@/, '');
  }

  async verify(account: ConnectorAccount) {
    const p = await this.xrpc(account, 'bluesky verify', 'app.bsky.actor.getProfile', { actor: this.actor(account) });
    return { externalId: p.get('did').str(), handle: p.get('handle').str(), displayName: p.get('displayName').optStr() || null };
  }

  async listPosts(account: ConnectorAccount, req: ListPostsRequest): Promise<PostsPage> {
    const run = PostRun.start(req, 'bluesky author feed', BlueskyConnector.REFRESH_WINDOW_MS);
    const body = await this.xrpc(account, run.what, 'app.bsky.feed.getAuthorFeed', {
      actor: this.actor(account),
      limit: 100,
      filter: 'posts_no_replies',
      cursor: run.token,
    });
    // Reposts of others appear with a `reason`: they are not the account's posts.
    const posts = body.get('feed').arr().filter((i) => i.get('reason').isMissing()).map((i) => mapBlueskyPost(i.get('post')));
    return run.finish(posts, body.get('cursor').optStr());
  }

  /** The whole reply tree comes in one getPostThread call: a single page. */
  async listComments(account: ConnectorAccount, post: { externalId: string }): Promise<Page<NormalizedComment>> {
    const body = await this.xrpc(account, 'bluesky thread', 'app.bsky.feed.getPostThread', { uri: post.externalId, depth: 10, parentHeight: 0 });
    const brand = account.externalId?.startsWith('did:') ? account.externalId : null;
    const items = flattenBlueskyThread(body.get('thread'), brand).map((c) => ({
      ...c,
      isFromBrand: c.isFromBrand || (c.author?.handle ?? '') === account.handle.replace(/^@/, ''),
    }));
    return { items, nextPage: null };
  }

  async getAccountStats(account: ConnectorAccount, now: Date): Promise<NormalizedAccountStats> {
    const p = await this.xrpc(account, 'bluesky stats', 'app.bsky.actor.getProfile', { actor: this.actor(account) });
    return { day: utcDay(now), followers: p.get('followersCount').optNum(), following: p.get('followsCount').optNum(), postsCount: p.get('postsCount').optNum() };
  }

  async search(account: ConnectorAccount, query: string, since: Date, page: string | null): Promise<Page<NormalizedMention>> {
    const what = 'bluesky search';
    const body = await this.xrpc(account, what, 'app.bsky.feed.searchPosts', { q: query, sort: 'latest', since: since.toISOString(), limit: 100, cursor: page });
    return { items: body.get('posts').arr().map(mapBlueskyMention), nextPage: assertNewToken(page, body.get('cursor').optStr(), what) };
  }

  /** The account's repo (its DID), where replies and likes are written. */
  private repo(account: ConnectorAccount): string {
    const did = optionalCredential(account, 'did') ?? (account.externalId?.startsWith('did:') ? account.externalId : null);
    if (!did) throw new ConnectorError(ConnectorErrorCode.AUTH, 'bluesky: no DID for this account: reconnect it with an app password');
    return did;
  }

  /** Writes go to the account's PDS (the session's service), not to the public AppView. */
  private async pds(account: ConnectorAccount, what: string, method: string, query: Query, body?: unknown): Promise<JsonReader> {
    const token = requireCredential(account, 'accessToken');
    const url = buildUrl(baseOf(account, BLUESKY_PDS), `/xrpc/${method}`, query);
    const r = await this.http.json({ url, method: body === undefined ? 'GET' : 'POST', body, what, headers: { authorization: `Bearer ${token}` }, secrets: [token] });
    return JsonReader.root(r.body ?? {}, what);
  }

  /** `com.atproto.repo.getRecord` of an at:// URI: its cid (strong refs) and its value. */
  private async record(account: ConnectorAccount, uri: string, what: string): Promise<JsonReader> {
    const ref = parseAtUri(uri);
    return write(what, () => this.pds(account, what, 'com.atproto.repo.getRecord', { repo: ref.repo, collection: ref.collection, rkey: ref.rkey }));
  }

  /**
   * `com.atproto.repo.createRecord` of an app.bsky.feed.post with reply root/parent strong refs,
   * under a record key derived from the idempotency key: a retry of the same key hits "record
   * already exists" and is answered with the record written the first time (getRecord).
   */
  async reply(account: ConnectorAccount, target: AnswerTarget, text: string, idempotencyKey: string): Promise<PostedReply> {
    const what = 'bluesky reply';
    const repo = this.repo(account);
    const rkey = tidFromKey(idempotencyKey);
    const parent = await this.record(account, target.externalId, 'bluesky reply target');
    const parentRef = { uri: parent.get('uri').optStr() ?? target.externalId, cid: parent.get('cid').str() };
    const rootOfParent = parent.get('value').get('reply').get('root');
    const root = rootOfParent.isMissing() ? parentRef : { uri: rootOfParent.get('uri').str(), cid: rootOfParent.get('cid').str() };
    const record = { $type: 'app.bsky.feed.post', text, createdAt: new Date(this.clock()).toISOString(), reply: { root, parent: parentRef } };
    try {
      const r = await write(what, () => this.pds(account, what, 'com.atproto.repo.createRecord', {}, { repo, collection: POST_COLLECTION, rkey, record }));
      return { externalId: r.get('uri').str(), publishedAt: record.createdAt };
    } catch (e) {
      if (!isConnectorError(e) || (e.reason !== 'already_exists' && e.code !== ConnectorErrorCode.BAD_REQUEST)) throw e;
      // Written by an earlier attempt whose answer was lost: that record is the reply.
      const existing = await this.existing(account, repo, POST_COLLECTION, rkey);
      if (!existing) throw e;
      return { externalId: existing.get('uri').str(), publishedAt: existing.get('value').get('createdAt').optStr() };
    }
  }

  private async existing(account: ConnectorAccount, repo: string, collection: string, rkey: string): Promise<JsonReader | null> {
    try {
      return await this.pds(account, 'bluesky existing record', 'com.atproto.repo.getRecord', { repo, collection, rkey });
    } catch (e) {
      if (isConnectorError(e) && (e.code === ConnectorErrorCode.NOT_FOUND || e.code === ConnectorErrorCode.BAD_REQUEST)) return null;
      throw e;
    }
  }

  /** `com.atproto.repo.deleteRecord`: only records of the account's own repo (its replies). */
  async deleteComment(account: ConnectorAccount, target: AnswerTarget): Promise<void> {
    const ref = parseAtUri(target.externalId);
    const what = 'bluesky delete post';
    await write(what, () => this.pds(account, what, 'com.atproto.repo.deleteRecord', {}, { repo: this.repo(account), collection: ref.collection, rkey: ref.rkey }));
  }

  /** An app.bsky.feed.like record whose subject is the comment's strong ref. */
  async like(account: ConnectorAccount, target: AnswerTarget): Promise<void> {
    const what = 'bluesky like';
    const subject = await this.record(account, target.externalId, 'bluesky like target');
    const record = { $type: 'app.bsky.feed.like', subject: { uri: subject.get('uri').optStr() ?? target.externalId, cid: subject.get('cid').str() }, createdAt: new Date(this.clock()).toISOString() };
    await write(what, () => this.pds(account, what, 'com.atproto.repo.createRecord', {}, { repo: this.repo(account), collection: 'app.bsky.feed.like', record }));
  }
}

const BLUESKY_PDS = 'https://bsky.social';
const POST_COLLECTION = 'app.bsky.feed.post';
const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

/** at://{repo}/{collection}/{rkey}. */
export function parseAtUri(uri: string): { repo: string; collection: string; rkey: string } {
  const m = /^at:\/\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(uri);
  if (!m) throw ConnectorError.malformed('bluesky', 'uri', uri);
  return { repo: m[1]!, collection: m[2]!, rkey: m[3]! };
}

/**
 * A valid TID-shaped record key (13 base32-sortable characters of a 64-bit integer whose top bit
 * is 0) derived from the idempotency key: the same key always names the same record.
 */
export function tidFromKey(key: string): string {
  const h = createHash('sha256').update(`vigie-reply:${key}`).digest();
  let n = h.readBigUInt64BE(0) & 0x7fffffffffffffffn;
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = TID_ALPHABET[Number(n & 31n)]! + out;
    n >>= 5n;
  }
  return out;
}
