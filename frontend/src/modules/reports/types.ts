export type SectionKey = 'indicators' | 'highlights' | 'inbound' | 'competitors' | 'recommendations';
export const SECTIONS: SectionKey[] = ['indicators', 'highlights', 'inbound', 'competitors', 'recommendations'];

export interface ReportListItem {
  id: string;
  brandId: string;
  brandName: string;
  month: string;
  status: string;
  language: 'fr' | 'en';
  generatedAt: string | null;
  sentAt: string | null;
  sentTo: string[] | null;
}

export interface RecommendationItem {
  id: string;
  key: string | null;
  text: string;
  source: 'rule' | 'cm';
  edited: boolean;
}

export interface ReportView extends Omit<ReportListItem, 'brandName'> {
  /** Not in the single-report view: taken from the brand list. */
  brandName?: string;
  recommendations: RecommendationItem[];
  summaries: Record<SectionKey, string>;
}

export interface ReportSettingsDto {
  recipients: string[];
  autoSendHour: number | null;
  language: 'fr' | 'en' | null;
}
