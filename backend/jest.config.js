/** @type {import('jest').Config} */
const swc = ['@swc/jest', require('../scripts/swc-options.cjs')];
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts'],
  transform: { '^.+\\.(t|j)s$': swc },
  // Shared packages are used from source in tests so no build is needed between edits.
  moduleNameMapper: { '^@vigie/(contracts|crisis|kpi|query|text|platform-sandbox|seeded-random)$': '<rootDir>/../packages/$1/src' },
  globalSetup: '<rootDir>/src/test-utils/global-setup.mjs',
  globalTeardown: '<rootDir>/src/test-utils/global-teardown.mjs',
  testTimeout: 60000,
};
