import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';

export interface ReportMail {
  to: string[];
  subject: string;
  html: string;
  text: string;
  attachments: Array<{ filename: string; content: Buffer; contentType: string }>;
  /** Names the .eml file when there is no SMTP server. */
  tag: string;
}

/**
 * SMTP_URL when set; otherwise the message is written as an .eml file into <dataDir>/outbox/
 * (the inbox module's convention, see inbox-mailer.ts, which sends plain text without
 * attachments: this one adds the HTML body and the PDF).
 */
@Injectable()
export class ReportMailer implements OnModuleDestroy {
  private smtp: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get from(): string {
    const host = new URL(this.config.publicUrl).hostname || 'localhost';
    return `Vigie <vigie@${host}>`;
  }

  async send(mail: ReportMail): Promise<{ via: 'smtp' | 'outbox'; messageId: string; outboxFile: string | null }> {
    const message = { from: this.from, to: mail.to, subject: mail.subject, html: mail.html, text: mail.text, attachments: mail.attachments };
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
