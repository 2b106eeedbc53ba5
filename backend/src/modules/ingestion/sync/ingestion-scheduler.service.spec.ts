import type { AppConfig } from '../../../config/app-config';
import type { JobQueue } from '../../../common/queue/job-queue';
import type { ChannelAccountsRepository, ScheduleRow } from '../../channels/channel-accounts.repository';
import { IngestionScheduler } from './ingestion-scheduler.service';

const H = 3_600_000;
const now = new Date('2025-06-01T12:00:00Z');
const row = (id: string, r: Partial<ScheduleRow> = {}): ScheduleRow => ({
  id,
  platform: 'mastodon',
  last_success_at: null,
  last_error_at: null,
  consecutive_failures: 0,
  sync_lease_until: null,
  ...r,
});

function setup(rows: ScheduleRow[]) {
  const accounts = {
    scheduleRows: jest.fn(async () => rows),
    lastSuccess: jest.fn(async (id: string) => rows.find((r) => r.id === id) ?? null),
  };
  const queue = { add: jest.fn(async () => undefined) };
  const config = { role: 'worker', syncTickMs: 0, syncIntervalMs: H } as unknown as AppConfig;
  const scheduler = new IngestionScheduler(accounts as unknown as ChannelAccountsRepository, queue as unknown as JobQueue, config);
  return { scheduler, accounts, queue };
}

describe('IngestionScheduler (due accounts from the channel accounts repository)', () => {
  it('enqueues only the due accounts, one job id per interval slot', async () => {
    const { scheduler, queue } = setup([
      row('never'),
      row('fresh', { last_success_at: new Date(now.getTime() - 1000) }),
      row('leased', { sync_lease_until: new Date(now.getTime() + 1000) }),
      row('backing-off', { consecutive_failures: 2, last_error_at: new Date(now.getTime() - 1000) }),
      row('stale', { last_success_at: new Date(now.getTime() - H) }),
    ]);

    await expect(scheduler.tick(now)).resolves.toBe(2);

    expect(queue.add.mock.calls.map((c) => (c as unknown[])[2])).toEqual([{ channelAccountId: 'never' }, { channelAccountId: 'stale' }]);
    expect(queue.add).toHaveBeenCalledWith('ingestion-mastodon', 'sync-channel', { channelAccountId: 'never' }, {
      jobId: `sched-never-${Math.floor(now.getTime() / H)}`,
    });
  });

  it('stillDue: false for a gone account or one synced within the interval', async () => {
    const { scheduler } = setup([row('fresh', { last_success_at: new Date(now.getTime() - 1000) }), row('stale', { last_success_at: new Date(now.getTime() - H) })]);
    await expect(scheduler.stillDue('gone', now)).resolves.toBe(false);
    await expect(scheduler.stillDue('fresh', now)).resolves.toBe(false);
    await expect(scheduler.stillDue('stale', now)).resolves.toBe(true);
  });
});
