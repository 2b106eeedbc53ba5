// Minimal require hook so backend scripts (benchmarks, maintenance commands) run from TypeScript
// sources with the same SWC settings as the tests: node -r ./scripts/ts-register.cjs file.ts
const { transformSync } = require('@swc/core');
const fs = require('node:fs');
const options = require('./swc-options.cjs');

require.extensions['.ts'] = function compile(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { ...options, filename, sourceMaps: 'inline' });
  module._compile(code, filename);
};
