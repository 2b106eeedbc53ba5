import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { MailerService } from '../../common/mail/mailer.service';
import { Webhooks } from '../../common/http/webhooks';
import { JobQueue } from '../../common/queue/job-queue';
import { webhookBody } from '../veille/alerts/webhook-payload';
import { CrisesRepository } from './crises.repository';
import { CrisisSettingsService } from './crisis-settings.service';

export const CRISIS_NOTIFY_QUEUE = 'crisis-notify';
export const CRISIS_NOTIFY_JOB = 'notify';
export const CRISIS_NOTIFY_ATTEMPTS = 6;
export const CRISIS_NOTIFY_BACKOFF_MS = 5000;

export interface CrisisNotifyJob {
  eventId: string;
  channel: 'email' | 'webhook';
}

/**
 * Tells the cell when a crisis opens or changes stage: one e-mail to every member (SMTP or the
 * outbox, like alerts and reports) and the workspace's crisis webhook (Slack / Teams JSON, the
 * alert webhook's format), each a queued job retried with exponential backoff.
 */
@Injectable()
export class CrisisNotifier {
  private readonly logger = new Logger('crisis-notify');

  constructor(
    private readonly crises: CrisesRepository,
    private readonly settings: CrisisSettingsService,
    private readonly mailer: MailerService,
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly webhooks: Webhooks,
  ) {}

  init(): void {
    this.queue.defineQueue({ name: CRISIS_NOTIFY_QUEUE, concurrency: 2, attempts: CRISIS_NOTIFY_ATTEMPTS, backoffMs: CRISIS_NOTIFY_BACKOFF_MS });
    this.queue.register<CrisisNotifyJob>(CRISIS_NOTIFY_QUEUE, CRISIS_NOTIFY_JOB, (d, ctx) => this.deliver(d, ctx.attempt));
  }

  async enqueue(eventId: string): Promise<void> {
    for (const channel of ['email', 'webhook'] as const) {
      await this.queue.add<CrisisNotifyJob>(CRISIS_NOTIFY_QUEUE, CRISIS_NOTIFY_JOB, { eventId, channel }, { jobId: `crisis-${eventId}-${channel}` });
    }
  }

  async deliver(job: CrisisNotifyJob, attempt: number): Promise<void> {
    const e = await this.crises.eventById(job.eventId);
    if (!e) return;
    const crisis = await this.crises.findInWorkspace(e.workspaceId, e.crisisId);
    if (!crisis) return;
    const p = e.payload as { fromStage?: string; toStage?: string; reason?: string };
    const title =
      e.kind === 'opened'
        ? `Crisis opened: ${crisis.title}`
        : `Crisis ${crisis.title}: ${p.fromStage} → ${p.toStage}`;
    const facts = [
      { name: 'Stage', value: String(p.toStage ?? crisis.stage) },
      { name: 'By', value: e.email ?? 'Vigie' },
      { name: 'At', value: new Date(e.at).toISOString() },
      ...(p.reason ? [{ name: 'Reason', value: p.reason }] : []),
    ];
    const url = `${this.config.publicUrl}/w/${crisis.workspaceId}/crises/${crisis.id}`;
    try {
      if (job.channel === 'email') {
        const members = await this.crises.members(crisis.id);
        if (!members.length) return;
        const text = [title, '', ...facts.map((f) => `${f.name}: ${f.value}`), '', url].join('\n');
        await this.mailer.send({ to: members.map((m) => m.email), subject: `[Vigie] ${title}`, text, tag: `crisis-${crisis.id.slice(0, 8)}-${e.id}` });
      } else {
        const s = await this.settings.settings(crisis.workspaceId);
        if (!s.webhookUrl) return;
        const sentAt = Math.floor(Date.now() / 1000);
        const body = webhookBody(
          s.webhookFormat,
          { alertId: crisis.alertId ?? crisis.id, type: `crisis_${e.kind}`, title, facts, url, raisedAt: new Date(e.at).toISOString(), brandId: crisis.brandIds[0] ?? '', queryId: crisis.queryIds[0] ?? null, count: 0 },
          sentAt,
        );
        (body.vigie as Record<string, unknown>).crisis = { id: crisis.id, event: e.kind, stage: p.toStage ?? crisis.stage, fromStage: p.fromStage ?? null, reason: p.reason ?? null };
        await this.webhooks.post({
          url: s.webhookUrl,
          body,
          sentAt,
          secret: await this.settings.webhookSecret(crisis.workspaceId),
          headers: { 'x-vigie-crisis-id': crisis.id },
        });
      }
    } catch (err) {
      if (attempt >= CRISIS_NOTIFY_ATTEMPTS) this.logger.warn(`crisis ${crisis.id}: ${job.channel} notification failed after ${attempt} attempts: ${String(err)}`);
      throw err;
    }
  }
}
