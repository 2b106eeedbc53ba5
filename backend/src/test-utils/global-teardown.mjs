import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const state = globalThis.__VIGIE_TEST__;
  if (!state) return;
  if (state.redisPid) {
    try { process.kill(state.redisPid, 'SIGTERM'); } catch { /* gone */ }
  }
  if (state.pg) await state.pg.stop();
  rmSync(state.dir, { recursive: true, force: true });
}
