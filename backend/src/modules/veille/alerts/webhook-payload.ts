import { createHmac } from 'node:crypto';

import { safeFetch } from '../../../common/http/ssrf-guard';

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

/** `sha256=<hex>` HMAC-SHA256 of the exact body bytes with the rule's secret. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface WebhookPost {
  url: string;
  body: Record<string, unknown>;
  /** Unix seconds, sent as X-Vigie-Timestamp (and inside the body as vigie.sentAt). */
  sentAt: number;
  /** The target's signing secret; null: unsigned. */
  secret: string | null;
  /** What the receiver may key on, e.g. x-vigie-alert-id. */
  headers: Record<string, string>;
  allowPrivateUrls: boolean;
}

/**
 * Posts a webhook as alerts and crisis notifications send them: JSON, timestamped, signed over
 * the exact bytes sent; throws on a non-2xx answer so that the job is retried.
 */
export async function postWebhook(post: WebhookPost): Promise<void> {
  const json = JSON.stringify(post.body);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Vigie-Webhook/0.1', 'x-vigie-timestamp': String(post.sentAt), ...post.headers };
  if (post.secret) headers['x-vigie-signature'] = signBody(post.secret, json);
  // Never follow redirects on a POST: a webhook must answer where it was configured.
  const res = await safeFetch({ url: post.url, method: 'POST', headers, body: json, timeoutMs: 10_000, maxRedirects: 0 }, { allowPrivate: post.allowPrivateUrls });
  if (res.status < 200 || res.status >= 300) throw new Error(`webhook answered HTTP ${res.status}`);
}
