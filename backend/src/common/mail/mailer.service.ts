import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html?: string;
}

export interface MailResult {
  /** 'smtp' when sent through SMTP_URL, 'outbox' when written as an .eml file. */
  via: 'smtp' | 'outbox';
  messageId: string;
  /** The .eml file written (outbox only). */
  file?: string;
}

/**
 * Outgoing mail. With SMTP_URL, nodemailer sends through it; without (npm start, demo,
 * tests) each message is written as an .eml file under `<dataDir>/outbox/`, openable in any
 * mail client, so nothing is silently lost.
 */
@Injectable()
export class MailerService {
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

  async send(msg: MailMessage): Promise<MailResult> {
    const mail = { from: this.from, to: msg.to.join(', '), subject: msg.subject, text: msg.text, html: msg.html };
    if (this.config.smtpUrl) {
      this.smtp ??= nodemailer.createTransport(this.config.smtpUrl);
      const info = (await this.smtp.sendMail(mail)) as { messageId: string };
      return { via: 'smtp', messageId: info.messageId };
    }
    const info = (await this.stream.sendMail(mail)) as { messageId: string; message: Buffer };
    await mkdir(this.outboxDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = path.join(this.outboxDir, `${stamp}-${info.messageId.replace(/[^A-Za-z0-9]/g, '').slice(0, 24)}.eml`);
    await writeFile(file, info.message);
    this.logger.log(`SMTP_URL not set: wrote ${path.basename(file)} to the outbox`);
    return { via: 'outbox', messageId: info.messageId, file };
  }
}
