/** `GET …/share-of-voice` (veille/insights/share-of-voice.service.ts). */
export interface ShareOfVoiceDto {
  period: { from: string; to: string };
  granularity: 'day' | 'month';
  brand: { id: string; name: string; mentions: number | null };
  competitors: Array<{ brandId: string; name: string; mentions: number }>;
  shareOfVoice: number | null;
  series: Array<{ bucket: string; brand: number; competitors: Record<string, number>; shareOfVoice: number | null }>;
}

/** `GET …/competitors` (veille/insights/competitors.service.ts). */
export interface CompetitorRow {
  channelAccountId: string;
  brandId: string;
  brandName: string;
  isCompetitor: boolean;
  platform: string;
  handle: string;
  posts: number;
  postsPerWeek: number;
  followersEnd: number | null;
  interactions: number | null;
  engagementRateByReach: number | null;
  engagementRateByFollowers: number | null;
}

export interface CompetitorsDto {
  period: { from: string; to: string };
  days: number;
  items: CompetitorRow[];
}
