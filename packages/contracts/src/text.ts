import type { RequestType } from './inbox';

/** `POST /workspaces/:id/text/analyze` items, one per text. */
export interface TextAnalysisDto {
  language: 'fr' | 'en' | 'nl' | 'de' | 'es' | 'it' | 'pt' | 'und';
  sentiment: { label: 'positive' | 'neutral' | 'negative'; score: number };
  requestType: { type: RequestType; reason: string | null };
  toxic: boolean;
}
