import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Every `<name>.json` under a source folder that has a `<name>.ts` beside it. */
function jsonShadowing(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true });
  const names = new Set(entries.map((e) => e.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules' && e.name !== 'dist') out.push(...jsonShadowing(full));
    else if (e.name.endsWith('.json') && names.has(e.name.replace(/\.json$/, '.ts'))) out.push(path.relative(ROOT, full));
  }
  return out;
}

describe('source file names', () => {
  // Run from sources (npm start, benches: scripts/ts-register.cjs), Node resolves require('./x')
  // to x.json before x.ts, so such a JSON file silently replaces the module.
  it('never puts x.json beside x.ts', () => {
    const packages = readdirSync(path.join(ROOT, 'packages')).map((p) => path.join(ROOT, 'packages', p, 'src'));
    const dirs = [path.join(ROOT, 'backend', 'src'), ...packages.filter((d) => existsSync(d))];
    expect(dirs.flatMap((d) => jsonShadowing(d))).toEqual([]);
  });
});
