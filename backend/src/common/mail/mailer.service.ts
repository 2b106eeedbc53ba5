import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

export interface MailMessage {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
  /** Names the .eml file when there is no SMTP server (e.g. `item-42`, `report-2026-10`). */
  tag?: string;
}

export interface SentMail {
  /** 'smtp' when sent through SMTP_URL, 'outbox' when written as an .eml file. */
  via: 'smtp' | 'outbox';
  messageId: string;
  /** The .eml file written (outbox only). */
  outboxFile: string | null;
}

/**
 * The one outgoing-mail path (alerts, inbox forwards, monthly reports). With SMTP_URL, nodemailer
 * sends through it; without (npm start, demo, tests) each message is written as an .eml file under
 * `<dataDir>/outbox/`, openable in any mail client, so nothing is silently lost.
 */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly logger = new Logger('mailer');
  private smtp: Transporter | null = null;
  private readonly stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get outboxDir(): string {
    return path.join(this.config.dataDir, 'outbox');
  }

  get from(): string {
    const host = new URL(this.config.publicUrl).hostname || 'localhost';
    return `Vigie <vigie@${host.includes('.') ? host : `${host}.local`}>`;
  }

  async send(msg: MailMessage): Promise<SentMail> {
    const mail = {
      from: this.from,
      to: Array.isArray(msg.to) ? msg.to.join(', ') : msg.to,
      subject: msg.subject,
      text: msg.text,
      html: msg.html,
      attachments: msg.attachments,
    };
    if (this.config.smtpUrl) {
      this.smtp ??= nodemailer.createTransport(this.config.smtpUrl);
      const info = (await this.smtp.sendMail(mail)) as { messageId: string };
      return { via: 'smtp', messageId: info.messageId, outboxFile: null };
    }
    const info = (await this.stream.sendMail(mail)) as { messageId: string; message: Buffer };
    await mkdir(this.outboxDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const tag = (msg.tag ?? 'mail').replace(/[^\w-]/g, '_');
    const file = path.join(this.outboxDir, `${stamp}-${tag}-${randomBytes(3).toString('hex')}.eml`);
    await writeFile(file, info.message);
    this.logger.log(`SMTP_URL not set: wrote ${path.basename(file)} to the outbox`);
    return { via: 'outbox', messageId: info.messageId, outboxFile: file };
  }

  onModuleDestroy(): void {
    this.smtp?.close();
  }
}
