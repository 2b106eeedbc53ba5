// Boots the backend entry point (src/main.ts) from TypeScript in a child process (kill -9 and fault
// tests, benchmarks): the repo's SWC require hook, and @vigie/* mapped to the packages' sources as in jest.
const Module = require('node:module');
const path = require('node:path');
const root = path.resolve(__dirname, '../../..');
require(path.join(root, 'scripts', 'ts-register.cjs'));
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const m = /^@vigie\/(contracts|kpi|query|text|platform-sandbox)$/.exec(request);
  if (m) return path.join(root, 'packages', m[1], 'src', 'index.ts');
  return resolve.call(this, request, ...rest);
};
require(path.join(root, 'backend', 'src', 'main.ts'));
