export const WATCH_QUERY_KINDS = ['brand', 'competitor', 'topic', 'influencer'] as const;
export type WatchQueryKind = (typeof WATCH_QUERY_KINDS)[number];

export interface WatchQueryDto {
  id: string;
  brandId: string;
  kind: WatchQueryKind;
  name: string;
  query: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export const ALERT_TYPES = ['volume_spike', 'negative_surge', 'first_appearance', 'big_account'] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

/** Tunable numbers per rule type, with the server's defaults (veille/alerts/alert-params.ts). */
export const ALERT_PARAMS: Record<AlertType, Array<{ name: string; default: number; step: number }>> = {
  volume_spike: [
    { name: 'k', default: 3, step: 0.5 },
    { name: 'minCount', default: 10, step: 1 },
  ],
  negative_surge: [
    { name: 'minCount', default: 10, step: 1 },
    { name: 'minShare', default: 0.4, step: 0.05 },
    { name: 'minLift', default: 0.15, step: 0.05 },
  ],
  first_appearance: [],
  big_account: [{ name: 'minFollowers', default: 10000, step: 1000 }],
};

export interface AlertRuleDto {
  id: string;
  brandId: string | null;
  queryId: string | null;
  name: string;
  type: AlertType;
  params: Record<string, number | boolean>;
  cooldownMinutes: number;
  recipients: string[];
  webhookUrl: string | null;
  webhookFormat: 'slack' | 'teams' | null;
  hasWebhookSecret: boolean;
  active: boolean;
  createdAt: string;
}

/** "a@x.fr, b@y.fr; c@z.fr" → trimmed, non-empty, de-duplicated addresses. */
export function parseRecipients(input: string): string[] {
  return [...new Set(input.split(/[,;\s]+/).map((s) => s.trim()).filter(Boolean))];
}
