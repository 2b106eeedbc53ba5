import * as path from 'path';

// scripts are compiled to dist-scripts/scripts: the package root is two levels up.
export const PACKAGE_ROOT = path.resolve(__dirname, '..', '..');
export const REPO_ROOT = path.resolve(PACKAGE_ROOT, '..', '..');
export const SHARED_DATA = path.resolve(REPO_ROOT, '..', 'shared', 'data');
