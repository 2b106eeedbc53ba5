/**
 * The backend's modules from top to bottom. A module may import only modules listed after it, so
 * the import graph is acyclic and every arrow points down (a newcomer reads the list bottom-up).
 * common/, config/, infra/ and database/ sit below every module and import none.
 * Checked by src/__tests__/module-layers.spec.ts.
 */
export const MODULE_LAYERS = [
  'demo',
  'crisis',
  'privacy',
  'reports',
  'veille',
  'enrichment',
  'inbox',
  'links',
  'kpi',
  'ingestion',
  'posts',
  'channels',
  'brands',
  'auth',
  'workspaces',
  'users',
  'health',
] as const;

/** Folders under src/ that hold shared infrastructure: they must not import any module. */
export const FOUNDATION_DIRS = ['common', 'config', 'infra', 'database'] as const;
