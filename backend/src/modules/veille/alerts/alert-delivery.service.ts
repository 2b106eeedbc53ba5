import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { MailerService } from '../../../common/mail/mailer.service';
import { Webhooks } from '../../../common/http/webhooks';
import { JobQueue } from '../../../common/queue/job-queue';
import { AlertsRepository } from '../alerts.repository';
import { AlertRulesService } from './alert-rules.service';
import { webhookBody, type AlertMessage, type WebhookFormat } from './webhook-payload';

export const DELIVERY_QUEUE = 'veille-delivery';
export const DELIVER_JOB = 'deliver-alert';
/** Webhook/email attempts: backoff 5 s, 10 s, 20 s, 40 s, 80 s between them. */
export const DELIVERY_ATTEMPTS = 6;
export const DELIVERY_BACKOFF_MS = 5000;

export interface DeliverJob {
  deliveryId: string;
}

const TYPE_LABELS: Record<string, string> = {
  volume_spike: 'Volume spike',
  negative_surge: 'Negative surge',
  first_appearance: 'First appearance',
  big_account: 'Mention by a big account',
};

/**
 * Delivers a new alert beyond the in-app list: email to the rule's recipients (SMTP or the
 * outbox), and the rule's webhook (Slack or Teams JSON, HMAC-signed), each as a queued job
 * retried with exponential backoff. One alert_deliveries row per channel keeps the outcome.
 */
@Injectable()
export class AlertDeliveryService {
  private readonly logger = new Logger('alert-delivery');

  constructor(
    private readonly alerts: AlertsRepository,
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mailer: MailerService,
    private readonly rules: AlertRulesService,
    private readonly webhooks: Webhooks,
  ) {}

  /** Called once per newly raised alert. */
  async enqueue(alertId: string): Promise<void> {
    const a = await this.alerts.deliveryTargets(alertId);
    if (!a) return;
    const targets: Array<[string, string]> = [];
    if (a.recipients.length) targets.push(['email', a.recipients.join(', ')]);
    if (a.webhookUrl) targets.push(['webhook', a.webhookUrl]);
    for (const [channel, target] of targets) {
      const deliveryId = await this.alerts.insertDelivery(alertId, channel, target);
      await this.queue.add<DeliverJob>(DELIVERY_QUEUE, DELIVER_JOB, { deliveryId }, { jobId: `delivery-${deliveryId}` });
    }
  }

  async message(alertId: string): Promise<AlertMessage & { ruleId: string; format: WebhookFormat; recipients: string[]; webhookUrl: string | null }> {
    const a = (await this.alerts.messageOf(alertId))!;
    const facts = [
      { name: 'Type', value: TYPE_LABELS[a.type] ?? a.type },
      { name: 'Brand', value: a.brandName },
      ...(a.queryName ? [{ name: 'Query', value: a.queryName }] : []),
      { name: 'Count', value: String(a.count) },
      ...Object.entries(a.details)
        .filter(([, v]) => typeof v === 'number' || typeof v === 'string')
        .slice(0, 6)
        .map(([k, v]) => ({ name: k, value: String(v) })),
    ];
    return {
      alertId: a.id,
      type: a.type,
      title: a.title,
      facts,
      url: `${this.config.publicUrl}/w/${a.workspaceId}/veille/alerts?alert=${a.id}`,
      raisedAt: new Date(a.raisedAt).toISOString(),
      brandId: a.brandId,
      queryId: a.queryId,
      count: a.count,
      ruleId: a.ruleId,
      format: a.format,
      recipients: a.recipients,
      webhookUrl: a.webhookUrl,
    };
  }

  /** Queue handler: throws to be retried; the last attempt marks the delivery failed. */
  async deliver(deliveryId: string, attempt: number): Promise<void> {
    const d = await this.alerts.findDelivery(deliveryId);
    if (!d || d.status === 'sent') return;
    try {
      const m = await this.message(d.alertId);
      if (d.channel === 'email') await this.sendEmail(m);
      else await this.postWebhook(m);
      await this.alerts.markDeliverySent(deliveryId, attempt);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const final = attempt >= DELIVERY_ATTEMPTS;
      await this.alerts.markDeliveryAttempt(deliveryId, attempt, msg, final ? 'failed' : 'pending');
      if (final) this.logger.warn(`alert ${d.alertId}: ${d.channel} delivery failed after ${attempt} attempts: ${msg}`);
      throw e;
    }
  }

  private async sendEmail(m: Awaited<ReturnType<AlertDeliveryService['message']>>): Promise<void> {
    const text = [m.title, '', ...m.facts.map((f) => `${f.name}: ${f.value}`), '', m.url].join('\n');
    await this.mailer.send({ to: m.recipients, subject: `[Vigie] ${m.title}`, text });
  }

  private async postWebhook(m: Awaited<ReturnType<AlertDeliveryService['message']>>): Promise<void> {
    if (!m.webhookUrl) return;
    const sentAt = Math.floor(Date.now() / 1000);
    await this.webhooks.post({
      url: m.webhookUrl,
      body: webhookBody(m.format, m, sentAt),
      sentAt,
      secret: await this.rules.webhookSecret(m.ruleId),
      headers: { 'x-vigie-alert-id': m.alertId },
    });
  }
}
