/** `GET …/links` items (kpi/links/links.service.ts). */
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
  createdAt: string;
  clicks: number;
  uniqueClicks: number;
  conversions: number;
  conversionValue: number;
}

export interface FunnelCounts {
  impressions: number | null;
  clicks: number;
  uniqueClicks: number;
  conversions: number;
  conversionValue: number;
  conversionRate: number | null;
  dropOff: { impressionsToClicks: number | null; clicksToUniqueClicks: number | null; uniqueClicksToConversions: number | null };
}

/** `GET …/funnels` (kpi/links/funnels.service.ts). */
export interface FunnelDto {
  period: { from: string; to: string };
  timezone: string;
  rows: Array<FunnelCounts & { channelAccountId: string | null; platform: string | null; handle: string | null; channel: string | null; campaign: string | null }>;
  totals: FunnelCounts;
}
