import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { rebuildRollups } from '../../kpi/rollups/kpi-rollup.service';
import { InboxSyncService } from '../../inbox/inbox-sync.service';

/**
 * A small, hand-checkable month (March 2025, Europe/Paris) for brand Acme:
 *  facebook acme   p1 03-05 photo  reach 1000 80+10+10      = 100  rate 0.10  #printemps
 *                  p2 03-12 video  reach 2000 300+50+50     = 400  rate 0.20  #printemps #promo
 *                  p3 03-20 photo  reach 1000 40+5+5        =  50  rate 0.05
 *  instagram acme.ig p4 03-08 reel reach 500 20+5+0+5 saves =  30  rate 0.06  #printemps
 *                  p5 03-25 photo  reach 500  10            =  10  rate 0.02
 *  → 590 interactions / 5000 reach = 0.118; median post rate 0.06; top post p2 = 3.33× median.
 *  February: p6 60 interactions / 1000 reach; January: p7 30 / 800; June 2024: p0 1000 (best ever).
 *  Followers: facebook 1000 → 1100, instagram 500 → 520 (1620, +120).
 *  Inbound in March: question (answered by the brand after 30 min), complaint (SAV), lead,
 *  praise; February: one question. Competitor Rival: March 50 / 1000, February 40 / 1000.
 */
export interface ReportWorld {
  workspaceId: string;
  brandId: string;
  rivalId: string;
  facebookId: string;
  instagramId: string;
  postIds: Record<string, string>;
  /** The March alert (negative surge), to acknowledge and resolve through the API. */
  alertId: string;
}

async function one<T>(db: DataSource, sql: string, params: unknown[]): Promise<T> {
  const rows = (await db.query(sql, params)) as T[];
  return rows[0];
}

export async function seedReportWorld(app: INestApplication, db: DataSource, workspaceId: string): Promise<ReportWorld> {
  await db.query(`UPDATE workspaces SET timezone = 'Europe/Paris', language = 'fr' WHERE id = $1`, [workspaceId]);
  const brand = await one<{ id: string }>(db, `INSERT INTO brands (workspace_id, name, kind) VALUES ($1, 'Acme', 'own') RETURNING id`, [workspaceId]);
  const rival = await one<{ id: string }>(db, `INSERT INTO brands (workspace_id, name, kind) VALUES ($1, 'Rival', 'competitor') RETURNING id`, [workspaceId]);
  const account = (brandId: string, platform: string, handle: string) =>
    one<{ id: string }>(db, `INSERT INTO channel_accounts (workspace_id, brand_id, platform, handle) VALUES ($1, $2, $3, $4) RETURNING id`, [
      workspaceId,
      brandId,
      platform,
      handle,
    ]);
  const fb = await account(brand.id, 'facebook', 'acme');
  const ig = await account(brand.id, 'instagram', 'acme.ig');
  const rivalFb = await account(rival.id, 'facebook', 'rival');

  const postIds: Record<string, string> = {};
  const post = async (
    key: string,
    brandId: string,
    accountId: string,
    at: string,
    type: string,
    text: string,
    m: { impressions: number; reach: number; reactions: number; comments: number; shares: number; saves: number | null },
  ) => {
    const row = await one<{ id: string }>(
      db,
      `INSERT INTO posts (workspace_id, brand_id, channel_account_id, external_id, published_at, content_type, text, permalink,
         impressions, reach, reactions, comments, shares, saves)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [workspaceId, brandId, accountId, key, at, type, text, `https://example.test/${key}`, m.impressions, m.reach, m.reactions, m.comments, m.shares, m.saves],
    );
    postIds[key] = String(row.id);
  };
  await post('p0', brand.id, fb.id, '2024-06-10T10:00:00Z', 'photo', 'Anniversaire', { impressions: 9000, reach: 5000, reactions: 1000, comments: 0, shares: 0, saves: null });
  await post('p7', brand.id, fb.id, '2025-01-15T10:00:00Z', 'photo', 'Janvier', { impressions: 1200, reach: 800, reactions: 30, comments: 0, shares: 0, saves: null });
  await post('p6', brand.id, fb.id, '2025-02-10T10:00:00Z', 'photo', 'Février', { impressions: 1500, reach: 1000, reactions: 50, comments: 5, shares: 5, saves: null });
  await post('p1', brand.id, fb.id, '2025-03-05T10:00:00Z', 'photo', 'Le #printemps arrive', { impressions: 2000, reach: 1000, reactions: 80, comments: 10, shares: 10, saves: null });
  await post('p2', brand.id, fb.id, '2025-03-12T17:00:00Z', 'video', 'Vidéo #printemps #promo', { impressions: 3000, reach: 2000, reactions: 300, comments: 50, shares: 50, saves: null });
  await post('p3', brand.id, fb.id, '2025-03-20T08:00:00Z', 'photo', 'Nouveautés', { impressions: 1500, reach: 1000, reactions: 40, comments: 5, shares: 5, saves: null });
  await post('p4', brand.id, ig.id, '2025-03-08T12:00:00Z', 'reel', 'Reel #printemps', { impressions: 800, reach: 500, reactions: 20, comments: 5, shares: 0, saves: 5 });
  await post('p5', brand.id, ig.id, '2025-03-25T18:00:00Z', 'photo', 'Coulisses', { impressions: 700, reach: 500, reactions: 10, comments: 0, shares: 0, saves: 0 });
  await post('r2', rival.id, rivalFb.id, '2025-02-14T10:00:00Z', 'photo', 'Rival février', { impressions: 1500, reach: 1000, reactions: 40, comments: 0, shares: 0, saves: null });
  await post('r3', rival.id, rivalFb.id, '2025-03-14T10:00:00Z', 'photo', 'Rival mars', { impressions: 1500, reach: 1000, reactions: 50, comments: 0, shares: 0, saves: null });

  for (const [accountId, day, followers] of [
    [fb.id, '2025-02-28', 1000],
    [fb.id, '2025-03-31', 1100],
    [ig.id, '2025-02-28', 500],
    [ig.id, '2025-03-31', 520],
  ] as const) {
    await db.query('INSERT INTO account_daily_stats (channel_account_id, day, followers) VALUES ($1, $2, $3)', [accountId, day, followers]);
  }

  const service = await one<{ id: string }>(db, `INSERT INTO services (workspace_id, name, kind) VALUES ($1, 'SAV', 'sav') RETURNING id`, [workspaceId]);
  let n = 0;
  const comment = async (o: {
    postKey: string;
    at: string;
    text: string;
    type: string | null;
    sentiment: string;
    author: string;
    fromBrand?: boolean;
    parent?: string;
    /** Themes as the enrichment stores them (pinned: the report is tested here, not the detector). */
    aspects?: Array<{ aspect: string; polarity: string; start: number; end: number }>;
  }) => {
    n++;
    const author = await one<{ id: string }>(
      db,
      `INSERT INTO authors (workspace_id, platform, external_id, handle, display_name, pseudonym)
       VALUES ($1, 'facebook', $2, $3, $4, $5) RETURNING id`,
      [workspaceId, `a${n}`, `h_${n}`, o.author, `Utilisateur ${String(n).padStart(4, '0')}`],
    );
    const row = await one<{ id: string }>(
      db,
      `INSERT INTO comments (workspace_id, brand_id, channel_account_id, post_id, external_id, parent_external_id, author_id,
         is_from_brand, text, published_at, language, sentiment, request_type, toxic, enriched_at, aspects)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'fr', $11, $12, false, now(), $13::jsonb) RETURNING id`,
      [workspaceId, brand.id, fb.id, postIds[o.postKey], `c${n}`, o.parent ?? null, author.id, o.fromBrand ?? false, o.text, o.at, o.sentiment, o.type, o.aspects ? JSON.stringify(o.aspects) : null],
    );
    return String(row.id);
  };
  const ids = [
    await comment({ postKey: 'p1', at: '2025-03-05T12:00:00Z', text: 'Quels sont vos horaires le samedi ?', type: 'question', sentiment: 'neutral', author: 'Jean Dupont' }),
    await comment({ postKey: 'p1', at: '2025-03-06T09:00:00Z', text: 'Commande jamais reçue, remboursez-moi', type: 'complaint', sentiment: 'negative', author: 'Marie Curie', aspects: [{ aspect: 'delivery', polarity: 'negative', start: 0, end: 21 }] }),
    await comment({ postKey: 'p2', at: '2025-03-13T09:00:00Z', text: 'Super produit, je recommande !', type: 'praise', sentiment: 'positive', author: 'Paul Valéry', aspects: [{ aspect: 'product_quality', polarity: 'positive', start: 6, end: 13 }] }),
    await comment({ postKey: 'p2', at: '2025-03-14T09:00:00Z', text: 'Je voudrais un devis pour 200 pièces', type: 'lead', sentiment: 'neutral', author: 'Ada Lovelace' }),
    await comment({ postKey: 'p6', at: '2025-02-11T09:00:00Z', text: 'Vous livrez en Belgique ?', type: 'question', sentiment: 'neutral', author: 'Alan Turing', aspects: [{ aspect: 'delivery', polarity: 'neutral', start: 5, end: 11 }] }),
  ];
  const reply = await comment({ postKey: 'p1', at: '2025-03-05T12:30:00Z', text: 'Bonjour, de 9 h à 18 h.', type: null, sentiment: 'positive', author: 'Acme', fromBrand: true, parent: 'c1' });
  const sync = app.get(InboxSyncService);
  await sync.upsertItems(ids);
  await sync.reconcileAnswers({ commentIds: [...ids, reply] });
  await db.query(`UPDATE inbox_items SET service_id = $1, status = 'assigned', assigned_at = now() WHERE comment_id = $2`, [service.id, ids[1]]);
  await rebuildRollups(db.manager, workspaceId);

  // Veille: Acme's brand query and Rival's competitor query; March 3 vs 1 mentions (SoV 75 %),
  // February 1 vs 1 (50 %). A negative surge raised on 12 March (and one in February).
  const query = (brandId: string, kind: string) =>
    one<{ id: string }>(db, `INSERT INTO watch_queries (workspace_id, brand_id, kind, name, query) VALUES ($1, $2, $3, $4, $4) RETURNING id`, [
      workspaceId,
      brandId,
      kind,
      `q-${kind}`,
    ]);
  const acmeQuery = await query(brand.id, 'brand');
  const rivalQuery = await query(rival.id, 'competitor');
  let m = 0;
  for (const [q, brandId, at] of [
    [acmeQuery.id, brand.id, '2025-03-02T10:00:00Z'],
    [acmeQuery.id, brand.id, '2025-03-12T18:10:00Z'],
    [acmeQuery.id, brand.id, '2025-03-12T18:20:00Z'],
    [rivalQuery.id, rival.id, '2025-03-15T10:00:00Z'],
    [acmeQuery.id, brand.id, '2025-02-02T10:00:00Z'],
    [rivalQuery.id, rival.id, '2025-02-15T10:00:00Z'],
  ] as const) {
    m++;
    const mention = await one<{ id: string }>(
      db,
      `INSERT INTO mentions (workspace_id, platform, source, external_id, kind, origin, text, published_at)
       VALUES ($1, 'bluesky', 'bluesky', $2, 'post', 'search', $3, $4) RETURNING id`,
      [workspaceId, `at://m${m}`, `mention ${m}`, at],
    );
    await db.query(`INSERT INTO mention_matches (mention_id, query_id, workspace_id, brand_id, published_at) VALUES ($1, $2, $3, $4, $5)`, [
      mention.id,
      q,
      workspaceId,
      brandId,
      at,
    ]);
  }
  const rule = await one<{ id: string }>(
    db,
    `INSERT INTO alert_rules (workspace_id, brand_id, query_id, name, type) VALUES ($1, $2, $3, 'Crise', 'negative_surge') RETURNING id`,
    [workspaceId, brand.id, acmeQuery.id],
  );
  const alert = async (key: string, title: string, raised: string, last: string, count: number, occurrences: number) =>
    (
      await one<{ id: string }>(
        db,
        `INSERT INTO alerts (workspace_id, rule_id, brand_id, query_id, type, key, title, count, occurrences, raised_at, last_seen_at)
         VALUES ($1, $2, $3, $4, 'negative_surge', $5, $6, $7, $8, $9, $10) RETURNING id`,
        [workspaceId, rule.id, brand.id, acmeQuery.id, key, title, count, occurrences, raised, last],
      )
    ).id;
  const alertId = await alert('march', 'Afflux de mentions négatives', '2025-03-12T18:00:00Z', '2025-03-12T20:00:00Z', 42, 3);
  await alert('february', 'Alerte de février', '2025-02-20T18:00:00Z', '2025-02-20T18:00:00Z', 5, 1);
  return { workspaceId, brandId: brand.id, rivalId: rival.id, facebookId: fb.id, instagramId: ig.id, postIds, alertId };
}
