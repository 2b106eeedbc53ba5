import type { WebhookFormat } from '@vigie/contracts';

export type { WebhookFormat };

export interface AlertMessage {
  alertId: string;
  type: string;
  title: string;
  /** One line per fact, e.g. ['Mentions (60 min): 42', 'Baseline: 5']. */
  facts: Array<{ name: string; value: string }>;
  url: string;
  raisedAt: string;
  brandId: string;
  queryId: string | null;
  count: number;
}

/**
 * Slack incoming webhook (`text` + `blocks`) or Teams connector (`MessageCard`) JSON. Both
 * carry a `vigie` object (ignored by Slack and Teams) for generic receivers; its `sentAt`
 * equals the X-Vigie-Timestamp header, so freshness can be checked on signed content.
 */
export function webhookBody(format: WebhookFormat, m: AlertMessage, sentAt: number): Record<string, unknown> {
  const vigie = { alertId: m.alertId, type: m.type, brandId: m.brandId, queryId: m.queryId, count: m.count, raisedAt: m.raisedAt, url: m.url, sentAt };
  const factsText = m.facts.map((f) => `${f.name}: ${f.value}`).join('\n');
  if (format === 'teams') {
    return {
      '@type': 'MessageCard',
      '@context': 'https://schema.org/extensions',
      summary: m.title,
      themeColor: 'D93F0B',
      title: m.title,
      text: factsText.replace(/\n/g, '<br>'),
      sections: [{ facts: m.facts }],
      potentialAction: [{ '@type': 'OpenUri', name: 'Open in Vigie', targets: [{ os: 'default', uri: m.url }] }],
      vigie,
    };
  }
  return {
    text: `${m.title}\n${factsText}\n${m.url}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: m.title.slice(0, 150) } },
      { type: 'section', fields: m.facts.slice(0, 10).map((f) => ({ type: 'mrkdwn', text: `*${f.name}*\n${f.value}` })) },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `<${m.url}|Open in Vigie>` }] },
    ],
    vigie,
  };
}
