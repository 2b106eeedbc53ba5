import type { DataSource } from 'typeorm';
import type { NormalizedComment, NormalizedPost } from '../../channels/connectors/channel-connector';
import { EnrichmentService } from '../../enrichment/enrichment.service';
import { IngestionWriter, type WriteTarget } from '../../ingestion/writer/ingestion-writer.service';
import type { TestApp } from '../../../test-utils/test-app';

const DAY = 24 * 3600 * 1000;
export const ago = (days: number, now = Date.now()) => new Date(now - days * DAY).toISOString();

export const JEANNE = { externalId: 'acct-jeanne-000111', handle: 'jeanne_r', displayName: 'Jeanne Rivière', followers: 120 };
export const PAUL = { externalId: 'acct-paul-000222', handle: 'paul_m', displayName: 'Paul Martin', followers: 40 };
/** Known to Vigie only through a mention (no authors row before erasure). */
export const LUC = { externalId: 'acct-luc-000333', handle: 'luc_d' };

export const TEXTS = {
  jeanneOld: 'Toujours pas reçu ma commande 4471, trois semaines que j’attends !',
  jeanneNew: 'Bonjour, où en est le remboursement de ma commande 5582 ?',
  paulOld: 'Colis arrivé abîmé, qui contacter pour un échange ?',
  paulNew: 'Super service client, merci pour la réponse rapide',
  mentionJeanne: 'Franchement déçue par Vigie Shop, service client aux abonnés absents',
  mentionLuc: 'Luc recommande Vigie Shop à tous ses amis du quartier',
};

function comment(id: string, post: string, author: typeof JEANNE, text: string, at: string): NormalizedComment {
  return { externalId: id, postExternalId: post, parentExternalId: null, author, text, publishedAt: at, isFromBrand: false, likes: 2 };
}

function post(id: string, at: string, reactions: number): NormalizedPost {
  return {
    externalId: id,
    publishedAt: at,
    contentType: 'status',
    text: `Publication ${id}`,
    permalink: `https://mastodon.example/@vigie/${id}`,
    author: { externalId: 'brand-acct', handle: 'vigie', displayName: 'Vigie Shop', followers: 5000 },
    metrics: { impressions: null, reach: null, reactions, comments: 2, shares: 1, saves: null, clicks: null, videoViews: null },
    impressionsDefinition: null,
  };
}

/** Old (400 days) and recent (2 days) posts and comments by Jeanne and Paul, through the real writer and enrichment. */
export async function seedPeople(t: TestApp, target: WriteTarget, now = Date.now()) {
  const writer = t.app.get(IngestionWriter);
  await writer.writePosts(target, [post('p-old', ago(400, now), 30), post('p-new', ago(2, now), 12)]);
  await writer.writeComments(target, [
    comment('c-j-old', 'p-old', JEANNE, TEXTS.jeanneOld, ago(399, now)),
    comment('c-p-old', 'p-old', PAUL, TEXTS.paulOld, ago(399, now)),
    comment('c-j-new', 'p-new', JEANNE, TEXTS.jeanneNew, ago(1, now)),
    comment('c-p-new', 'p-new', PAUL, TEXTS.paulNew, ago(1, now)),
  ]);
  await t.app.get(EnrichmentService).drain();
  return { writer, comment, post };
}

export async function seedMentions(db: DataSource, workspaceId: string, now = Date.now()) {
  const rows: Array<[string, string, string | null, string | null, string | null, string]> = [
    ['m-j-old', TEXTS.mentionJeanne, JEANNE.externalId, JEANNE.handle, JEANNE.displayName, ago(398, now)],
    ['m-l-new', TEXTS.mentionLuc, LUC.externalId, `@${LUC.handle}`, 'Luc D.', ago(1, now)],
    ['m-x-new', 'Vigie Shop ouvre un magasin à Lyon', 'acct-news-000444', 'lyon_news', 'Lyon News', ago(1, now)],
  ];
  for (const [ext, text, authorExt, handle, name, at] of rows) {
    await db.query(
      `INSERT INTO mentions (workspace_id, platform, source, external_id, kind, origin, text, url, author_external_id,
         author_handle, author_name, author_followers, reach, sentiment, published_at)
       VALUES ($1, 'mastodon', 'mastodon:mastodon.example', $2, 'post', 'search', $3, $4, $5, $6, $7, 300, 300, 'negative', $8)`,
      [workspaceId, ext, text, `https://mastodon.example/@${handle ?? 'x'}/${ext}`, authorExt, handle, name, at],
    );
  }
}

/** Every row of every table that has a workspace_id, as one JSON text (the "everywhere" of an erasure). */
export async function dumpWorkspace(db: DataSource, workspaceId: string): Promise<string> {
  const tables = (await db.query(
    `SELECT table_name AS t FROM information_schema.columns
     WHERE table_schema = 'public' AND column_name = 'workspace_id' ORDER BY table_name`,
  )) as Array<{ t: string }>;
  const parts: string[] = [];
  for (const { t } of tables) {
    const [r] = (await db.query(`SELECT coalesce(json_agg(x), '[]')::text AS j FROM ${t} x WHERE workspace_id = $1`, [workspaceId])) as Array<{ j: string }>;
    parts.push(`${t}: ${r.j}`);
  }
  return parts.join('\n');
}
