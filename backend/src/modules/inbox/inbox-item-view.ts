import type { InboxDetailDto, RequestExplanationDto } from '@vigie/contracts';
import type { InboxStatus } from './inbox-item.entity';

/** Columns selected for one inbox item of the list (the detail adds ITEM_DETAIL_COLUMNS). */
export const ITEM_SELECT = `
  i.id, i.status, i.type, i.type_override, i.needs_attention, i.published_at, i.published_at::text AS cursor_ts,
  i.first_response_minutes, i.answered_at, i.answered_by, i.assigned_at, i.ignored_at, i.brand_id, i.channel_account_id,
  c.text, c.request_type AS classified_type, c.request_reason, c.sentiment, c.sentiment_score, c.language, c.toxic,
  a.pseudonym, a.display_name, a.handle,
  p.id AS post_id, left(p.text, 280) AS post_excerpt, p.permalink, ch.platform,
  s.id AS service_id, s.name AS service_name, s.kind AS service_kind,
  (SELECT count(*)::int FROM inbox_notes n WHERE n.item_id = i.id) AS notes_count`;

/** The detail's JSON columns (the classifier's explanation, the themes): a page of 50 does not parse them. */
export const ITEM_DETAIL_COLUMNS = `c.request_explanation, c.aspects`;

export const ITEM_FROM = `
  FROM inbox_items i
  JOIN comments c ON c.id = i.comment_id
  JOIN posts p ON p.id = c.post_id
  JOIN channel_accounts ch ON ch.id = i.channel_account_id
  LEFT JOIN authors a ON a.id = c.author_id
  LEFT JOIN services s ON s.id = i.service_id`;

export interface ItemRow {
  id: string;
  status: InboxStatus;
  type: string;
  type_override: string | null;
  needs_attention: boolean;
  published_at: Date;
  cursor_ts: string;
  first_response_minutes: number | null;
  answered_at: Date | null;
  answered_by: string | null;
  assigned_at: Date | null;
  ignored_at: Date | null;
  brand_id: string;
  channel_account_id: string;
  text: string;
  classified_type: string | null;
  request_reason: string | null;
  sentiment: string | null;
  sentiment_score: number | null;
  language: string | null;
  toxic: boolean | null;
  pseudonym: string | null;
  display_name: string | null;
  handle: string | null;
  post_id: string;
  post_excerpt: string;
  permalink: string | null;
  platform: string;
  service_id: string | null;
  service_name: string | null;
  service_kind: string | null;
  notes_count: number;
}

/** One item with ITEM_DETAIL_COLUMNS. */
export interface ItemDetailRow extends ItemRow {
  request_explanation: RequestExplanationDto | null;
  aspects: InboxDetailDto['aspects'] | null;
}

/**
 * Authors are shown as their stable pseudonym unless the workspace turned pseudonymisation
 * off (absent setting = on: privacy by default).
 */
export function authorView(row: Pick<ItemRow, 'pseudonym' | 'display_name' | 'handle'>, pseudonymize: boolean) {
  if (row.pseudonym === null) return null;
  if (pseudonymize) return { name: row.pseudonym, handle: null, pseudonymized: true };
  return { name: row.display_name ?? row.handle ?? row.pseudonym, handle: row.handle, pseudonymized: false };
}

/** The JSON of one item. Texts are returned verbatim as JSON strings: clients render them as text. */
export function itemView(row: ItemRow, pseudonymize: boolean, now = Date.now()) {
  return {
    id: row.id,
    text: row.text,
    author: authorView(row, pseudonymize),
    post: { id: row.post_id, excerpt: row.post_excerpt, permalink: row.permalink, platform: row.platform },
    brandId: row.brand_id,
    channelAccountId: row.channel_account_id,
    type: row.type,
    // The classifier's cue explains the classifier's type only; a corrected item has no cue.
    reason: row.type_override === null ? row.request_reason : null,
    classifiedType: row.classified_type,
    typeCorrected: row.type_override !== null,
    sentiment: row.sentiment === null ? null : { label: row.sentiment, score: row.sentiment_score },
    language: row.language,
    toxic: row.toxic ?? false,
    needsAttention: row.needs_attention,
    status: row.status,
    service: row.service_id ? { id: row.service_id, name: row.service_name, kind: row.service_kind } : null,
    assignedAt: row.assigned_at,
    publishedAt: row.published_at,
    ageMinutes: Math.max(0, Math.floor((now - row.published_at.getTime()) / 60_000)),
    answeredAt: row.answered_at,
    answeredBy: row.answered_by,
    firstResponseMinutes: row.first_response_minutes === null ? null : Math.round(row.first_response_minutes * 10) / 10,
    ignoredAt: row.ignored_at,
    notesCount: row.notes_count,
  };
}
export type InboxItemView = ReturnType<typeof itemView>;
