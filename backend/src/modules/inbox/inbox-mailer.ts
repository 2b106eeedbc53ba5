import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Names the .eml file when there is no SMTP server. */
  tag: string;
}

export interface SentMail {
  via: 'smtp' | 'outbox';
  messageId: string;
  /** Path of the .eml written when no SMTP server is configured. */
  outboxFile: string | null;
}

/**
 * Sends plain-text mail through SMTP_URL; without one, writes the message as an .eml file into
 * <dataDir>/outbox/ so a single-machine install loses nothing (open it with any mail client).
 */
@Injectable()
export class InboxMailer implements OnModuleDestroy {
  private smtp: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get from(): string {
    const host = new URL(this.config.publicUrl).hostname || 'localhost';
    return `Vigie <vigie@${host}>`;
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const message = { from: this.from, to: mail.to, subject: mail.subject, text: mail.text };
    if (this.config.smtpUrl) {
      this.smtp ??= createTransport(this.config.smtpUrl);
      const info = (await this.smtp.sendMail(message)) as { messageId: string };
      return { via: 'smtp', messageId: info.messageId, outboxFile: null };
    }
    const stream = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    const info = (await stream.sendMail(message)) as { messageId: string; message: Buffer };
    const dir = path.join(this.config.dataDir, 'outbox');
    await mkdir(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = path.join(dir, `${stamp}-${mail.tag.replace(/[^\w-]/g, '_')}-${randomBytes(3).toString('hex')}.eml`);
    await writeFile(file, info.message);
    return { via: 'outbox', messageId: info.messageId, outboxFile: file };
  }

  onModuleDestroy(): void {
    this.smtp?.close();
  }
}
