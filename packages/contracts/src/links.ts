import type { DayPeriodDto, IsoDateTime } from './common';

/** `GET /workspaces/:id/links` items. */
export interface TrackedLinkDto {
  id: string;
  brandId: string;
  code: string;
  shortUrl: string;
  targetUrl: string;
  campaign: string | null;
  channel: string | null;
  channelAccountId: string | null;
  platform: string | null;
  postId: string | null;
  createdAt: IsoDateTime;
  clicks: number;
  uniqueClicks: number;
  conversions: number;
  conversionValue: number;
}

/** `GET /workspaces/:id/links/settings`: where and how to post conversions. */
export interface ConversionWebhookSettingsDto {
  webhookUrl: string;
  webhookSecret: string;
  secretRotatedAt: IsoDateTime;
  signatureHeader: string;
  timestampHeader: string;
}

/** `POST /hooks/conversions`. */
export interface ConversionReceivedDto {
  status: 'recorded' | 'duplicate';
  id: string;
}

/** `POST /workspaces/:id/conversions/import`. */
export interface ConversionImportDto {
  rowsTotal: number;
  imported: number;
  duplicates: number;
  errors: Array<{ row: number; column: string; reason: string }>;
}

export interface FunnelCountsDto {
  impressions: number | null;
  clicks: number;
  uniqueClicks: number;
  conversions: number;
  conversionValue: number;
  conversionRate: number | null;
  dropOff: { impressionsToClicks: number | null; clicksToUniqueClicks: number | null; uniqueClicksToConversions: number | null };
}

export interface FunnelRowDto extends FunnelCountsDto {
  channelAccountId: string | null;
  platform: string | null;
  handle: string | null;
  channel: string | null;
  campaign: string | null;
}

/** `GET /workspaces/:id/funnels`. */
export interface FunnelDto {
  period: DayPeriodDto;
  timezone: string;
  rows: FunnelRowDto[];
  totals: FunnelCountsDto;
}
