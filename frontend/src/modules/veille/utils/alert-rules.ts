import type { AlertType } from '@vigie/contracts';

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

/** "a@x.fr, b@y.fr; c@z.fr" → trimmed, non-empty, de-duplicated addresses. */
export function parseRecipients(input: string): string[] {
  return [...new Set(input.split(/[,;\s]+/).map((s) => s.trim()).filter(Boolean))];
}
