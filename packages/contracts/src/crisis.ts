import type { IsoDateTime, Language } from './common';

/** watch → active → contained → closed (watch → closed: false alarm; contained → active: relapse). */
export type CrisisStage = 'watch' | 'active' | 'contained' | 'closed';

/** A workspace member, as the crisis pages show them. */
export interface CrisisUserDto {
  userId: string;
  email: string;
  name: string | null;
}

/** `GET /workspaces/:id/crises` items. */
export interface CrisisSummaryDto {
  id: string;
  title: string;
  stage: CrisisStage;
  brandIds: string[];
  queryIds: string[];
  /** The alert it was opened from (null: opened by hand). */
  alertId: string | null;
  openedBy: CrisisUserDto | null;
  openedAt: IsoDateTime;
  stageChangedAt: IsoDateTime;
  closedAt: IsoDateTime | null;
}

/** A member of the crisis cell with their crisis role (one of the workspace's crisis roles). */
export interface CrisisMemberDto extends CrisisUserDto {
  role: string;
  addedAt: IsoDateTime;
}

/** One bucket of the live timeline: mentions matching the crisis's queries (own content excluded, each mention once). */
export interface CrisisTimelinePointDto {
  start: IsoDateTime;
  count: number;
  negative: number;
  /** negative ÷ count, null for an empty bucket. */
  negativeShare: number | null;
  /** Σ mention reach (the author's followers where the platform gives no reach). */
  reach: number;
  /** Expected mentions in one bucket (baseline per minute × bucket minutes). */
  baseline: number;
}

export type CrisisMomentKind = 'first_mention' | 'big_account' | 'statement_posted' | 'peak' | 'decline';

/** A remarkable moment on the timeline, derived from the figures (first mention, big accounts, statements, peak, decline). */
export interface CrisisMomentDto {
  kind: CrisisMomentKind;
  at: IsoDateTime;
  /** Plain English text (never HTML), for logs and API users; clients write their own from the fields below. */
  label: string;
  count: number | null;
  /** big_account: followers; peak: ratio over the bucket baseline; decline: the threshold per bucket. */
  value: number | null;
  /** big_account: the author as the workspace shows them (pseudonymised by default). */
  author: string | null;
  /** first_mention, big_account: where. */
  platform: string | null;
  /** statement_posted: the statement's language, and whether it was posted by hand (recorded by URL). */
  language: string | null;
  manual: boolean | null;
  /** decline: how long the volume stayed under the threshold. */
  minutes: number | null;
}

/**
 * The live timeline. Buckets: 1 minute while the timeline spans ≤ 6 h, 5 min ≤ 24 h, 15 min ≤ 3 days,
 * 60 min beyond (`bucketMinutes`). It starts at the first mention of the 24 h before opening (at the
 * latest 1 h before opening) and ends at closing (or now). Baseline: mean mentions per minute over the
 * 7 days before the timeline's start (`baseline.method = 'mean_7_days_before'`). Peak = busiest bucket;
 * decline = first 30 min after the peak under 1.5 × baseline.
 */
export interface CrisisTimelineDto {
  from: IsoDateTime;
  to: IsoDateTime;
  bucketMinutes: number;
  baseline: {
    method: 'mean_7_days_before';
    from: IsoDateTime;
    to: IsoDateTime;
    perMinute: number;
    perBucket: number;
    count: number;
    negativeShare: number | null;
  };
  points: CrisisTimelinePointDto[];
  moments: CrisisMomentDto[];
  totals: { count: number; negative: number; negativeShare: number | null; reach: number };
}

export type CrisisEventKind =
  | 'opened'
  | 'stage_changed'
  | 'member_added'
  | 'member_removed'
  | 'checklist_ticked'
  | 'statement_submitted'
  | 'statement_approved'
  | 'statement_rejected'
  | 'statement_posted';

/** One action of the cell, time-stamped (who did it, when, and the facts of it). */
export interface CrisisEventDto {
  id: string;
  at: IsoDateTime;
  kind: CrisisEventKind;
  by: CrisisUserDto | null;
  fromStage: CrisisStage | null;
  toStage: CrisisStage | null;
  reason: string | null;
  /** member_*: the member; checklist_ticked: the item's label; statement_*: the statement id. */
  memberUserId: string | null;
  role: string | null;
  checklistItemId: string | null;
  label: string | null;
  statementId: string | null;
  url: string | null;
}

export type CrisisStatementStatus = 'pending_approval' | 'approved' | 'rejected' | 'posting' | 'posted';

/** A statement of the brand: submitted by a cm, approved by the crisis lead or an admin, then posted. */
export interface CrisisStatementDto {
  id: string;
  language: Language;
  text: string;
  status: CrisisStatementStatus;
  submittedBy: CrisisUserDto | null;
  submittedAt: IsoDateTime;
  approvedBy: CrisisUserDto | null;
  approvedAt: IsoDateTime | null;
  postedBy: CrisisUserDto | null;
  postedAt: IsoDateTime | null;
  /** inbox_reply: sent as a reply to an inbox item through its platform; manual: posted by hand, URL recorded. */
  postedVia: 'inbox_reply' | 'manual' | null;
  inboxItemId: string | null;
  inboxReplyId: string | null;
  url: string | null;
}

/** A checklist item of the playbook for the crisis's current or past stages, ticked or not. */
export interface CrisisChecklistItemDto {
  id: string;
  stage: CrisisStage;
  label: string;
  ticked: { by: CrisisUserDto | null; at: IsoDateTime } | null;
}

/** An advice from the rules of @vigie/crisis: `key` + `params` (the numbers it cites) and ready texts. */
export interface CrisisRecommendationDto {
  key: string;
  level: 'act' | 'watch' | 'info';
  params: { [name: string]: number | string };
  text: { fr: string; en: string };
}

/** `GET /workspaces/:id/crises/:crisisId`. */
export interface CrisisDetailDto extends CrisisSummaryDto {
  members: CrisisMemberDto[];
  /** Allowed next stages from the current one. */
  nextStages: CrisisStage[];
  timeline: CrisisTimelineDto;
  events: CrisisEventDto[];
  statements: CrisisStatementDto[];
  checklist: CrisisChecklistItemDto[];
  /** Pre-approved holding statements of the brands' playbooks. */
  holdingStatements: CrisisPlaybookStatementDto[];
  recommendations: CrisisRecommendationDto[];
}

/** `GET /workspaces/:id/crises/:crisisId/influencers`: who spreads it (authors pseudonymised per the workspace setting; erased authors never listed). */
export interface CrisisInfluencersDto {
  items: Array<{
    platform: string;
    author: { name: string; handle: string | null; pseudonymized: boolean };
    followers: number | null;
    mentions: number;
    reach: number;
    /** Σ replies + reposts + likes the platform reports on their mentions. */
    engagement: number;
    sentiment: { positive: number; negative: number; negativeShare: number };
    /** Mentions of the crisis's brands before the crisis opened. */
    priorMentions: number;
    talkedBefore: boolean;
    bigAccount: boolean;
    firstAt: IsoDateTime;
  }>;
  bigAccountFollowers: number;
  /** `?sort=reach` (default) or `engagement`. */
  sort: 'reach' | 'engagement';
}

export interface CrisisPlaybookItemDto {
  id: string;
  label: string;
}

export interface CrisisPlaybookStatementDto {
  id: string;
  language: Language;
  title: string;
  text: string;
}

/** `GET/PUT /workspaces/:id/brands/:brandId/crisis-playbook`. */
export interface CrisisPlaybookDto {
  brandId: string;
  checklist: { watch: CrisisPlaybookItemDto[]; active: CrisisPlaybookItemDto[]; contained: CrisisPlaybookItemDto[]; closed: CrisisPlaybookItemDto[] };
  statements: CrisisPlaybookStatementDto[];
  updatedAt: IsoDateTime | null;
}

/** `GET/PUT /workspaces/:id/crisis-settings`. */
export interface CrisisSettingsDto {
  roles: string[];
  webhookUrl: string | null;
  webhookFormat: 'slack' | 'teams';
  bigAccountFollowers: number;
  /** A signing secret is set (write-only: PUT `webhookSecret`, null removes it). Webhooks carry `X-Vigie-Signature: sha256=<hex HMAC of the body>`. */
  hasWebhookSecret: boolean;
}
