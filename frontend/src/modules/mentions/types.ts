/** `GET /api/workspaces/:id/mentions` items (veille/mentions/mentions.service.ts). */
export interface MentionDto {
  id: string;
  platform: string;
  source: string | null;
  externalId: string | null;
  kind: string | null;
  origin: string | null;
  text: string;
  url: string | null;
  author: { externalId: string; handle: string | null; name: string | null; followers: number | null } | null;
  reach: number | null;
  engagement: number | null;
  language: string | null;
  sentiment: { label: string; score: number | null } | null;
  isOwnContent: boolean;
  publishedAt: string;
  matchedAt: string | null;
  queryIds: string[];
}
