#!/usr/bin/env node
// Prints the gzip size of the JS the browser loads before the first page renders: the entry
// script of dist/index.html and every chunk it imports statically (route chunks are lazy).
// Usage: npm run size -w frontend [-- --json]
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error('frontend/dist/index.html not found: run `npm run build -w frontend` first');
  process.exit(1);
}
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g)].map((m) => m[1]);

// Static imports only: `import … from "./x.js"` / `import "./x.js"`, not `import("./x.js")`.
const STATIC_IMPORT = /(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g;
const seen = new Set();
const queue = [...entries];
while (queue.length) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  seen.add(file);
  const code = readFileSync(path.join(dist, file), 'utf8');
  for (const m of code.matchAll(STATIC_IMPORT)) queue.push(path.posix.join(path.posix.dirname(file), m[1]));
}

let raw = 0;
let gz = 0;
const rows = [...seen].map((file) => {
  const buf = readFileSync(path.join(dist, file));
  const g = gzipSync(buf, { level: 9 }).length;
  raw += buf.length;
  gz += g;
  return { file, raw: buf.length, gzip: g };
});
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ files: rows, raw, gzip: gz }));
} else {
  for (const r of rows) console.log(`${r.file.padEnd(44)} ${(r.raw / 1024).toFixed(1).padStart(8)} kB  gzip ${(r.gzip / 1024).toFixed(1).padStart(7)} kB`);
  console.log(`initial JS: ${(raw / 1024).toFixed(1)} kB, gzip ${(gz / 1024).toFixed(1)} kB (target < 300 kB)`);
}
