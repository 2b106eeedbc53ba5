/** `GET /api/workspaces/:id/inbox` items (backend/src/modules/inbox/inbox-item-view.ts). */
export type InboxStatus = 'open' | 'assigned' | 'answered' | 'ignored';

export const REQUEST_TYPES = [
  'question',
  'complaint',
  'lead',
  'job_application',
  'partnership',
  'invitation',
  'subscription',
  'praise',
  'spam',
  'troll',
  'other',
] as const;

export interface InboxItem {
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
  assignedAt: string | null;
  publishedAt: string;
  ageMinutes: number;
  answeredAt: string | null;
  answeredBy: string | null;
  firstResponseMinutes: number | null;
  ignoredAt: string | null;
  notesCount: number;
}

export interface InboxDetail extends InboxItem {
  notes: Array<{ id: string; text: string; createdAt: string; author: { id: string; name: string | null } | null }>;
  corrections: Array<{ fromType: string; toType: string; createdAt: string; userId: string | null }>;
}

export interface InboxPage {
  items: InboxItem[];
  nextCursor: string | null;
}

export interface SupportServiceDto {
  id: string;
  name: string;
  email: string | null;
  kind: string;
}
