/**
 * What the retention job does past a workspace's retention period, one step per table. Each
 * statement gets $1 = workspace id, $2 = cutoff instant, and returns the rows it touched.
 * Rows stay (counts, sentiment, type, response times, rollups are aggregates the KPIs need);
 * only texts and identities go. A table added later gets its step here, nowhere else.
 */
export interface RetentionStep {
  table: string;
  what: string;
  sql: string;
}

export const RETENTION_STEPS: RetentionStep[] = [
  {
    table: 'comments',
    what: 'comment texts emptied (row, sentiment, type and likes kept)',
    sql: `UPDATE comments SET text = '', redacted_at = now()
          WHERE workspace_id = $1 AND published_at < $2 AND redacted_at IS NULL`,
  },
  {
    table: 'inbox_notes',
    what: 'team notes on items older than the period deleted',
    sql: `DELETE FROM inbox_notes n USING inbox_items i
          WHERE n.item_id = i.id AND n.workspace_id = $1 AND i.workspace_id = $1 AND i.published_at < $2`,
  },
  {
    table: 'mentions',
    what: 'mention texts, links and author identities removed (row, reach, sentiment kept)',
    sql: `UPDATE mentions SET text = '', url = NULL, author_external_id = NULL, author_handle = NULL, author_name = NULL,
            redacted_at = now()
          WHERE workspace_id = $1 AND published_at < $2 AND redacted_at IS NULL`,
  },
  {
    table: 'authors',
    what: 'handles and names of authors with no activity since the cutoff removed (pseudonym kept)',
    sql: `UPDATE authors a SET handle = NULL, display_name = NULL, followers = NULL
          WHERE a.workspace_id = $1 AND (a.handle IS NOT NULL OR a.display_name IS NOT NULL)
            AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.author_id = a.id AND c.published_at >= $2)
            AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.author_id = a.id AND p.published_at >= $2)
            AND NOT EXISTS (SELECT 1 FROM channel_accounts ch
                            WHERE ch.workspace_id = $1 AND ch.platform = a.platform AND ch.external_id = a.external_id)`,
  },
];
