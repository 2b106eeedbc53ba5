#!/usr/bin/env node
// `npm run bench -w frontend`: gzip size of the JavaScript a first visit downloads before any
// page chunk (issue 7: target < 300 kB). Reads the built dist/ (run `npm run build -w frontend`
// first): the entry <script> of index.html, its <link rel="modulepreload"> files, and every
// chunk they import statically (followed recursively) — lazy route chunks are not counted.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const TARGET_KB = 300;
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const indexFile = path.join(dist, 'index.html');
if (!existsSync(indexFile)) {
  console.error('frontend/dist/index.html missing: run `npm run build -w frontend` first');
  process.exit(1);
}
const html = readFileSync(indexFile, 'utf8');

const attr = (tag, name) => tag.match(new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`))?.[1];
const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
const roots = tags
  .filter((t) => (t.startsWith('<script') && attr(t, 'type') === 'module') || (t.startsWith('<link') && attr(t, 'rel') === 'modulepreload'))
  .map((t) => attr(t, 'src') ?? attr(t, 'href'))
  .filter((u) => u && !/^https?:/.test(u));

// Static imports only: `import x from "./a.js"`, `import "./a.js"`, `export * from "./a.js"`.
// Dynamic `import("./Page.js")` is what a route loads later, so it is left out.
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

const files = new Map();
const visit = (rel) => {
  const file = path.join(dist, rel.replace(/^\//, ''));
  if (files.has(file)) return;
  const code = readFileSync(file);
  files.set(file, { raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
  for (const m of code.toString('utf8').matchAll(STATIC_IMPORT)) visit(path.relative(dist, path.resolve(path.dirname(file), m[1])));
};
for (const r of roots) visit(r);

const kb = (n) => (n / 1024).toFixed(1);
let raw = 0;
let gz = 0;
console.log('Initial JavaScript (entry + modulepreload + static imports), gzip -9:');
for (const [file, s] of [...files].sort((a, b) => b[1].gzip - a[1].gzip)) {
  raw += s.raw;
  gz += s.gzip;
  console.log(`  ${path.relative(dist, file).padEnd(44)} ${kb(s.raw).padStart(8)} kB raw  ${kb(s.gzip).padStart(7)} kB gzip`);
}
console.log(`  total: ${files.size} files, ${kb(raw)} kB raw, ${kb(gz)} kB gzip — target < ${TARGET_KB} kB: ${gz / 1024 < TARGET_KB ? 'OK' : 'MISSED'}`);
if (gz / 1024 >= TARGET_KB) process.exitCode = 1;
