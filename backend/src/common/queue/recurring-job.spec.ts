import type { JobQueue, QueueDefinition } from './job-queue';
import { registerRecurring } from './recurring-job';

function fakeQueue() {
  const calls: string[] = [];
  const queue = {
    defineQueue: (def: QueueDefinition) => void calls.push(`define ${def.name} ×${def.concurrency}`),
    register: (q: string, name: string) => void calls.push(`register ${q}/${name}`),
    every: async (q: string, name: string, everyMs: number, data: unknown, schedulerId: string) =>
      void calls.push(`every ${q}/${name} ${everyMs} ${JSON.stringify(data)} ${schedulerId}`),
  } as unknown as JobQueue;
  return { queue, calls };
}

describe('registerRecurring', () => {
  const job = { queue: { name: 'q', concurrency: 1 }, name: 'tick', everyMs: 60_000, schedulerId: 'q-tick' };

  it.each(['worker', 'all'] as const)('registers the handler and schedules it in a %s process', async (role) => {
    const { queue, calls } = fakeQueue();
    await registerRecurring(queue, { role }, job, async () => undefined);
    expect(calls).toEqual(['define q ×1', 'register q/tick', 'every q/tick 60000 {} q-tick']);
  });

  it('only registers the handler in an API process', async () => {
    const { queue, calls } = fakeQueue();
    await registerRecurring(queue, { role: 'api' }, job, async () => undefined);
    expect(calls).toEqual(['define q ×1', 'register q/tick']);
  });
});
