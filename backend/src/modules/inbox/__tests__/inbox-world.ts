import type { NormalizedComment, NormalizedPost, PostMetrics } from '../../channels/connectors/channel-connector';
import { EnrichmentService } from '../../enrichment/enrichment.service';
import { IngestionWriter, type WriteTarget } from '../../ingestion/writer/ingestion-writer.service';
import { InboxSyncService } from '../inbox-sync.service';
import type { LoggedIn, TestApp } from '../../../test-utils/test-app';

/**
 * A small brand world for the inbox tests: one own brand with a Facebook and an Instagram
 * account, one competitor, posts and community comments written through the real ingestion
 * writer, then enriched by the real enrichment service. Times are UTC; the workspace is in
 * Europe/Paris (UTC+1 in March 2025).
 */
const none: PostMetrics = { impressions: null, reach: null, reactions: null, comments: null, shares: null, saves: null, clicks: null, videoViews: null };

export const TEXTS = {
  complaint: "Ma commande n'est toujours pas arrivée, c'est inadmissible, je veux un remboursement",
  question: 'Hi, do you ship to Canada? When will the new collection be available?',
  praise: "Superbe collection, bravo à toute l'équipe !",
  job: 'Bonjour, je souhaite vous adresser ma candidature spontanée pour un poste de vendeuse',
  xssImg: '<img src=x onerror=alert(1)>',
  xssScript: '<script>alert("x")</script> où est ma commande ?',
  troll: 'You are all idiots, fuck you',
  lead: 'How much for 50 units? We would like a quote for our stores',
  rival: 'Où est ma commande ? Toujours rien reçu',
} as const;
export type CommentKey = Exclude<keyof typeof TEXTS, 'rival'>;

/** Classifier outputs these clear texts get (checked by the world test), and the pinned sentiments. */
export const EXPECTED: Record<CommentKey, { type: string; channel: 'fb' | 'ig'; sentiment: 'positive' | 'neutral' | 'negative' }> = {
  complaint: { type: 'complaint', channel: 'fb', sentiment: 'negative' },
  question: { type: 'question', channel: 'ig', sentiment: 'neutral' },
  praise: { type: 'praise', channel: 'fb', sentiment: 'positive' },
  job: { type: 'job_application', channel: 'fb', sentiment: 'positive' },
  xssImg: { type: 'other', channel: 'fb', sentiment: 'neutral' },
  xssScript: { type: 'complaint', channel: 'fb', sentiment: 'neutral' },
  troll: { type: 'troll', channel: 'ig', sentiment: 'negative' },
  lead: { type: 'lead', channel: 'ig', sentiment: 'negative' },
};

export const PUBLISHED: Record<CommentKey, string> = {
  complaint: '2025-03-05T10:00:00.000Z',
  question: '2025-03-05T11:00:00.000Z',
  praise: '2025-03-05T12:00:00.000Z',
  job: '2025-03-06T08:00:00.000Z',
  xssImg: '2025-03-06T09:00:00.000Z',
  xssScript: '2025-03-06T10:00:00.000Z',
  troll: '2025-03-07T22:30:00.000Z',
  // 00:30 on 9 March in Paris: a 'to=2025-03-08' filter must leave it out
  lead: '2025-03-08T23:30:00.000Z',
};

export interface World {
  brandId: string;
  competitorId: string;
  fb: WriteTarget;
  ig: WriteTarget;
  rival: WriteTarget;
  items: Record<CommentKey, string>;
}

export function post(id: string, publishedAt: string, text: string): NormalizedPost {
  return {
    externalId: id,
    publishedAt,
    contentType: 'photo',
    text,
    permalink: `https://social.example/${id}`,
    author: { externalId: 'brand-page', handle: 'lumiere', displayName: 'Maison Lumière', followers: 1200 },
    metrics: none,
    impressionsDefinition: null,
  };
}

export function communityComment(key: string, postId: string, text: string, publishedAt: string, parent: string | null = null): NormalizedComment {
  return {
    externalId: `c-${key}`,
    postExternalId: postId,
    parentExternalId: parent,
    author: { externalId: `u-${key}`, handle: `handle_${key}`, displayName: `Person ${key}`, followers: null },
    text,
    publishedAt,
    isFromBrand: false,
    likes: null,
  };
}

export function brandReply(key: string, postId: string, parent: string, publishedAt: string, text = 'Merci pour votre message, nous regardons cela tout de suite.'): NormalizedComment {
  return {
    externalId: `r-${key}`,
    postExternalId: postId,
    parentExternalId: parent,
    author: { externalId: 'brand-page', handle: 'lumiere', displayName: 'Maison Lumière', followers: 1200 },
    text,
    publishedAt,
    isFromBrand: true,
    likes: null,
  };
}

async function created(res: { status: number; body: { id: string } }, what: string): Promise<string> {
  if (res.status !== 201) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export async function buildWorld(t: TestApp, admin: LoggedIn, workspaceId: string, tag: string): Promise<World> {
  const ws = `/api/workspaces/${workspaceId}`;
  const brandId = await created(await admin.post(`${ws}/brands`, { name: `Lumière ${tag}`, kind: 'own' }), 'brand');
  const competitorId = await created(await admin.post(`${ws}/brands`, { name: `Rival ${tag}`, kind: 'competitor' }), 'competitor');
  const channel = async (b: string, platform: string, handle: string) =>
    created(await admin.post(`${ws}/channels`, { brandId: b, platform, handle }), `channel ${platform}`);
  const fb: WriteTarget = { workspaceId, brandId, channelAccountId: await channel(brandId, 'facebook', `lumiere_${tag}`), platform: 'facebook' };
  const ig: WriteTarget = { workspaceId, brandId, channelAccountId: await channel(brandId, 'instagram', `lumiere_${tag}`), platform: 'instagram' };
  const rival: WriteTarget = {
    workspaceId,
    brandId: competitorId,
    channelAccountId: await channel(competitorId, 'facebook', `rival_${tag}`),
    platform: 'facebook',
  };
  const writer = t.app.get(IngestionWriter);
  await writer.writePosts(fb, [post('p-fb', '2025-03-04T09:00:00.000Z', 'Découvrez notre nouvelle lampe Aurora, disponible en trois couleurs.')]);
  await writer.writePosts(ig, [post('p-ig', '2025-03-04T10:00:00.000Z', 'Our new collection is out now, tell us which lamp you like the most!')]);
  await writer.writePosts(rival, [post('p-rival', '2025-03-04T10:00:00.000Z', 'Rival post')]);
  const keys = Object.keys(EXPECTED) as CommentKey[];
  for (const target of [fb, ig]) {
    const platformKey = target === fb ? 'fb' : 'ig';
    const mine = keys.filter((k) => EXPECTED[k].channel === platformKey);
    await writer.writeComments(target, mine.map((k) => communityComment(k, `p-${platformKey}`, TEXTS[k], PUBLISHED[k])));
  }
  await writer.writeComments(rival, [communityComment('rival', 'p-rival', TEXTS.rival, '2025-03-05T10:00:00.000Z')]);
  await t.app.get(EnrichmentService).drain();

  // Sentiment is the text package's to measure; pin it so these tests check the inbox, not the model.
  const rows = (await t.db.query(
    `SELECT c.id, c.external_id FROM comments c WHERE c.workspace_id = $1 AND NOT c.is_from_brand`,
    [workspaceId],
  )) as Array<{ id: string; external_id: string }>;
  for (const k of keys) {
    await t.db.query('UPDATE comments SET sentiment = $3 WHERE workspace_id = $1 AND external_id = $2', [
      workspaceId,
      `c-${k}`,
      EXPECTED[k].sentiment,
    ]);
  }
  await t.app.get(InboxSyncService).upsertItems(rows.map((r) => r.id));
  const itemRows = (await t.db.query(
    `SELECT i.id, c.external_id FROM inbox_items i JOIN comments c ON c.id = i.comment_id WHERE i.workspace_id = $1`,
    [workspaceId],
  )) as Array<{ id: string; external_id: string }>;
  const items = Object.fromEntries(itemRows.map((r) => [r.external_id.slice(2), r.id])) as Record<CommentKey, string>;
  return { brandId, competitorId, fb, ig, rival, items };
}
