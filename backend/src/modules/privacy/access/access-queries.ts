/**
 * The access export (GDPR art. 15): one query per kind of data held about a person, with the
 * same parameters as the erasure steps ($1 workspace, $2 author ids, $3 platform, $4 platform
 * ids, $5 handles). A table added later gets its query here.
 */
export const ACCESS_QUERIES: Array<{ key: string; sql: string }> = [
  {
    key: 'authors',
    sql: `SELECT id::text, platform, external_id AS "externalId", handle, display_name AS "displayName", pseudonym,
            followers, updated_at AS "updatedAt", erased_at AS "erasedAt"
          FROM authors WHERE workspace_id = $1 AND (id = ANY($2::bigint[]) OR (platform = $3 AND external_id = ANY($4::text[])))
          ORDER BY authors.id`,
  },
  {
    key: 'comments',
    sql: `SELECT c.id::text, c.external_id AS "externalId", c.post_id::text AS "postId", p.permalink AS "postPermalink",
            c.brand_id AS "brandId", c.channel_account_id AS "channelAccountId", c.text, c.published_at AS "publishedAt",
            c.likes, c.language, c.sentiment, c.sentiment_score AS "sentimentScore", c.request_type AS "requestType",
            c.toxic, c.is_from_brand AS "isFromBrand", c.redacted_at AS "redactedAt"
          FROM comments c JOIN posts p ON p.id = c.post_id
          WHERE c.workspace_id = $1 AND c.author_id = ANY($2::bigint[])
          ORDER BY c.published_at, c.id`,
  },
  {
    key: 'mentions',
    sql: `SELECT id::text, platform, source, kind, external_id AS "externalId", text, url, author_external_id AS "authorExternalId",
            author_handle AS "authorHandle", author_name AS "authorName", author_followers AS "authorFollowers",
            published_at AS "publishedAt", language, sentiment, reach, engagement, redacted_at AS "redactedAt"
          FROM mentions
          WHERE workspace_id = $1 AND platform = $3
            AND (author_external_id = ANY($4::text[]) OR lower(ltrim(author_handle, '@')) = ANY($5::text[]))
          ORDER BY mentions.published_at, mentions.id`,
  },
  {
    key: 'inboxItems',
    sql: `SELECT i.id::text, i.comment_id::text AS "commentId", i.status, i.type, i.needs_attention AS "needsAttention",
            i.service_id AS "serviceId", i.assigned_at AS "assignedAt", i.answered_at AS "answeredAt",
            i.first_response_minutes AS "firstResponseMinutes", i.created_at AS "createdAt"
          FROM inbox_items i JOIN comments c ON c.id = i.comment_id
          WHERE i.workspace_id = $1 AND c.author_id = ANY($2::bigint[])
          ORDER BY i.id`,
  },
  {
    key: 'inboxNotes',
    sql: `SELECT n.id::text, n.item_id::text AS "itemId", n.text, n.created_at AS "createdAt"
          FROM inbox_notes n JOIN inbox_items i ON i.id = n.item_id JOIN comments c ON c.id = i.comment_id
          WHERE n.workspace_id = $1 AND c.author_id = ANY($2::bigint[])
          ORDER BY n.id`,
  },
];
