import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ReferrerClass } from './referrer-class';

/** A row of link_clicks: no IP, only sha256(daily salt ‖ IP ‖ user agent). */
export interface LinkClickRow {
  id: string;
  link_id: string;
  clicked_at: Date;
  referrer_class: ReferrerClass;
  visitor_hash: string;
}

/** A row of link_click_salts: one random salt per UTC day. */
export interface LinkClickSaltRow {
  day: string;
  salt: Buffer;
}

/** A click with the link it went through (the conversion's attribution by click id). */
export type ClickAttributionRow = Pick<LinkClickRow, 'id' | 'link_id'> & { workspace_id: string; code: string };

/** link_clicks and link_click_salts. */
@Injectable()
export class LinkClicksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The click's id. */
  async insert(click: Omit<LinkClickRow, 'id'>): Promise<string> {
    const [row] = (await this.db.query(
      `INSERT INTO link_clicks (link_id, clicked_at, referrer_class, visitor_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
      [click.link_id, click.clicked_at, click.referrer_class, click.visitor_hash],
    )) as Array<{ id: string }>;
    return row.id;
  }

  async findWithLink(clickId: string): Promise<ClickAttributionRow | undefined> {
    const [click] = (await this.db.query(
      `SELECT c.id, l.id AS link_id, l.workspace_id, l.code FROM link_clicks c JOIN tracked_links l ON l.id = c.link_id
         WHERE c.id = $1`,
      [clickId],
    )) as ClickAttributionRow[];
    return click;
  }

  /** Keeps the day's salt if one exists (several API replicas: the first to insert wins). */
  async insertSalt(row: LinkClickSaltRow): Promise<void> {
    await this.db.query('INSERT INTO link_click_salts (day, salt) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING', [
      row.day,
      row.salt,
    ]);
  }

  /** Deletes the salts older than the day before `day`. */
  async deleteSaltsBefore(day: string): Promise<void> {
    await this.db.query(`DELETE FROM link_click_salts WHERE day < $1::date - 1`, [day]);
  }

  async salt(day: string): Promise<Buffer> {
    const [row] = (await this.db.query('SELECT salt FROM link_click_salts WHERE day = $1', [day])) as Array<
      Pick<LinkClickSaltRow, 'salt'>
    >;
    return row.salt;
  }
}
