import { randomUUID } from 'node:crypto';
import { type RunningSandbox, type SandboxAccountWithUrl, startSandbox } from '@vigie/platform-sandbox';
import { sandboxCredentials } from '../../../ingestion/__tests__/sandbox-accounts';
import type { AnswerTarget, ChannelConnector, ConnectorAccount, NormalizedComment, Platform } from '../channel-connector';
import { CONNECTORS } from '../connector.registry';
import { isConnectorError } from '../connector-error';

/**
 * The answer capability of every connector that declares one, against the platform sandbox over
 * real HTTP (no Postgres, no Nest): a reply lands exactly once (a retried key on the platforms that
 * dedupe themselves does not write twice), likes and hides land where the capability says so,
 * and a reply to a deleted comment fails with `reason: 'target_gone'`.
 */
describe('connectors answer a community comment in the platform sandbox', () => {
  let sb: RunningSandbox;
  const DAY = 86_400_000;

  beforeAll(async () => {
    const frozen = new Date();
    sb = await startSandbox({ port: 0, now: () => frozen, rateLimits: false });
  });
  afterAll(async () => {
    await sb?.close();
  });

  const answering = CONNECTORS.filter((c) => c.capabilities.answer?.reply && c.reply);

  function own(platform: Platform): SandboxAccountWithUrl {
    const a = sb.accounts.find((x) => x.brandSlug === 'maison-lumiere' && x.platform === platform);
    if (!a) throw new Error(`no own ${platform} account in the sandbox`);
    return a;
  }

  function accountOf(a: SandboxAccountWithUrl): ConnectorAccount {
    // Writes need a user token (an API key / app bearer alone cannot write): the sandbox token is one.
    return {
      platform: a.platform as Platform,
      handle: a.handle,
      externalId: a.externalId,
      baseUrl: sb.baseUrls[a.platform] ?? null,
      credentials: { ...(sandboxCredentials(a) ?? {}), accessToken: a.token },
      isCompetitor: false,
    };
  }

  /** A community comment (not the brand's) of the account's recent posts, found through the connector's own reads. */
  async function communityComments(c: ChannelConnector, account: ConnectorAccount, want: number): Promise<NormalizedComment[]> {
    const out: NormalizedComment[] = [];
    let page: string | null = null;
    for (let i = 0; i < 10 && out.length < want; i++) {
      const posts = await c.listPosts(account, { cursor: null, page, since: new Date(Date.now() - 30 * DAY) });
      for (const p of posts.items) {
        if (!c.listComments) break;
        const comments = await c.listComments(account, { externalId: p.externalId }, null);
        out.push(...comments.items.filter((x) => !x.isFromBrand && !out.some((o) => o.externalId === x.externalId)));
        if (out.length >= want) break;
      }
      page = posts.nextPage;
      if (!page) break;
    }
    return out;
  }

  /** Every comment of one post (all pages). */
  async function communityOrBrand(c: ChannelConnector, account: ConnectorAccount, postExternalId: string): Promise<NormalizedComment[]> {
    const out: NormalizedComment[] = [];
    let page: string | null = null;
    for (let i = 0; i < 20; i++) {
      const res = await c.listComments!(account, { externalId: postExternalId }, page);
      out.push(...res.items);
      page = res.nextPage;
      if (!page) break;
    }
    return out;
  }

  const targetOf = (x: NormalizedComment): AnswerTarget => ({ externalId: x.externalId, postExternalId: x.postExternalId, parentExternalId: x.parentExternalId });

  it('covers the platforms the brief names', () => {
    expect(answering.map((c) => c.platform).sort()).toEqual(['bluesky', 'facebook', 'instagram', 'linkedin', 'mastodon', 'reddit', 'x', 'youtube']);
  });

  it.each(['facebook', 'instagram', 'youtube', 'mastodon', 'bluesky', 'reddit', 'x', 'linkedin'] as const)(
    '%s: one reply per idempotency key, then like / hide where declared',
    async (platform) => {
      const c = CONNECTORS.find((x) => x.platform === platform)!;
      const caps = c.capabilities.answer!;
      const account = accountOf(own(platform));
      const [comment] = await communityComments(c, account, 1);
      expect(comment).toBeDefined();
      const target = targetOf(comment!);
      const text = `Merci, on regarde ça ! ${randomUUID().slice(0, 8)}`;
      const key = randomUUID();

      const first = await c.reply!(account, target, text, key);
      expect(first.externalId).toBeTruthy();
      const landed = () => sb.writes(platform).filter((w) => w.action === 'reply' && w.text === text);
      expect(landed()).toHaveLength(1);
      expect(landed()[0]!.id).toBe(first.externalId);

      // A reply whose answer was lost is found again by reading the thread (the inbox does so
      // before resending where the platform does not dedupe): the brand's comment, same text, under the target.
      const found = await communityOrBrand(c, account, comment!.postExternalId);
      const mine = found.find((x) => x.externalId === first.externalId);
      expect(mine?.isFromBrand).toBe(true);
      // X and Mastodon put the answered author's @mention in front (the inbox compares without it).
      expect(mine!.text.replace(/^(@[\w.@-]+\s+)+/u, '')).toBe(text);
      expect([target.externalId, target.parentExternalId]).toContain(mine!.parentExternalId);

      if (caps.idempotent) {
        // The answer of the first call was "lost": the same key again names the same reply.
        const again = await c.reply!(account, target, text, key);
        expect(again.externalId).toBe(first.externalId);
        expect(landed()).toHaveLength(1);
      }

      if (caps.like && c.like) {
        await c.like(account, target);
        expect(sb.writes(platform).filter((w) => w.action === 'like' && w.target === target.externalId).length).toBeGreaterThanOrEqual(1);
      }
      if (caps.hide && c.setHidden) {
        await c.setHidden(account, target, true);
        const moderated = sb.writes(platform).filter((w) => w.target === target.externalId && ['hide', 'moderate', 'delete'].includes(w.action));
        expect(moderated.length).toBeGreaterThanOrEqual(1);
        if (moderated.some((w) => w.action === 'hide')) await c.setHidden(account, target, false);
      }
    },
  );

  it.each(['facebook', 'mastodon', 'bluesky', 'linkedin'] as const)('%s: a reply to a comment that no longer exists fails as target_gone', async (platform) => {
    const c = CONNECTORS.find((x) => x.platform === platform)!;
    const account = accountOf(own(platform));
    const [comment] = await communityComments(c, account, 1);
    const gone: AnswerTarget = {
      ...targetOf(comment!),
      externalId:
        platform === 'bluesky'
          ? comment!.externalId.replace(/\/[^/]+$/, '/3zzzzzzzzzzzz')
          : platform === 'facebook'
            ? `${comment!.postExternalId}_999999999`
            : '999999999999999',
      parentExternalId: null,
    };
    const e = await c.reply!(account, gone, 'Réponse perdue', randomUUID()).then(
      () => null,
      (err: unknown) => err,
    );
    expect(isConnectorError(e)).toBe(true);
    expect(isConnectorError(e) && e.reason).toBe('target_gone');
  });
});
