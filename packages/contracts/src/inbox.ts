import type { IsoDateTime } from './common';
import { REQUEST_TYPES, type AspectKeyDto, type AspectSentimentDto, type RequestExplanationDto, type RequestType } from './text';

export const INBOX_STATUSES = ['open', 'assigned', 'answered', 'ignored'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

/**
 * The request types that call for an answer (question … subscription): the inbox's "requests", the
 * only ones counted in responseRate and the first-response times (spam and troll call for
 * moderation, praise and other for nothing unless negative).
 */
export const ANSWERABLE_REQUEST_TYPES: readonly RequestType[] = REQUEST_TYPES.slice(0, REQUEST_TYPES.indexOf('praise'));

export const SERVICE_KINDS = ['sav', 'commercial', 'rh', 'communication', 'other'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** `GET /workspaces/:id/inbox` items. */
export interface InboxItemDto {
  id: string;
  text: string;
  author: { name: string; handle: string | null; pseudonymized: boolean } | null;
  post: { id: string; excerpt: string; permalink: string | null; platform: string };
  brandId: string;
  channelAccountId: string;
  type: string;
  reason: string | null;
  classifiedType: string | null;
  typeCorrected: boolean;
  sentiment: { label: string; score: number | null } | null;
  language: string | null;
  toxic: boolean;
  needsAttention: boolean;
  status: InboxStatus;
  service: { id: string; name: string | null; kind: string | null } | null;
  assignedAt: IsoDateTime | null;
  publishedAt: IsoDateTime;
  ageMinutes: number;
  answeredAt: IsoDateTime | null;
  answeredBy: string | null;
  firstResponseMinutes: number | null;
  ignoredAt: IsoDateTime | null;
  notesCount: number;
}

export interface InboxNoteDto {
  id: string;
  text: string;
  createdAt: IsoDateTime;
  author: { id: string; name?: string | null } | null;
}

/** `GET /workspaces/:id/inbox/:itemId`. */
export interface InboxDetailDto extends InboxItemDto {
  notes: Array<InboxNoteDto & { author: { id: string; name: string | null } | null }>;
  corrections: Array<{ fromType: string; toType: string; createdAt: IsoDateTime; userId: string | null }>;
  /** Replies written from Vigie (sent, failed, waiting for approval…), oldest first. */
  replies: InboxReplyDto[];
  /** Other members who were drafting an answer to this item in the last 45 seconds. */
  othersDrafting: InboxDrafterDto[];
  /** What the item's platform lets Vigie do from the inbox. */
  answer: InboxAnswerCapabilitiesDto;
  /** Why the classifier chose its type (null for a corrected item or one analysed before explanations). */
  explanation: RequestExplanationDto | null;
  /** The themes the message talks about, with the polarity of their clause and offsets in `text`. */
  aspects: Array<{ aspect: AspectKeyDto; polarity: AspectSentimentDto; start: number; end: number }>;
}

export const INBOX_REPLY_STATUSES = ['pending_approval', 'sending', 'sent', 'failed', 'rejected'] as const;
export type InboxReplyStatus = (typeof INBOX_REPLY_STATUSES)[number];

/** A reply to an inbox item written from Vigie. Its text is plain text (render it as text). */
export interface InboxReplyDto {
  id: string;
  itemId: string;
  text: string;
  status: InboxReplyStatus;
  idempotencyKey: string;
  author: { id: string; name: string | null } | null;
  /** The platform's id of the posted reply (once sent). */
  platformExternalId: string | null;
  /** Why the platform refused it (failed): `target_gone`, `permission_missing`, `RATE_LIMITED`… */
  error: { code: string; message: string } | null;
  approvedBy: string | null;
  approvedAt: IsoDateTime | null;
  sentAt: IsoDateTime | null;
  createdAt: IsoDateTime;
}

export interface InboxAnswerCapabilitiesDto {
  reply: boolean;
  hide: boolean;
  delete: boolean;
  like: boolean;
}

export interface InboxDrafterDto {
  userId: string;
  name: string | null;
  since: IsoDateTime;
}

/** `POST /workspaces/:id/inbox/:itemId/drafting` (heartbeat while a member writes an answer). */
export interface InboxDraftingDto {
  othersDrafting: InboxDrafterDto[];
}

/** `POST …/inbox/:itemId/hide | unhide | like | delete`. */
export interface InboxModerationDto {
  itemId: string;
  action: 'hide' | 'unhide' | 'like' | 'delete';
  done: true;
}

/** `GET/POST /workspaces/:id/saved-replies`. The body's `{{author}}`, `{{brand}}`, `{{agent}}` are filled in as plain text. */
export interface SavedReplyDto {
  id: string;
  brandId: string | null;
  language: 'fr' | 'en';
  title: string;
  body: string;
  createdBy: string | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

/** `GET /workspaces/:id/saved-replies/:id/render?itemId=`: the template filled in for one item. */
export interface RenderedSavedReplyDto {
  id: string;
  text: string;
}

/** `GET /workspaces/:id/inbox`. */
export interface InboxPageDto {
  items: InboxItemDto[];
  nextCursor: string | null;
}

/** `GET /workspaces/:id/services` items. */
export interface SupportServiceDto {
  id: string;
  name: string;
  email: string | null;
  kind: ServiceKind;
  createdAt: IsoDateTime;
}

/** `POST /workspaces/:id/inbox/:itemId/forward`. */
export interface InboxForwardDto {
  item: InboxItemDto;
  forwarded: {
    via: 'smtp' | 'outbox';
    messageId: string;
    outboxFile: string | null;
    to: string;
    service: SupportServiceDto;
    subject: string;
  };
}

/** `POST /workspaces/:id/inbox/reconcile`. */
export interface InboxReconcileDto {
  updated: number;
}

export interface ResponseStatsDto {
  requests: number;
  answered: number;
  responseRate: number | null;
  medianFirstResponseMinutes: number | null;
  p90FirstResponseMinutes: number | null;
}

export interface GroupStatsDto extends ResponseStatsDto {
  key: string | null;
  label: string | null;
}

/** `GET /workspaces/:id/inbox/stats`. */
export interface InboxStatsDto extends ResponseStatsDto {
  period: { from: string; to: string; timezone: string };
  firstResponseMinutes: number[];
  byService: GroupStatsDto[];
  byType: GroupStatsDto[];
  byChannel: GroupStatsDto[];
  sentiment: { positive: number; negative: number; neutral: number; netSentiment: number | null };
  unenriched: number;
}
