import { randomBytes } from 'node:crypto';
import { type RunningSandbox, type SandboxAccountWithUrl, startSandbox } from '@vigie/platform-sandbox';
import type { DataSource } from 'typeorm';
import { SecretBox } from '../../../common/crypto/secret-box';
import { contentChecksums, seedAccount } from '../../../modules/ingestion/__tests__/db-checksums';
import { sandboxCredentials } from '../../../modules/ingestion/__tests__/sandbox-accounts';
import { ChannelSyncService } from '../../../modules/ingestion/sync/channel-sync.service';
import { createTestApp } from '../../../test-utils/test-app';

export type Checksums = Awaited<ReturnType<typeof contentChecksums>>;
export { contentChecksums };

/** The accounts every fault scenario syncs: two Facebook pages (own + competitor, posts, comments, insights), Mastodon, Bluesky, Reddit. */
export const FAULT_ACCOUNTS = [
  ['maison-lumiere', 'facebook'],
  ['eclat-paris', 'facebook'],
  ['maison-lumiere', 'mastodon'],
  ['maison-lumiere', 'bluesky'],
  ['maison-lumiere', 'reddit'],
] as const;

export interface FaultWorld {
  sb: RunningSandbox;
  accounts: SandboxAccountWithUrl[];
  /** What one clean, uninterrupted run of every account writes. */
  reference: Checksums;
  secretKeyHex: string;
  close(): Promise<void>;
}

/**
 * A platform sandbox with a frozen clock (the platforms' data cannot move between two runs)
 * and the reference: the same accounts synced once, in-process, on a fresh database.
 */
export async function startFaultWorld(opts: { timeoutHoldMs?: number } = {}): Promise<FaultWorld> {
  const frozen = new Date();
  const sb = await startSandbox({ port: 0, now: () => frozen, rateLimits: false, timeoutHoldMs: opts.timeoutHoldMs ?? 300 });
  const accounts = FAULT_ACCOUNTS.map(([brand, platform]) => sb.accounts.find((a) => a.brandSlug === brand && a.platform === platform)!);
  const clean = await createTestApp();
  try {
    const ids = await seedAccounts(clean.db, accounts, clean.app.get(SecretBox), (p) => sb.baseUrls[p]);
    for (const id of ids) {
      const summary = await clean.app.get(ChannelSyncService).run(id);
      if (summary.skipped) throw new Error(`clean run skipped ${id}: ${summary.skipped}`);
    }
    const [failed] = (await clean.db.query(`SELECT count(*)::int AS n FROM channel_accounts WHERE status <> 'ok'`)) as Array<{ n: number }>;
    if (failed.n) throw new Error('the clean run did not end ok');
    const reference = await contentChecksums(clean.db);
    return { sb, accounts, reference, secretKeyHex: randomBytes(32).toString('hex'), close: () => sb.close() };
  } finally {
    await clean.close();
  }
}

/** Inserts the channel accounts (one workspace, one brand per sandbox brand) with sealed sandbox tokens. */
export async function seedAccounts(
  db: DataSource,
  accounts: SandboxAccountWithUrl[],
  box: SecretBox,
  baseUrl: (platform: SandboxAccountWithUrl['platform']) => string,
): Promise<string[]> {
  const [ws] = (await db.query(`INSERT INTO workspaces (name) VALUES ('faults') RETURNING id`)) as Array<{ id: string }>;
  const ids: string[] = [];
  for (const a of accounts) {
    const s = await seedAccount(db, { workspaceId: ws.id, platform: a.platform, handle: a.handle, baseUrl: baseUrl(a.platform), brandKind: a.brandKind });
    const creds = sandboxCredentials(a);
    await db.query(`UPDATE channel_accounts SET external_id = $2, credentials_encrypted = $3 WHERE id = $1`, [
      s.channelAccountId,
      a.externalId,
      creds ? box.sealJson(creds) : null,
    ]);
    ids.push(s.channelAccountId);
  }
  return ids;
}

export interface AccountState {
  id: string;
  platform: string;
  status: string;
  last_error: string | null;
  synced: boolean;
  cursor: boolean;
}

export async function accountStates(db: DataSource): Promise<AccountState[]> {
  return (await db.query(
    `SELECT id, platform, status, last_error, last_success_at IS NOT NULL AS synced, sync_cursor IS NOT NULL AS cursor
     FROM channel_accounts ORDER BY platform, id`,
  )) as AccountState[];
}

/** Every account synced to the end by itself: cursor saved, status back to ok, no error left. */
export async function allSyncedOk(db: DataSource, count: number): Promise<AccountState[] | false> {
  const rows = await accountStates(db);
  return rows.length === count && rows.every((r) => r.synced && r.cursor && r.status === 'ok' && r.last_error === null) && rows;
}

/** Records the statuses each account goes through while a fault lasts (consecutive repeats folded). */
export function watchStatuses(db: DataSource, everyMs = 50) {
  const seen = new Map<string, string[]>();
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        for (const r of await accountStates(db)) {
          const k = `${r.platform}:${r.id.slice(0, 8)}`;
          const path = seen.get(k) ?? [];
          if (path.at(-1) !== r.status) path.push(r.status);
          seen.set(k, path);
        }
      } catch {
        /* the database itself may be the fault */
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    seen,
    stop: async () => {
      running = false;
      await loop;
    },
    /** `platform:id ok>degraded>ok`-style lines */
    lines: () => [...seen.entries()].map(([k, v]) => `${k} ${v.join('>')}`),
  };
}

/** The figures the closing note quotes: per table, clean run vs mid-fault vs after recovery. */
export function printChecksumTable(title: string, reference: Checksums, during: Checksums | null, after: Checksums, notes: string[] = []): void {
  const short = (m: string | null) => (m ? m.slice(0, 12) : '-');
  const rows = Object.keys(reference).map((t) => {
    const r = reference[t];
    const a = after[t];
    const d = during?.[t];
    return [t.padEnd(22), String(r.count).padStart(6), short(r.md5).padEnd(12), String(d?.count ?? '-').padStart(8), String(a.count).padStart(6), short(a.md5).padEnd(12), r.count === a.count && r.md5 === a.md5 ? 'yes' : 'NO'].join(' | ');
  });
  const head = ['table'.padEnd(22), 'clean'.padStart(6), 'clean md5'.padEnd(12), 'at fault'.padStart(8), 'after'.padStart(6), 'after md5'.padEnd(12), 'same'].join(' | ');
  console.log([`\n[fault] ${title}`, head, '-'.repeat(head.length), ...rows, ...notes.map((n) => `  ${n}`)].join('\n'));
}
