import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, type ClientConfig } from 'pg';
import type { DataSource } from 'typeorm';
import type { SessionLookupRow } from './sessions.repository';

/** Postgres channel raised by the triggers of migration 1764400000001 (sessions, users, memberships). */
export const AUTH_CHANGED_CHANNEL = 'vigie_auth_changed';
/** Longest an entry is used, however quiet the channel (defence in depth; expiry is checked too). */
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 10_000;
const RECONNECT_MS = 1_000;

/**
 * Session lookups of read requests, kept per API process until anything they depend on changes.
 * Every commit that updates or deletes a session or a user, or touches a membership, notifies
 * AUTH_CHANGED_CHANNEL (statement triggers); this process LISTENs on its own connection and drops
 * every entry at once. Nothing is kept while that connection is down, and an answer read before a
 * notification is never stored after it (generation counter), so an entry can only outlive a
 * change by the notification's delivery time (milliseconds). Writes never use it (AuthGuard).
 */
@Injectable()
export class SessionLookupCache implements OnModuleDestroy {
  private readonly logger = new Logger('auth');
  private readonly entries = new Map<string, { row: SessionLookupRow; until: number }>();
  private generation = 0;
  private listener: Client | null = null;
  private listening = false;
  private connecting: Promise<void> | null = null;
  private retryAt = 0;
  private closed = false;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The cached lookup, or `load()`'s answer (kept when the session is live and the listener up). */
  async get(tokenHash: string, workspaceId: string | null, load: () => Promise<SessionLookupRow | undefined>) {
    this.listen();
    const key = `${tokenHash}|${workspaceId ?? ''}`;
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now && this.listening) return hit.row;
    if (hit) this.entries.delete(key);
    const generation = this.generation;
    const row = await load();
    if (row && this.listening && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, { row, until: Math.min(now + MAX_AGE_MS, new Date(row.expires_at).getTime()) });
    }
    return row;
  }

  /** Drops every entry (a change in this process; also what a notification does). */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Whether lookups are kept now (the LISTEN connection is up). */
  get active(): boolean {
    return this.listening;
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.clear();
    await this.connecting?.catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
  }

  /** Opens the LISTEN connection on first use (workers never resolve sessions) and after a loss. */
  private listen(): void {
    if (this.closed || this.listener || this.connecting || Date.now() < this.retryAt) return;
    const pool = (this.db.driver as unknown as { master: { options: ClientConfig } }).master;
    const client = new Client({ ...pool.options });
    const lost = (why: string) => {
      if (this.listener !== client && this.connecting === null) return;
      this.listening = false;
      this.listener = null;
      this.clear();
      this.retryAt = Date.now() + RECONNECT_MS;
      if (!this.closed) this.logger.warn(`session cache off until the auth-change listener reconnects: ${why}`);
      void client.end().catch(() => undefined);
    };
    client.on('notification', () => this.clear());
    client.on('error', (e) => lost(e.message));
    client.on('end', () => lost('connection ended'));
    this.connecting = client
      .connect()
      .then(() => client.query(`LISTEN ${AUTH_CHANGED_CHANNEL}`))
      .then(() => {
        this.listener = client;
        if (this.closed) return void client.end().catch(() => undefined);
        // Whatever changed before LISTEN took effect was never cached: entries only start now.
        this.clear();
        this.listening = true;
      })
      .catch((e: unknown) => lost(e instanceof Error ? e.message : String(e)))
      .finally(() => {
        this.connecting = null;
      });
  }
}
