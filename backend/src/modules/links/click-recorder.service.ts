import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LinkClicksRepository } from './link-clicks.repository';
import type { ReferrerClass } from './referrer-class';

/**
 * Records tracked-link clicks without storing the IP: only sha256(daily salt ‖ IP ‖ user
 * agent), enough to count unique visitors per day. Salts are random, one per UTC day, and
 * deleted after two days, so old hashes cannot be linked back to an address.
 */
@Injectable()
export class ClickRecorder {
  private salt: { day: string; value: Buffer } | null = null;

  constructor(private readonly clicks: LinkClicksRepository) {}

  async record(linkId: string, referrer: ReferrerClass, ip: string, userAgent: string, now = new Date()): Promise<string> {
    const salt = await this.dailySalt(now.toISOString().slice(0, 10));
    const visitor = createHash('sha256').update(salt).update(ip).update('\n').update(userAgent).digest('hex');
    return this.clicks.insert({ link_id: linkId, clicked_at: now, referrer_class: referrer, visitor_hash: visitor });
  }

  private async dailySalt(day: string): Promise<Buffer> {
    if (this.salt?.day === day) return this.salt.value;
    // Several API replicas: the first to insert wins, the others read its salt.
    await this.clicks.insertSalt({ day, salt: randomBytes(32) });
    await this.clicks.deleteSaltsBefore(day);
    const salt = await this.clicks.salt(day);
    this.salt = { day, value: salt };
    return salt;
  }
}
