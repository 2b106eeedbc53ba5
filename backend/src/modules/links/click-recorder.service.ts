import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ReferrerClass } from './referrer-class';

/**
 * Records tracked-link clicks without storing the IP: only sha256(daily salt ‖ IP ‖ user
 * agent), enough to count unique visitors per day. Salts are random, one per UTC day, and
 * deleted after two days, so old hashes cannot be linked back to an address.
 */
@Injectable()
export class ClickRecorder {
  private salt: { day: string; value: Buffer } | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(linkId: string, referrer: ReferrerClass, ip: string, userAgent: string, now = new Date()): Promise<string> {
    const salt = await this.dailySalt(now.toISOString().slice(0, 10));
    const visitor = createHash('sha256').update(salt).update(ip).update('\n').update(userAgent).digest('hex');
    const [row] = (await this.db.query(
      `INSERT INTO link_clicks (link_id, clicked_at, referrer_class, visitor_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
      [linkId, now, referrer, visitor],
    )) as Array<{ id: string }>;
    return row.id;
  }

  private async dailySalt(day: string): Promise<Buffer> {
    if (this.salt?.day === day) return this.salt.value;
    // Several API replicas: the first to insert wins, the others read its salt.
    await this.db.query('INSERT INTO link_click_salts (day, salt) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING', [
      day,
      randomBytes(32),
    ]);
    await this.db.query(`DELETE FROM link_click_salts WHERE day < $1::date - 1`, [day]);
    const [row] = (await this.db.query('SELECT salt FROM link_click_salts WHERE day = $1', [day])) as Array<{ salt: Buffer }>;
    this.salt = { day, value: row.salt };
    return row.salt;
  }
}
