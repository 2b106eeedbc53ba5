import type { IsoDateTime, Language } from './common';

export const REPORT_SECTIONS = ['indicators', 'highlights', 'inbound', 'competitors', 'recommendations'] as const;
export type SectionKey = (typeof REPORT_SECTIONS)[number];
export type ReportStatus = 'draft' | 'sent';

/** `GET /workspaces/:id/reports` items (the archive: no figures). */
export interface ReportListItemDto {
  id: string;
  brandId: string;
  brandName: string;
  month: string;
  status: ReportStatus;
  language: Language;
  generatedAt: IsoDateTime | null;
  sentAt: IsoDateTime | null;
  sentTo: string[] | null;
}

export interface RecommendationItemDto {
  id: string;
  /** Rule that produced it; null for a sentence the CM added. */
  key: string | null;
  params: Record<string, string | number>;
  text: string;
  source: 'rule' | 'cm';
  edited: boolean;
}

/** The frozen figures of a report (the fields every version has; sections are open objects). */
export interface ReportFiguresDto {
  version: 1;
  language: Language;
  brand: { id: string; name: string; logoUrl: string | null };
  workspace: { name: string; timezone: string };
  month: string;
  months: string[];
  unavailable: string[];
  generatedAt: string;
}

/** `GET /workspaces/:id/reports/:reportId`. */
export interface ReportDto {
  id: string;
  workspaceId: string;
  brandId: string;
  month: string;
  status: ReportStatus;
  language: Language;
  generatedAt: IsoDateTime;
  sentAt: IsoDateTime | null;
  sentTo: string[];
  figures: ReportFiguresDto;
  recommendations: RecommendationItemDto[];
  summaries: Record<SectionKey, string>;
}

/** `GET|PUT /workspaces/:id/brands/:brandId/report-settings`. */
export interface ReportSettingsDto {
  brandId: string;
  recipients: string[];
  autoSendHour: number | null;
  language: Language | null;
}

/** `POST /workspaces/:id/reports/:reportId/send`. */
export interface ReportSentDto {
  reportId: string;
  status: 'sent';
  sentAt: IsoDateTime;
  sentTo: string[];
  via: 'smtp' | 'outbox';
  pdfAttached: boolean;
  deliveryId: string;
}

/** `GET /workspaces/:id/outbox` items (mails written to the outbox folder or sent). */
export interface OutboxItemDto {
  id: string;
  reportId: string;
  recipients: string[];
  subject: string;
  via: 'smtp' | 'outbox';
  outboxFile?: string | null;
  pdfAttached: boolean;
  createdAt: IsoDateTime;
}

/**
 * `GET /workspaces/:id/outbox/:deliveryId`: one report e-mail with its bodies, read back from the
 * .eml file of the outbox. Both are null when no copy is kept (sent through SMTP, file gone).
 * `html` is the message as written: show it sandboxed (iframe `sandbox=""` + srcdoc), never as DOM.
 */
export interface OutboxMessageDto extends OutboxItemDto {
  html: string | null;
  text: string | null;
}
