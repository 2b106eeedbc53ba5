// The one jest config of the pure packages (each package's jest.config.js is this file):
// <rootDir> is the package that requires it.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest'] },
  // Generous: CI machines are shared and world generation can be slow under load.
  testTimeout: 60000,
};
