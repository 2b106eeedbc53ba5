/**
 * What erasing one person does, table by table. Every statement receives
 *   $1 workspace id, $2 author ids (bigint[]), $3 platform, $4 the person's platform ids (text[]),
 *   $5 their handles (lower case, no '@')
 * and reports the rows it touched. Decision: rows that carry counts (comments, mentions, inbox
 * items) are anonymised, not deleted, so past KPIs and sent reports keep their totals; what
 * identifies or quotes the person is removed. Rows that only exist because of them (team notes
 * about their messages) are deleted. A table added later gets its step here, nowhere else.
 */
export interface ErasureStep {
  table: string;
  sql: string;
}

/** Comments of the person, whatever their author row. */
const THEIR_COMMENTS = `SELECT c.id FROM comments c WHERE c.workspace_id = $1 AND c.author_id = ANY($2::bigint[])`;

export const ERASURE_STEPS: ErasureStep[] = [
  {
    table: 'inbox_notes',
    sql: `DELETE FROM inbox_notes n USING inbox_items i
          WHERE n.item_id = i.id AND n.workspace_id = $1 AND i.comment_id IN (${THEIR_COMMENTS})`,
  },
  {
    table: 'comments',
    sql: `UPDATE comments SET text = '', redacted_at = coalesce(redacted_at, now())
          WHERE workspace_id = $1 AND author_id = ANY($2::bigint[]) AND (text <> '' OR redacted_at IS NULL)`,
  },
  {
    table: 'mentions',
    sql: `UPDATE mentions SET text = '', url = NULL, author_external_id = NULL, author_handle = NULL, author_name = NULL,
            redacted_at = coalesce(redacted_at, now())
          WHERE workspace_id = $1 AND platform = $3
            AND (author_external_id = ANY($4::text[]) OR lower(ltrim(author_handle, '@')) = ANY($5::text[]))`,
  },
  {
    table: 'authors',
    sql: `UPDATE authors SET handle = NULL, display_name = NULL, followers = NULL, erased_at = coalesce(erased_at, now())
          WHERE workspace_id = $1 AND id = ANY($2::bigint[])`,
  },
];

/**
 * Documents that may quote the person (report snapshots, alert texts): every string naming or
 * quoting them is replaced (redact-json.ts). `keyColumns` hold identifiers used for
 * de-duplication: they are replaced by a value unique to the row. Tables that do not exist (a
 * module not installed) are skipped.
 */
export interface RedactedDocuments {
  table: string;
  jsonColumns: string[];
  textColumns: string[];
  keyColumns?: string[];
}

export const REDACTED_DOCUMENTS: RedactedDocuments[] = [
  { table: 'reports', jsonColumns: ['figures', 'recommendations'], textColumns: [] },
  { table: 'alerts', jsonColumns: ['details'], textColumns: ['title'], keyColumns: ['key'] },
];
