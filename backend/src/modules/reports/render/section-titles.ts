import type { ReportLanguage, SectionKey } from '../report-figures';

/** Section titles (PDF text tests look for them). */
export const SECTION_TITLES: Record<SectionKey, Record<ReportLanguage, string>> = {
  indicators: { fr: '1. Indicateurs', en: '1. Indicators' },
  highlights: { fr: '2. Faits marquants', en: '2. Highlights' },
  inbound: { fr: '3. Demandes entrantes', en: '3. Inbound' },
  competitors: { fr: '4. Concurrence', en: '4. Competitors' },
  recommendations: { fr: '5. Recommandations', en: '5. Recommendations' },
};

export function reportTitle(lang: ReportLanguage): string {
  return lang === 'fr' ? 'Rapport mensuel' : 'Monthly report';
}
