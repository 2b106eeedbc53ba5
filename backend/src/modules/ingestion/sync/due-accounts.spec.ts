import { isDue, scheduledJobId, type ScheduleRow } from './due-accounts';

const H = 3_600_000;
const now = new Date('2025-06-01T12:00:00Z');
const at = (msAgo: number) => new Date(now.getTime() - msAgo);
const row = (r: Partial<ScheduleRow> = {}): ScheduleRow => ({
  id: 'a',
  platform: 'facebook',
  last_success_at: null,
  last_error_at: null,
  consecutive_failures: 0,
  sync_lease_until: null,
  ...r,
});

describe('isDue', () => {
  it('never synced → due; synced within the interval → not due; after it → due', () => {
    expect(isDue(row(), H, now)).toBe(true);
    expect(isDue(row({ last_success_at: at(H - 1) }), H, now)).toBe(false);
    expect(isDue(row({ last_success_at: at(H) }), H, now)).toBe(true);
  });
  it('a live lease (a run in progress) blocks; an expired one (dead worker) does not', () => {
    expect(isDue(row({ sync_lease_until: at(-1000) }), H, now)).toBe(false);
    expect(isDue(row({ sync_lease_until: at(1) }), H, now)).toBe(true);
  });
  it('after failures, waits 1, 2, 4… minutes since the last error, capped by the interval', () => {
    expect(isDue(row({ consecutive_failures: 1, last_error_at: at(59_000) }), H, now)).toBe(false);
    expect(isDue(row({ consecutive_failures: 1, last_error_at: at(60_000) }), H, now)).toBe(true);
    expect(isDue(row({ consecutive_failures: 3, last_error_at: at(239_000) }), H, now)).toBe(false);
    expect(isDue(row({ consecutive_failures: 3, last_error_at: at(240_000) }), H, now)).toBe(true);
    expect(isDue(row({ consecutive_failures: 30, last_error_at: at(H) }), H, now)).toBe(true);
  });
});

describe('scheduledJobId', () => {
  it('is the same within an interval slot and changes with the next slot', () => {
    const a = scheduledJobId('acc', H, new Date('2025-06-01T12:00:00Z'));
    expect(scheduledJobId('acc', H, new Date('2025-06-01T12:59:59Z'))).toBe(a);
    expect(scheduledJobId('acc', H, new Date('2025-06-01T13:00:00Z'))).not.toBe(a);
    expect(a).toBe(`sched-acc-${Math.floor(Date.parse('2025-06-01T12:00:00Z') / H)}`);
  });
});
