#!/usr/bin/env node
// `npm start`: builds whatever is missing or stale, then runs API + worker + scheduler + dashboard
// in one process on an embedded Postgres (or DATABASE_URL), with the live demo workspace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newest(dir) {
  let max = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

function needsBuild(srcDir, marker) {
  if (!existsSync(marker)) return true;
  return newest(srcDir) > statSync(marker).mtimeMs;
}

if (!existsSync(path.join(root, 'node_modules'))) {
  console.log('Installing dependencies (npm ci)…');
  const r = spawnSync('npm', ['ci'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const targets = [
  ...['seeded-random', 'kpi', 'contracts', 'query', 'crisis', 'text', 'platform-sandbox'].map((p) => ({
    workspace: `packages/${p}`,
    src: path.join(root, 'packages', p, 'src'),
    marker: path.join(root, 'packages', p, 'dist', 'index.js'),
  })),
  { workspace: 'backend', src: path.join(root, 'backend', 'src'), marker: path.join(root, 'backend', 'dist', 'main.js') },
  { workspace: 'frontend', src: path.join(root, 'frontend', 'src'), marker: path.join(root, 'frontend', 'dist', 'index.html') },
];
let rebuiltPackage = false;
for (const t of targets) {
  const stale = needsBuild(t.src, t.marker) || (t.workspace === 'backend' && rebuiltPackage);
  if (!stale) continue;
  console.log(`Building ${t.workspace}…`);
  const r = spawnSync('npm', ['run', 'build', '--workspace', t.workspace], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`Build of ${t.workspace} failed.`);
    process.exit(r.status ?? 1);
  }
  if (t.workspace.startsWith('packages/')) rebuiltPackage = true;
}

// A 64 MB young generation: half the garbage-collection time under load (as in docker/Dockerfile).
const child = spawn(process.execPath, ['--max-semi-space-size=64', path.join(root, 'backend', 'dist', 'main.js')], {
  cwd: root,
  stdio: 'inherit',
  // The demo accounts sync every 30 s so data visibly arrives; override with VIGIE_SYNC_INTERVAL_MS.
  env: { VIGIE_DEMO: 'true', VIGIE_SYNC_INTERVAL_MS: '30000', ...process.env },
});
// Ctrl-C reaches the whole process group; the backend stops Postgres and Redis itself.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
