#!/usr/bin/env node
// `npm run bench`: every benchmark of the project, one after the other, each printing its figures.
// Targets come from the issues; figures are measured here, never asserted in unit tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const run = (label, cmd, args, cwd = root) => {
  if (only.length && !only.some((o) => label.includes(o))) return 0;
  console.log(`\n=== ${label} ===`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  console.log(`--- ${label}: ${r.status === 0 ? 'done' : `FAILED (${r.status})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return r.status ?? 1;
};

let failures = 0;
spawnSync('npm', ['run', 'build', '--workspaces', '--if-present'], { cwd: root, stdio: 'inherit' });
for (const ws of ['packages/kpi', 'packages/query', 'packages/text', 'frontend']) {
  const pkg = JSON.parse(readFileSync(path.join(root, ws, 'package.json'), 'utf8'));
  if (pkg.scripts?.bench) failures += run(ws, 'npm', ['run', 'bench', '--workspace', ws]) ? 1 : 0;
}
const scriptsDir = path.join(root, 'backend', 'scripts');
if (existsSync(scriptsDir)) {
  for (const f of readdirSync(scriptsDir).filter((x) => /^bench-.*\.(ts|mjs|js)$/.test(x)).sort()) {
    const file = path.join(scriptsDir, f);
    const args = f.endsWith('.ts') ? ['-r', path.join(root, 'scripts', 'ts-register.cjs'), file] : [file];
    failures += run(`backend/${f}`, process.execPath, args, path.join(root, 'backend')) ? 1 : 0;
  }
}
process.exit(failures ? 1 : 0);
